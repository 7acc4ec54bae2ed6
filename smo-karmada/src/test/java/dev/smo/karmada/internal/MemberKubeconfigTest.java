package dev.smo.karmada.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smo.core.SmoIntegrationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MemberKubeconfigTest {

    private static final String TEMPLATE = """
            apiVersion: v1
            kind: Config
            current-context: admin@c
            clusters:
              - name: c
                cluster:
                  server: https://10.0.0.5:6443
                  certificate-authority-data: Y2E=
            %s
            users:
              - name: admin
                user:
                  token: abc
            %s
            contexts:
              - name: admin@c
                context: {cluster: c, user: admin}
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a command run for credentials | | '      exec: {command: /bin/sh, args: [-c, id]}' | exec",
                "an auth provider | | '      auth-provider: {name: oidc}' | auth-provider",
                "a token read from a file | | '      tokenFile: /etc/shadow' | tokenFile",
                "a certificate read from a file | | '      client-certificate: /root/.ssh/id_rsa' | client-certificate",
                "a key read from a file | | '      client-key: /etc/smo/key' | client-key",
                "a CA read from a file | '      certificate-authority: /etc/ssl/private/ca' | | certificate-authority",
                "calls through a proxy | '      proxy-url: http://169.254.169.254' | | proxy-url",
            })
    void aKubeconfigThatWouldMakeSmoRunOrReadSomethingLocalIsRefused(
            String name, String clusterLine, String userLine, String field) {
        String yaml = TEMPLATE.formatted(clusterLine == null ? "" : clusterLine, userLine == null ? "" : userLine);

        assertThatThrownBy(() -> MemberKubeconfig.parse("edge", yaml))
                .as(name)
                .isInstanceOf(SmoIntegrationException.class)
                .hasMessageContaining("cluster (edge)")
                .hasMessageContaining(field);
    }

    @Test
    void inlineCredentialsAreRead() {
        MemberKubeconfig parsed = MemberKubeconfig.parse("edge", TEMPLATE.formatted("", ""));

        assertThat(parsed.server()).isEqualTo("https://10.0.0.5:6443");
        assertThat(parsed.caBundle()).isEqualTo("Y2E=");
        assertThat(parsed.token()).isEqualTo("abc");
        assertThat(parsed.insecure()).isFalse();
    }
}
