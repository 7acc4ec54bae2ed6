package dev.smo.observability.internal;

import dev.smo.core.AlertRule;
import dev.smo.core.SmoIntegrationException;
import dev.smo.observability.PrometheusRuleFiles;
import dev.smo.observability.PrometheusRuleFilesConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Objects;

/**
 * Rule files plus {@code POST /-/reload}. Calls are serialised, so that a rollback after a refused reload never
 * undoes another group's write.
 */
public final class DefaultPrometheusRuleFiles implements PrometheusRuleFiles {

    private final PrometheusRuleFilesConfig config;
    private final HttpClient http;

    /**
     * @param config where the files go and where Prometheus answers
     * @param http the client for the reload
     */
    public DefaultPrometheusRuleFiles(PrometheusRuleFilesConfig config, HttpClient http) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public Path file(String namespace, String group) {
        return config.directory()
                .resolve(RuleNames.fileNamespace(namespace) + "--" + RuleNames.fileGroup(group) + ".yml");
    }

    @Override
    public synchronized void replace(String namespace, String group, List<AlertRule> rules) {
        Objects.requireNonNull(rules, "rules");
        Path file = file(namespace, group);
        byte[] previous = read(file);
        if (rules.isEmpty()) {
            delete(file);
        } else {
            write(file, RuleGroups.file(group, rules).getBytes(StandardCharsets.UTF_8));
        }
        String refused = reload(file);
        if (refused != null) {
            if (previous == null) {
                delete(file);
            } else {
                write(file, previous);
            }
            reload(file); // best effort: apply the other groups' changes with the previous file back in place
            throw new SmoIntegrationException("Prometheus (" + base() + ") refused to reload the rules of group ("
                    + group + ") in namespace (" + namespace + "): " + refused + " The previous rules are back in "
                    + file + ".\nMaybe check the rules' expressions with: promtool check rules <file>.");
        }
    }

    /** @return {@code null} when reloaded (or no reload is configured), else Prometheus' message */
    private String reload(Path file) {
        if (config.prometheusUrl() == null) {
            return null;
        }
        HttpResponse<String> response;
        try {
            response = http.send(
                    HttpRequest.newBuilder(URI.create(base() + "/-/reload"))
                            .timeout(config.timeout())
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SmoIntegrationException(
                    "Rules written to " + file + ", but Prometheus (" + base()
                            + ") did not answer the reload: " + e
                            + ". It loads them at its next reload or restart.\nMaybe"
                            + " check the Prometheus URL, and that Prometheus runs with --web.enable-lifecycle.",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmoIntegrationException("Interrupted while reloading Prometheus (" + base() + ").", e);
        }
        if (response.statusCode() / 100 == 2) {
            return null;
        }
        String body = response.body() == null ? "" : response.body().strip();
        if (response.statusCode() == 403 && body.isEmpty()) {
            body = "lifecycle API disabled.";
        }
        return "HTTP " + response.statusCode() + ": " + (body.length() > 500 ? body.substring(0, 500) + "..." : body)
                + (body.endsWith(".") ? "" : ".");
    }

    private String base() {
        return config.prometheusUrl().toString().replaceAll("/+$", "");
    }

    private static byte[] read(Path file) {
        try {
            return Files.exists(file) ? Files.readAllBytes(file) : null;
        } catch (IOException e) {
            throw new SmoIntegrationException("Rule file (" + file + ") cannot be read: " + e + ".", e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new SmoIntegrationException("Rule file (" + file + ") cannot be deleted: " + e + ".", e);
        }
    }

    /** Writes a hidden {@code .tmp} file (outside Prometheus' {@code *.yml} glob) and renames it over the target. */
    private static void write(Path file, byte[] content) {
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            Files.write(tmp, content);
            try {
                // Prometheus may run as another user: the file must be world-readable, as a plain write makes it.
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException notPosix) {
                // Other file systems keep their defaults.
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new SmoIntegrationException(
                    "Rule file (" + file + ") cannot be written: " + e + ".\nMaybe check"
                            + " that the directory exists and SMO may write to it.",
                    e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // Nothing left to do: a stray .tmp file is outside Prometheus' glob.
                }
            }
        }
    }
}
