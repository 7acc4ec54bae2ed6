package dev.smo.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;

/**
 * What a deploy or plan request carries: a descriptor text, or an artifact reference. Accepted bodies: a YAML
 * document ({@code Content-Type: application/yaml}), a JSON object with {@code hdaGraph}, a JSON string holding a
 * YAML or JSON descriptor (the original's double-encoded form), or {@code {"artifact": "oci://..."}}.
 *
 * @param descriptor the descriptor text, or {@code null}
 * @param artifact the artifact reference, or {@code null}
 */
record DeployRequest(String descriptor, String artifact) {

    static DeployRequest from(String contentType, String body, ObjectMapper json) {
        if (body == null || body.isBlank()) {
            throw new Problems.BadRequest(
                    "",
                    "The body is empty.\nMaybe post the HDAG descriptor (YAML or JSON) "
                            + "or {\"artifact\": \"oci://registry/project/graph:tag\"}.");
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("yaml") || type.startsWith("text/")) {
            return new DeployRequest(body, null);
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JsonProcessingException e) {
            if (type.contains("json")) {
                throw new Problems.BadRequest("", JsonErrors.describe(e));
            }
            return new DeployRequest(body, null);
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new Problems.BadRequest("", "The body holds no document.");
        }
        if (node.isTextual()) {
            return new DeployRequest(node.asText(), null);
        }
        if (!node.isObject()) {
            throw new Problems.BadRequest(
                    "",
                    "The body is a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT)
                            + "; expected an object with hdaGraph or artifact.");
        }
        if (node.has("artifact")) {
            JsonNode artifact = node.get("artifact");
            if (!artifact.isTextual() || artifact.asText().isBlank()) {
                throw new Problems.BadRequest(
                        "/artifact",
                        "artifact must be a non-empty string such as "
                                + "\"oci://registry:5000/project/graph:1.0.0\".");
            }
            return new DeployRequest(null, artifact.asText().trim());
        }
        if (node.has("hdaGraph")) {
            return new DeployRequest(body, null);
        }
        throw new Problems.BadRequest(
                "/hdaGraph",
                "The body has neither hdaGraph nor artifact.\n"
                        + "Maybe wrap the descriptor in {\"hdaGraph\": {...}}.");
    }
}
