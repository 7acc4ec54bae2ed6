package dev.smo.karmada.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.smo.core.ArtifactException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Credentials from the configuration reach the registry, and a refusal says how to fix it. */
@Timeout(30)
class RegistryAuthIT {

    @Test
    void configuredCredentialsAreSentAndRefusalSuggestsCredentials() throws IOException {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String header = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(header == null ? "none" : header);
            byte[] body = "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"test\"");
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        String host = "127.0.0.1:" + server.getAddress().getPort();
        ArtifactConfig config = TestRegistry.config()
                .withPlainHttpHosts(host)
                .withCredentials(host, RegistryCredentials.of("smo", "s3cret"));
        try (OciArtifacts artifacts = OciArtifacts.create(config)) {

            assertThatThrownBy(() -> artifacts.fetchDescriptor("oci://" + host + "/test/graph:1.0.0"))
                    .isInstanceOf(ArtifactException.class)
                    .hasMessageContaining("HTTP 401")
                    .hasMessageContaining("UNAUTHORIZED: authentication required")
                    .hasMessageContaining("Maybe configure credentials for " + host);
        } finally {
            server.stop(0);
        }
        String expected = "Basic " + Base64.getEncoder().encodeToString("smo:s3cret".getBytes(StandardCharsets.UTF_8));
        assertThat(authorizations).isNotEmpty().allMatch(expected::equals);
    }
}
