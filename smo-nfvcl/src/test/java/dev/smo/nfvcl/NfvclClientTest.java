package dev.smo.nfvcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smo.core.NfvclException;
import dev.smo.core.spi.Nfvcl;
import dev.smo.core.spi.Nfvcl.Blueprint;
import dev.smo.core.spi.Nfvcl.BlueprintRef;
import dev.smo.core.spi.Nfvcl.ClusterSpec;
import dev.smo.core.spi.Nfvcl.Network;
import dev.smo.core.spi.Nfvcl.VimSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NfvclClientTest {

    private static final VimSpec VIM = new VimSpec(
            "Pop-Area-1",
            "https://keystone.example:5000/v3",
            "smo",
            "hunter2",
            true,
            false,
            1,
            new Network("mgmt-1", "10.1.0.0/24", "10.1.0.1"),
            new Network("svc-1", "10.2.0.0/24", "10.2.0.1"));

    @ParameterizedTest(name = "{0}")
    @EnumSource(NfvclStandIn.Release.class)
    void vimAndClusterLifecycle(NfvclStandIn.Release release) throws Exception {
        try (NfvclStandIn nfvcl = new NfvclStandIn(release, 3)) {
            Nfvcl client = NfvclClient.create(NfvclConfig.of(nfvcl.url()));

            assertThat(client.vims()).isEmpty();
            Nfvcl.NfvclVim vim = client.registerVim(VIM);
            assertThat(vim.name()).isEqualTo("pop_area_1");
            assertThat(client.vims()).singleElement().satisfies(v -> {
                assertThat(v.areas()).containsExactly(1);
                assertThat(v.networks()).containsExactly("mgmt-1", "svc-1");
            });

            BlueprintRef ref = client.createCluster(new ClusterSpec(1, "mgmt-1", "svc-1", 1));
            assertThat(ref.id()).matches("[A-Z0-9]{6}");
            assertThat(ref.taskId().isPresent()).isEqualTo(release == NfvclStandIn.Release.CURRENT);
            assertThat(pollsUntilReady(client, ref.id())).isEqualTo(3);
            ref.taskId()
                    .ifPresent(task -> assertThat(client.task(task))
                            .hasValueSatisfying(t -> assertThat(t.done()).isTrue()));

            client.scaleOut(ref.id(), new ClusterSpec(1, "mgmt-1", "svc-1", 2));
            assertThat(pollsUntilReady(client, ref.id())).isEqualTo(3);
            assertThat(client.clusters()).singleElement().satisfies(b -> {
                assertThat(b.workers()).isEqualTo(3);
                assertThat(b.area()).contains(1);
            });
            assertThat(client.kubeconfig(ref.id())).contains("kind: Config", "name: " + ref.id());

            client.deleteCluster(ref.id(), false);
            client.deleteVim(vim.name());
            assertThat(client.clusters()).isEmpty();
            assertThat(client.vims()).isEmpty();
            List<String> dayTwo = nfvcl.requests().stream()
                    .filter(r -> r.contains("add_node"))
                    .toList();
            assertThat(dayTwo)
                    .as("the current release takes PUT; the old one answers PUT with 405, then takes POST")
                    .hasSize(release == NfvclStandIn.Release.CURRENT ? 1 : 2)
                    .last()
                    .asString()
                    .startsWith(release == NfvclStandIn.Release.CURRENT ? "PUT" : "POST");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(NfvclStandIn.Release.class)
    void anExistingTopologyIsNeverPostedOver(NfvclStandIn.Release release) throws Exception {
        try (NfvclStandIn nfvcl = new NfvclStandIn(release, 1)) {
            Nfvcl client = NfvclClient.create(NfvclConfig.of(nfvcl.url()));
            client.registerVim(VIM);
            client.registerVim(new VimSpec(
                    "second",
                    "https://other:5000/v3",
                    "smo",
                    "pw",
                    false,
                    true,
                    2,
                    new Network("mgmt-2", "10.3.0.0/24", "10.3.0.1"),
                    new Network("svc-2", "10.4.0.0/24", "10.4.0.1")));

            assertThat(client.vims()).extracting(Nfvcl.NfvclVim::name).containsExactly("pop_area_1", "second");
            assertThat(nfvcl.requests())
                    .filteredOn(r -> r.equals("POST /v1/topology"))
                    .hasSize(1);
        }
    }

    @Test
    void nfvclsOwnMessageIsCarriedAndNoPasswordIsEver() throws Exception {
        try (NfvclStandIn nfvcl = new NfvclStandIn(NfvclStandIn.Release.CURRENT, 1)) {
            Nfvcl client = NfvclClient.create(NfvclConfig.of(nfvcl.url()).withRetries(0));

            assertThatThrownBy(() -> client.scaleOut("NOPE00", new ClusterSpec(1, "m", "s", 1)))
                    .isInstanceOfSatisfying(
                            NfvclException.class, e -> assertThat(e.status()).isEqualTo(404))
                    .hasMessageContaining("Blueprint NOPE00 not found");
            nfvcl.failNext(5);
            assertThatThrownBy(() -> client.registerVim(VIM))
                    .isInstanceOf(NfvclException.class)
                    .hasMessageContaining("500")
                    .hasMessageNotContaining("hunter2");
            assertThat(VIM.toString()).doesNotContain("hunter2");
        }
    }

    @Test
    void onlyIdempotentCallsAreRetried() throws Exception {
        try (NfvclStandIn nfvcl = new NfvclStandIn(NfvclStandIn.Release.CURRENT, 1)) {
            Nfvcl client = NfvclClient.create(NfvclConfig.of(nfvcl.url()).withRetries(2));

            nfvcl.failNext(2);
            assertThat(client.clusters()).isEmpty();
            assertThat(nfvcl.requests()).hasSize(3);

            nfvcl.failNext(1);
            assertThatThrownBy(() -> client.createCluster(new ClusterSpec(1, "m", "s", 1)))
                    .isInstanceOf(NfvclException.class)
                    .hasMessageContaining("injected");
            assertThat(nfvcl.requests()).hasSize(4);
        }
    }

    @Test
    void aRestartForgetsTasksButTheBlueprintListStaysTheTruth() throws Exception {
        try (NfvclStandIn nfvcl = new NfvclStandIn(NfvclStandIn.Release.CURRENT, 2)) {
            Nfvcl client = NfvclClient.create(NfvclConfig.of(nfvcl.url()));
            BlueprintRef ref = client.createCluster(new ClusterSpec(3, "m", "s", 1));

            nfvcl.restart();

            assertThat(client.task(ref.taskId().orElseThrow())).isEmpty();
            assertThat(pollsUntilReady(client, ref.id())).isEqualTo(2);
        }
    }

    @Test
    void tokensAreObtainedAndRefreshedWhenTheyExpire() throws Exception {
        try (NfvclStandIn nfvcl =
                new NfvclStandIn(NfvclStandIn.Release.CURRENT, 1).withAuthentication("smo", "s3cret", 3)) {
            Nfvcl client = NfvclClient.create(NfvclConfig.of(nfvcl.url()).withLogin("smo", "s3cret"));

            for (int i = 0; i < 10; i++) {
                assertThat(client.clusters()).isEmpty();
            }
            assertThat(nfvcl.tokensIssued()).isEqualTo(4);

            Nfvcl wrong = NfvclClient.create(NfvclConfig.of(nfvcl.url()).withLogin("smo", "wrong"));
            assertThatThrownBy(wrong::clusters)
                    .isInstanceOf(NfvclException.class)
                    .hasMessageContaining("refused SMO's login as (smo)")
                    .hasMessageNotContaining("wrong");
        }
    }

    @Test
    void aSilentNfvclTimesOut() throws Exception {
        try (var silent = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Nfvcl client = NfvclClient.create(new NfvclConfig(
                    java.net.URI.create("http://127.0.0.1:" + silent.getLocalPort()),
                    null,
                    null,
                    Duration.ofMillis(300),
                    0));

            assertThatThrownBy(client::clusters)
                    .isInstanceOfSatisfying(
                            NfvclException.class, e -> assertThat(e.status()).isZero())
                    .hasMessageContaining("did not answer");
        }
    }

    /** Polls the blueprint list until the blueprint is ready; returns how many polls it took. */
    private static int pollsUntilReady(Nfvcl client, String id) {
        for (int poll = 1; poll <= 20; poll++) {
            Blueprint b = client.clusters().stream()
                    .filter(x -> x.id().equals(id))
                    .findFirst()
                    .orElseThrow();
            if (b.ready()) {
                return poll;
            }
        }
        throw new AssertionError("Blueprint " + id + " never became ready.");
    }
}
