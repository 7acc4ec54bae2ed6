package dev.smo.karmada.artifact.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smo.karmada.artifact.ArtifactReference;
import dev.smo.karmada.artifact.RegistryCredentials;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLException;
import land.oras.exception.OrasException;

/**
 * Turns ORAS and transport failures into messages that name the registry, the reference and what the registry said.
 *
 * <p>ORAS 0.7.0 keeps only the HTTP status of a refusal (its error parsing never sees the body), so for a status this
 * asks the registry once more with a plain GET and quotes the {@code errors[].code/message} of its JSON answer, e.g.
 * {@code NAME_UNKNOWN: repository name not known to registry}.
 */
final class RegistryErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCEPT_MANIFESTS = String.join(
            ",",
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.oci.image.index.v1+json",
            "application/vnd.docker.distribution.manifest.v2+json");

    private final HttpClient http;

    RegistryErrors(HttpClient http) {
        this.http = http;
    }

    /**
     * @param action what was being done, e.g. "reading the manifest"
     * @param ref the artifact
     * @param plainHttp whether the registry is spoken to over plain HTTP
     * @param credentials the registry's credentials, if any
     * @param failure what ORAS threw
     * @return the message, with a "Maybe" hint on its own line when there is one
     */
    String describe(
            String action,
            ArtifactReference ref,
            boolean plainHttp,
            Optional<RegistryCredentials> credentials,
            Throwable failure) {
        String where = "registry (" + ref.host() + (plainHttp ? ", plain HTTP" : ", TLS") + ")";
        Throwable transport = transportCause(failure);
        if (transport instanceof ConnectException || transport instanceof java.net.UnknownHostException) {
            return unreachable(ref);
        }
        if (transport instanceof HttpTimeoutException) {
            return where + " did not answer in time while " + action + ": " + transport.getMessage();
        }
        if (transport instanceof SSLException) {
            return "TLS to the " + where + " failed while " + action + ": " + transport.getMessage()
                    + "\nMaybe the registry speaks plain HTTP: use http:// or list the host in plainHttpHosts.";
        }
        Integer status = failure instanceof OrasException oras ? oras.getStatusCode() : null;
        if (status == null) {
            String detail =
                    failure.getMessage() + (transport != null && transport != failure ? " (" + transport + ")" : "");
            return where + " failed while " + action + ": " + detail
                    + (plainHttp
                            ? ""
                            : "\nMaybe the registry speaks plain HTTP: use http:// or list the host in"
                                    + " plainHttpHosts.");
        }
        String said = registrySays(ref, plainHttp, credentials, action.contains("tags"));
        StringBuilder message = new StringBuilder(where)
                .append(" answered HTTP ")
                .append(status)
                .append(" while ")
                .append(action)
                .append(" of ")
                .append(ref.repository())
                .append(ref.tag() == null && ref.digest() == null ? "" : " (" + pin(ref) + ")");
        if (!said.isEmpty()) {
            message.append(": ").append(said);
        }
        if (status == 401 || status == 403) {
            message.append("\nMaybe configure credentials for ")
                    .append(ref.host())
                    .append(" in ArtifactConfig.");
        } else if (status == 404 && ref.tag() != null && !said.contains("NAME_UNKNOWN")) {
            tagsOf(ref, plainHttp, credentials)
                    .ifPresent(tags -> message.append("\nMaybe use one of the repository's tags: ")
                            .append(tags)
                            .append('.'));
        }
        return message.toString();
    }

    /**
     * The one text for every registry that cannot be used: refused connection, unknown name, or not allowed by the
     * outbound policy; it names only what the caller sent.
     */
    static String unreachable(ArtifactReference ref) {
        return "registry (" + ref.host() + ") cannot be reached or is not allowed."
                + "\nMaybe the registry is down, the host and port are wrong, or it is not among the allowed"
                + " registries (SMO_REGISTRY_ALLOW on the server).";
    }

    private static String pin(ArtifactReference ref) {
        return ref.digest() != null ? ref.digest() : "tag " + ref.tag();
    }

    /** Asks the registry again and returns its error codes and messages, or "" when it says nothing useful. */
    private String registrySays(
            ArtifactReference ref, boolean plainHttp, Optional<RegistryCredentials> credentials, boolean tags) {
        String path = tags || (ref.tag() == null && ref.digest() == null)
                ? "/tags/list"
                : "/manifests/" + (ref.digest() != null ? ref.digest() : ref.tag());
        try {
            HttpResponse<String> response = get(ref, plainHttp, credentials, path, ACCEPT_MANIFESTS);
            if (response.statusCode() / 100 == 2) {
                return "";
            }
            String errors = errors(response.body());
            if (errors.isEmpty() && path.startsWith("/manifests/")) {
                return "";
            }
            // Distribution answers MANIFEST_UNKNOWN for a missing repository too; the tag list tells them apart.
            if (errors.contains("MANIFEST_UNKNOWN")) {
                HttpResponse<String> list = get(ref, plainHttp, credentials, "/tags/list", "application/json");
                String listErrors = list.statusCode() == 404 ? errors(list.body()) : "";
                if (listErrors.contains("NAME_UNKNOWN")) {
                    return listErrors;
                }
            }
            return errors;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private Optional<List<String>> tagsOf(
            ArtifactReference ref, boolean plainHttp, Optional<RegistryCredentials> credentials) {
        try {
            HttpResponse<String> list = get(ref, plainHttp, credentials, "/tags/list", "application/json");
            if (list.statusCode() != 200) {
                return Optional.empty();
            }
            List<String> tags = new ArrayList<>();
            JSON.readTree(list.body()).path("tags").forEach(t -> tags.add(t.asText()));
            return tags.isEmpty() ? Optional.empty() : Optional.of(tags.size() > 20 ? tags.subList(0, 20) : tags);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private HttpResponse<String> get(
            ArtifactReference ref,
            boolean plainHttp,
            Optional<RegistryCredentials> credentials,
            String path,
            String accept)
            throws IOException, InterruptedException {
        URI uri = URI.create((plainHttp ? "http://" : "https://") + ref.host() + "/v2/" + ref.repository() + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Accept", accept)
                .GET();
        credentials.ifPresent(c -> request.header(
                "Authorization",
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString((c.username() + ":" + c.password()).getBytes(StandardCharsets.UTF_8))));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String errors(String body) {
        try {
            JsonNode errors = JSON.readTree(body).path("errors");
            List<String> parts = new ArrayList<>();
            for (JsonNode error : errors) {
                parts.add(error.path("code").asText("?") + ": "
                        + error.path("message").asText(""));
            }
            return String.join("; ", parts);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static Throwable transportCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof HttpTimeoutException || t instanceof SSLException) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
