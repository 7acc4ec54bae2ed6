package dev.smo.karmada.internal;

import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.ApiException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/** The API server's own words out of an {@link ApiException}, and whether trying again may help. */
final class ApiErrors {

    private ApiErrors() {}

    /**
     * @param e the failure
     * @return "HTTP 500: <the Status message>", or the I/O failure when no response came back
     */
    static String describe(ApiException e) {
        if (e.getCode() == 0) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
        return "HTTP " + e.getCode() + ": " + statusMessage(e);
    }

    private static String statusMessage(ApiException e) {
        String body = e.getResponseBody();
        if (body != null && !body.isBlank()) {
            try {
                var json = JsonParser.parseString(body);
                if (json.isJsonObject() && json.getAsJsonObject().has("message")) {
                    return json.getAsJsonObject().get("message").getAsString();
                }
            } catch (RuntimeException notJson) {
                // Not a Status object: the raw body is the best message there is.
            }
            return body.length() > 500 ? body.substring(0, 500) + "…" : body;
        }
        return e.getMessage() == null ? "(no message)" : e.getMessage();
    }

    /**
     * @param e the failure
     * @return whether it looks transient: no connection, a timeout, 429 or a 5xx
     */
    static boolean isTransient(ApiException e) {
        int code = e.getCode();
        if (code == 0) {
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof ConnectException
                        || t instanceof SocketTimeoutException
                        || t instanceof InterruptedIOException
                        || t instanceof UnknownHostException
                        || t instanceof java.io.IOException) {
                    return true;
                }
            }
            return false;
        }
        return code == 429 || code >= 500;
    }
}
