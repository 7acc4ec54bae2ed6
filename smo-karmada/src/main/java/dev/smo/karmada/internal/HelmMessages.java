package dev.smo.karmada.internal;

import java.util.List;
import java.util.Locale;

/** Reads Helm's error messages: which mean "not found", "name in use", or a transient failure. */
final class HelmMessages {

    private static final List<String> TRANSIENT = List.of(
            "connection refused",
            "connection reset",
            "broken pipe",
            "i/o timeout",
            "tls handshake timeout",
            "client.timeout exceeded",
            "context deadline exceeded",
            "unexpected eof",
            ": eof",
            "an error on the server",
            "internal error",
            "internal server error",
            "service unavailable",
            "the server is currently unable to handle the request",
            "bad gateway",
            "gateway timeout",
            "too many requests",
            "etcdserver: request timed out",
            "the server was unable to return a response",
            "http2: client connection lost",
            "status code 500",
            "status code 502",
            "status code 503",
            "status code 504",
            "status: 500",
            "status: 502",
            "status: 503",
            "status: 504");

    /** Waiting for readiness ran out: the release exists, trying again would just wait again. */
    private static final List<String> NOT_READY =
            List.of("timed out waiting for the condition", "resource not ready", "waiting for");

    private HelmMessages() {}

    /** @return whether Helm says the release does not exist */
    static boolean notFound(String message) {
        String m = lower(message);
        return m.contains("release: not found") || m.contains("release not found") || m.equals("not found");
    }

    /** @return whether Helm refused an install because the release already exists */
    static boolean nameInUse(String message) {
        return lower(message).contains("cannot re-use a name that is still in use");
    }

    /** @return whether the failure looks transient: no connection, a timeout, an overloaded or failing server */
    static boolean isTransient(String message) {
        String m = lower(message);
        if (NOT_READY.stream().anyMatch(m::contains)) {
            return false;
        }
        return TRANSIENT.stream().anyMatch(m::contains) || m.endsWith(" eof") || m.endsWith("eof\n");
    }

    private static String lower(String message) {
        return message == null ? "" : message.toLowerCase(Locale.ROOT).strip();
    }
}
