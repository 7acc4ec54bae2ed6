package dev.smo.karmada.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HelmMessagesTest {

    @ParameterizedTest(name = "{0} -> transient={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Kubernetes cluster unreachable: Get \"https://k:6443/version\": dial tcp 10.0.0.1:6443: connect: connection refused | true",
                "an error on the server (\"etcd is down\") has prevented the request from succeeding | true",
                "Internal error occurred: etcd is down | true",
                "the server is currently unable to handle the request | true",
                "Get \"https://k/version\": net/http: TLS handshake timeout | true",
                "failed to fetch https://reg/v2/charts/x/manifests/1.0.0 : 503 Service Unavailable | true",
                "Get \"http://127.0.0.1:1/version\": EOF | true",
                "context deadline exceeded | true",
                "resource not ready, name: nr, kind: Deployment, status: InProgress; context deadline exceeded | false",
                "timed out waiting for the condition | false",
                "cannot re-use a name that is still in use | false",
                "unable to build kubernetes objects from release manifest: resource mapping not found | false",
                "template: noise-reduction/templates/deployment.yaml:7:20: executing ... nil pointer | false",
                "failed to authorize: failed to fetch anonymous token: 401 Unauthorized | false",
            })
    void classifyTransient(String message, boolean transientFailure) {
        assertThat(HelmMessages.isTransient(message)).isEqualTo(transientFailure);
    }

    @ParameterizedTest(name = "{0} -> notFound={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "release: not found | true",
                "uninstall: Release not loaded: nr: release: not found | true",
                "Kubernetes cluster unreachable | false",
            })
    void classifyNotFound(String message, boolean notFound) {
        assertThat(HelmMessages.notFound(message)).isEqualTo(notFound);
    }
}
