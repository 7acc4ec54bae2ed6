package dev.smo.server.http;

import dev.smo.model.Violation;
import io.javalin.openapi.OpenApiNullable;
import java.util.List;

/**
 * An RFC 9457 problem detail, served as {@code application/problem+json}.
 *
 * @param type a URI naming the kind of problem
 * @param title a short summary of the kind
 * @param status the HTTP status
 * @param detail what went wrong in this request, for a person
 * @param instance the request path
 * @param errors one entry per problem in the request, each with a JSON-pointer path into it
 */
public record Problem(
        String type,
        String title,
        int status,
        @OpenApiNullable String detail,
        @OpenApiNullable String instance,
        List<Violation> errors) {

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
