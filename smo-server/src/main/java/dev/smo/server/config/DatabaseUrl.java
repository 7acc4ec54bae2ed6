package dev.smo.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A PostgreSQL location as operators write it, turned into a JDBC URL that keeps every parameter they wrote
 * ({@code sslmode}, {@code sslrootcert}, {@code options}, ...). User and password are taken out of the URL, so the
 * URL can be printed; {@link #redact} hides a password in text that still has one.
 *
 * @param base {@code jdbc:postgresql://host:port/db}, without parameters
 * @param parameters the remaining parameters, in the order written
 * @param user the user the URL names, if any
 * @param password the password the URL names, if any
 */
record DatabaseUrl(String base, Map<String, String> parameters, Optional<String> user, Optional<String> password) {

    /** libpq's and pgjdbc's {@code sslmode} values. */
    static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    /** libpq parameter names whose pgjdbc name differs. */
    private static final Map<String, String> LIBPQ_TO_JDBC =
            Map.of("connect_timeout", "connectTimeout", "application_name", "ApplicationName");

    DatabaseUrl {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    static DatabaseUrl of(String host, int port, String database) {
        return new DatabaseUrl(
                "jdbc:postgresql://" + host + ":" + port + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8),
                Map.of(),
                Optional.empty(),
                Optional.empty());
    }

    /**
     * @param raw {@code jdbc:postgresql://...} or {@code postgresql://user:password@host:port/db?...}
     * @return the parsed URL
     * @throws IllegalArgumentException with the reason, for anything else
     */
    static DatabaseUrl parse(String raw) {
        if (raw.startsWith("jdbc:postgresql:")) {
            int query = raw.indexOf('?');
            Map<String, String> parameters = query < 0 ? new LinkedHashMap<>() : query(raw.substring(query + 1));
            String base = query < 0 ? raw : raw.substring(0, query);
            return new DatabaseUrl(
                    base,
                    without(parameters, "user", "password"),
                    Optional.ofNullable(parameters.get("user")),
                    Optional.ofNullable(parameters.get("password")));
        }
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a URL: " + e.getReason() + ".");
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException("is not a PostgreSQL URL.\n"
                    + "  Maybe use jdbc:postgresql://host:5432/smo or postgresql://user:password@host:5432/smo.");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("names no host.\n  Maybe write postgresql://user@host:5432/smo.");
        }
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = Optional.of(decode(parts[0])).filter(u -> !u.isEmpty());
            password = parts.length > 1 ? Optional.of(decode(parts[1])) : Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            query(uri.getRawQuery()).forEach((k, v) -> parameters.put(LIBPQ_TO_JDBC.getOrDefault(k, k), v));
        }
        user = user.or(() -> Optional.ofNullable(parameters.get("user")));
        password = password.or(() -> Optional.ofNullable(parameters.get("password")));
        String path = uri.getRawPath() == null || uri.getRawPath().length() <= 1
                ? ""
                : uri.getRawPath().substring(1);
        String database = path.isEmpty() ? user.orElse("postgres") : decode(path);
        String host = uri.getHost() + ":" + (uri.getPort() < 0 ? 5432 : uri.getPort());
        return new DatabaseUrl(
                "jdbc:postgresql://" + host + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8),
                without(parameters, "user", "password"),
                user,
                password);
    }

    /** @return a copy with one more parameter */
    DatabaseUrl with(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(parameters);
        copy.put(name, value);
        return new DatabaseUrl(base, copy, user, password);
    }

    /** @return the JDBC URL with every parameter but user and password */
    String jdbcUrl() {
        if (parameters.isEmpty()) {
            return base;
        }
        StringJoiner query = new StringJoiner("&", base + "?", "");
        parameters.forEach((k, v) -> query.add(encode(k) + "=" + encode(v)));
        return query.toString();
    }

    /**
     * @param text a URL as written, maybe with a password
     * @return the text with any password (user info or parameter) replaced by {@code ***}
     */
    static String redact(String text) {
        return text.replaceAll("(?i)(password=)[^&\\s]*", "$1***").replaceAll("(//[^/:@\\s]*:)[^@/\\s]*@", "$1***@");
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : raw.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            parameters.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return parameters;
    }

    private static Map<String, String> without(Map<String, String> parameters, String... names) {
        Map<String, String> copy = new LinkedHashMap<>(parameters);
        for (String name : names) {
            copy.remove(name);
        }
        return copy;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
