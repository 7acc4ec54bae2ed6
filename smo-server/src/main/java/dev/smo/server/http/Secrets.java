package dev.smo.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Hides secrets inside Helm values: under {@code valuesOverwrite} (and the views' {@code values_overwrite} and
 * {@code values}), every entry whose key names a secret (password, token, secret, credentials, private key, API
 * key, ...) has its value replaced by {@value #MASK}, at any depth.
 */
public final class Secrets {

    /** What a hidden value reads as. */
    public static final String MASK = "***";

    private static final Set<String> VALUE_KEYS = Set.of("valuesoverwrite", "values_overwrite", "values");
    private static final Pattern SECRET = Pattern.compile(
            "pass(word|wd|phrase)?|secret|token|credential|private[_-]?key|api[_-]?key|access[_-]?key|auth|"
                    + "certificate[_-]?key|tls[_-]?key|dsn|connection[_-]?string",
            Pattern.CASE_INSENSITIVE);

    /** A word of every alternative of {@link #SECRET}: a text without any holds no secret key (searched fast). */
    private static final List<String> ANCHORS =
            List.of("pass", "secret", "token", "credential", "key", "auth", "dsn", "connection");

    private Secrets() {}

    /**
     * @param node a response document; changed in place
     * @return how many values were hidden
     */
    public static int redact(JsonNode node) {
        return walk(node, false);
    }

    /**
     * A quick test before parsing an answer: a key that names a secret appears as such in the JSON text, unless
     * written with Unicode escapes.
     *
     * @param json a JSON document
     * @return false when no key of the document can name a secret, so {@link #redact} would hide nothing
     */
    public static boolean mayHold(String json) {
        if (json.contains("\\u")) {
            return true;
        }
        String lower = json.toLowerCase(Locale.ROOT);
        for (String anchor : ANCHORS) {
            if (lower.contains(anchor)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param key a map key
     * @return whether its value is treated as a secret
     */
    public static boolean isSecretKey(String key) {
        return SECRET.matcher(key).find();
    }

    private static int walk(JsonNode node, boolean inValues) {
        int hidden = 0;
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (inValues && isSecretKey(field.getKey()) && !field.getValue().isNull()) {
                    field.setValue(TextNode.valueOf(MASK));
                    hidden++;
                } else {
                    boolean values =
                            inValues || VALUE_KEYS.contains(field.getKey().toLowerCase(Locale.ROOT));
                    hidden += walk(field.getValue(), values);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (JsonNode element : array) {
                hidden += walk(element, inValues);
            }
        }
        return hidden;
    }
}
