package dev.smo.server.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own errors (a malformed request line, headers too large, a URI too long, a failure before Javalin) as
 * problem answers instead of HTML pages.
 */
public final class ProblemErrorHandler extends ErrorHandler {

    @Override
    protected void generateAcceptableResponse(
            Request baseRequest, HttpServletRequest request, HttpServletResponse response, int code, String message)
            throws IOException {
        int status = code >= 400 && code < 600 ? code : 500;
        String reason = HttpStatus.getMessage(status);
        baseRequest.setHandled(true);
        RawProblems.write(
                response,
                status,
                "http-" + status,
                reason,
                reason + (message == null || message.isBlank() || message.equals(reason) ? "." : ": " + message),
                request.getRequestURI(),
                List.of());
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String title = HttpStatus.getMessage(status);
        fields.put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        return ByteBuffer.wrap(RawProblems.body(
                status,
                "http-" + status,
                title,
                "The request is malformed: " + (reason == null ? title : reason) + ".",
                "",
                List.of()));
    }
}
