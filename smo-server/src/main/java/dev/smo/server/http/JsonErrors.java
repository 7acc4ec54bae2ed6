package dev.smo.server.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/** Messages for JSON a request body failed to be: malformed, or past a nesting, number or name limit. */
final class JsonErrors {

    private JsonErrors() {}

    static String describe(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return "The body breaks a JSON limit: " + e.getOriginalMessage()
                    + "\nMaybe the document is nested too deep or holds an absurdly long number or key.";
        }
        JsonLocation at = e.getLocation();
        return "The body is not valid JSON: " + e.getOriginalMessage()
                + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                + ".\nMaybe send YAML with Content-Type: application/yaml.";
    }
}
