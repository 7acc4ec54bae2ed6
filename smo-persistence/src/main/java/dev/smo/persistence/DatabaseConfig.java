package dev.smo.persistence;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where a PostgreSQL database is and how to log in, as the original SMO configured it
 * ({@code DB_HOST}, {@code DB_NAME}, {@code DB_USER}, {@code DB_PASSWORD}; port 5432).
 *
 * @param host host name or IP address (IPv6 without brackets)
 * @param port TCP port, 1 to 65535
 * @param name database name
 * @param user user name, or {@code null} for the driver's default
 * @param password password, or {@code null} when none is needed (trust or peer authentication)
 */
public record DatabaseConfig(String host, int port, String name, String user, String password) {

    /** The port the original SMO always used. */
    public static final int DEFAULT_PORT = 5432;

    public DatabaseConfig {
        requireText(host, "host");
        requireText(name, "name");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Database port (" + port + ") is outside 1-65535.");
        }
    }

    /**
     * The original's form: a host, optionally with {@code :port}, and the default port otherwise.
     *
     * @param host {@code DB_HOST}, e.g. {@code localhost} or {@code db.example:6543}
     * @param name {@code DB_NAME}
     * @param user {@code DB_USER}, or {@code null}
     * @param password {@code DB_PASSWORD}, or {@code null}
     * @return the configuration
     * @throws IllegalArgumentException when the host or name is blank or the port is not a number in range
     */
    public static DatabaseConfig of(String host, String name, String user, String password) {
        requireText(host, "host");
        int colon = host.lastIndexOf(':');
        if (colon > 0 && host.indexOf(':') == colon) {
            String port = host.substring(colon + 1);
            try {
                return new DatabaseConfig(host.substring(0, colon), Integer.parseInt(port), name, user, password);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "Database host (" + host + ") has a port (" + port
                                + ") that is not a number.\nMaybe write it as host:5432.",
                        e);
            }
        }
        return new DatabaseConfig(host, DEFAULT_PORT, name, user, password);
    }

    /**
     * Parses a libpq-style URI, the form the original built: {@code postgresql://user:password@host:port/name}
     * ({@code postgres://} also accepted; user, password and port optional; percent-escapes decoded).
     *
     * @param uri the URI
     * @return the configuration
     * @throws IllegalArgumentException when the text is not such a URI or names no host or database
     */
    public static DatabaseConfig parse(String uri) {
        Objects.requireNonNull(uri, "uri");
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "Database URI (" + redact(uri) + ") is malformed: " + e.getReason()
                            + ".\nMaybe write it as postgresql://user:password@host:5432/smo.",
                    e);
        }
        String scheme = parsed.getScheme();
        if ((!"postgresql".equals(scheme) && !"postgres".equals(scheme))
                || parsed.getHost() == null
                || parsed.getPath() == null
                || parsed.getPath().length() < 2) {
            throw new IllegalArgumentException("Database URI (" + redact(uri) + ") is not of the form "
                    + "postgresql://user:password@host:port/name.\nMaybe pass a JDBC URL to Databases.fromUrl.");
        }
        String user = null;
        String password = null;
        String userInfo = parsed.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        String host = parsed.getHost().replace("[", "").replace("]", "");
        int port = parsed.getPort() < 0 ? DEFAULT_PORT : parsed.getPort();
        return new DatabaseConfig(host, port, decode(parsed.getRawPath().substring(1)), user, password);
    }

    /** @return the JDBC URL, without credentials: {@code jdbc:postgresql://host:port/name} */
    public String jdbcUrl() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + h + ":" + port + "/" + name;
    }

    /** @return the fields, with the password masked */
    @Override
    public String toString() {
        return "DatabaseConfig[host=" + host + ", port=" + port + ", name=" + name + ", user=" + user + ", password="
                + (password == null ? "null" : "****") + "]";
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Database " + field + " (" + value + ") is blank.");
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String redact(String uri) {
        return uri.replaceAll("//([^:/@]*):[^@/]*@", "//$1:****@");
    }
}
