package dev.smo.server.http;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A request's {@code Content-Type}, parsed leniently: parameters in any case, quoted or not, with spaces around.
 *
 * @param type the media type, lower case, without parameters
 * @param charsetName the {@code charset} parameter as sent (unquoted), or empty when absent
 */
record MediaType(String type, Optional<String> charsetName) {

    /** The media types a descriptor or a webhook notification may be sent as. */
    static final Set<String> DESCRIPTOR_TYPES = Set.of(
            "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "application/json", "text/json");

    private static final Set<Charset> CHARSETS =
            Set.of(StandardCharsets.UTF_8, StandardCharsets.US_ASCII, StandardCharsets.ISO_8859_1);

    static MediaType parse(String header) {
        String[] parts = header.split(";", -1);
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        Optional<String> charset = Optional.empty();
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            int eq = parameter.indexOf('=');
            if (eq > 0 && parameter.substring(0, eq).strip().equalsIgnoreCase("charset")) {
                String value = parameter.substring(eq + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1).strip();
                }
                charset = Optional.of(value);
            }
        }
        return new MediaType(type, charset);
    }

    /** @return whether a descriptor may be sent as this type (including {@code +json} and {@code +yaml}) */
    boolean acceptable() {
        return DESCRIPTOR_TYPES.contains(type) || type.endsWith("+json") || type.endsWith("+yaml");
    }

    /** @return the charset, UTF-8 when absent; empty when named but not one of UTF-8, US-ASCII, ISO-8859-1 */
    Optional<Charset> charset() {
        if (charsetName.isEmpty()) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        try {
            Charset named = Charset.forName(charsetName.get());
            return CHARSETS.contains(named) ? Optional.of(named) : Optional.empty();
        } catch (IllegalArgumentException e) { // illegal or unsupported name, or empty
            return Optional.empty();
        }
    }
}
