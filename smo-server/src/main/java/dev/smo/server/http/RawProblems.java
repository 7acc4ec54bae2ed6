package dev.smo.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smo.model.Violation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Problem answers written below Javalin: by the request guard and by Jetty's error handler. */
final class RawProblems {

    static final String BASE = "https://smo.dev/problems/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RawProblems() {}

    static byte[] body(int status, String type, String title, String detail, String instance, List<Violation> errors) {
        try {
            return JSON.writeValueAsBytes(new Problem(BASE + type, title, status, detail, instance, errors));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem record cannot be serialised.", e);
        }
    }

    static void write(
            HttpServletResponse response,
            int status,
            String type,
            String title,
            String detail,
            String instance,
            List<Violation> errors)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        byte[] body = body(status, type, title, detail, instance, errors);
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /** A problem about {@code request} with one error at {@code path}. */
    static void write(
            HttpServletRequest request,
            HttpServletResponse response,
            int status,
            String type,
            String title,
            String path,
            String detail)
            throws IOException {
        write(response, status, type, title, detail, request.getRequestURI(), List.of(Violation.of(path, detail)));
    }
}
