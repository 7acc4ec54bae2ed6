package dev.smo.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SecretsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anAnswerWithoutSecretKeysNeedsNoParse() {
        assertThat(Secrets.mayHold("{\"name\":\"g\",\"values_overwrite\":{\"replicaCount\":1}}"))
                .isFalse();
    }

    @Test
    void everySecretKeyPassesTheQuickTest() {
        for (String key : new String[] {
            "password",
            "PASSWD",
            "passphrase",
            "pass",
            "secret",
            "token",
            "credentials",
            "private_key",
            "privateKey",
            "api-key",
            "ApiKey",
            "accessKey",
            "auth",
            "certificate_key",
            "tls-key",
            "DSN",
            "connectionString"
        }) {
            assertThat(Secrets.isSecretKey(key)).as(key).isTrue();
            assertThat(Secrets.mayHold("{\"values\":{\"" + key + "\":\"x\"}}"))
                    .as(key)
                    .isTrue();
        }
    }

    @Test
    void everyAnswerThatRedactionChangesIsParsed() throws Exception {
        for (String body : new String[] {
            "{\"values\":{\"db\":{\"Password\":\"x\"}}}",
            "{\"valuesOverwrite\":{\"apiKey\":\"x\"}}",
            "{\"values\":{\"p\\u0061ssword\":\"x\"}}"
        }) {
            JsonNode node = json.readTree(body);
            assertThat(Secrets.redact(node)).as(body).isPositive();
            assertThat(Secrets.mayHold(body)).as(body).isTrue();
        }
    }
}
