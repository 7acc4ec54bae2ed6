package dev.smo.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads images from an OCI registry over plain HTTP with the distribution API (the loopback test registry). */
final class Registry {

    static final String MANIFEST_TYPES = String.join(
            ", ",
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.oci.image.index.v1+json",
            "application/vnd.docker.distribution.manifest.list.v2+json");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** An image reference {@code host[:port]/repository:tag}. */
    record Reference(String registry, String repository, String tag) {

        static Reference parse(String image) {
            int slash = image.indexOf('/');
            int colon = image.lastIndexOf(':');
            if (slash < 0 || colon < slash) {
                throw new IllegalArgumentException(
                        "Image (" + image + ") is not host[:port]/repository:tag.\n  Maybe pass -Djib.to.image=...");
            }
            return new Reference(
                    image.substring(0, slash), image.substring(slash + 1, colon), image.substring(colon + 1));
        }
    }

    /** @return the image's manifest for linux/amd64 (resolved through an index when the tag names one) */
    JsonNode manifest(Reference ref) throws IOException, InterruptedException {
        JsonNode manifest = json(ref, "manifests/" + ref.tag());
        if (manifest.has("manifests")) {
            for (JsonNode entry : manifest.get("manifests")) {
                JsonNode platform = entry.path("platform");
                if (platform.path("architecture").asText().equals("amd64")
                        && platform.path("os").asText().equals("linux")) {
                    return json(ref, "manifests/" + entry.get("digest").asText());
                }
            }
            throw new AssertionError("No linux/amd64 manifest in " + manifest);
        }
        return manifest;
    }

    /** @return the image configuration the manifest points to */
    JsonNode config(Reference ref, JsonNode manifest) throws IOException, InterruptedException {
        return JSON.readTree(blob(ref, manifest.get("config").get("digest").asText()));
    }

    byte[] blob(Reference ref, String digest) throws IOException, InterruptedException {
        return get(ref, "blobs/" + digest).body();
    }

    private JsonNode json(Reference ref, String path) throws IOException, InterruptedException {
        return JSON.readTree(get(ref, path).body());
    }

    private HttpResponse<byte[]> get(Reference ref, String path) throws IOException, InterruptedException {
        URI uri = URI.create("http://" + ref.registry() + "/v2/" + ref.repository() + "/" + path);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Accept", MANIFEST_TYPES)
                .timeout(Duration.ofSeconds(60))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + uri + " answered " + response.statusCode() + ": "
                    + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return response;
    }
}
