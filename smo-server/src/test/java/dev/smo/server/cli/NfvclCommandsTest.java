package dev.smo.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smo.core.Infrastructure;
import dev.smo.core.Orchestrator;
import dev.smo.core.local.InMemoryGraphStore;
import dev.smo.core.local.InMemoryInfrastructureStore;
import dev.smo.core.local.StaticClusterInventory;
import dev.smo.nfvcl.NfvclClient;
import dev.smo.nfvcl.NfvclConfig;
import dev.smo.nfvcl.NfvclStandIn;
import dev.smo.server.HttpSettings;
import dev.smo.server.InFlight;
import dev.smo.server.SmoServer;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code smo vims ...} and {@code smo clusters create|scale-out|sync|delete} against a server and the stand-in. */
class NfvclCommandsTest {

    @TempDir
    Path dir;

    private NfvclStandIn nfvcl;
    private Orchestrator smo;
    private Javalin app;
    private Map<String, String> env;

    @BeforeEach
    void start() throws Exception {
        nfvcl = new NfvclStandIn(NfvclStandIn.Release.CURRENT, 1);
        smo = Orchestrator.builder()
                .store(new InMemoryGraphStore())
                .inventory(new StaticClusterInventory(List.of()))
                .build();
        Infrastructure infra = Infrastructure.create(
                NfvclClient.create(NfvclConfig.of(nfvcl.url())), new InMemoryInfrastructureStore());
        app = SmoServer.create(smo, Optional.of(infra), HttpSettings.DEFAULTS, new InFlight())
                .start("127.0.0.1", 0);
        env = Map.of("SMO_URL", "http://127.0.0.1:" + app.port());
    }

    @AfterEach
    void stop() {
        app.stop();
        smo.close();
        nfvcl.close();
    }

    private Cli smo(String... args) {
        return Cli.runWith(env, args);
    }

    @Test
    void registersAVimAndDrivesAClusterThroughItsLife() throws Exception {
        Path password = Files.writeString(dir.resolve("password"), "s3cret-pw\n");
        Cli register = smo(
                "vims",
                "register",
                "Pop-1",
                "--pop-area",
                "1",
                "--url",
                "https://keystone:5000/v3",
                "--user",
                "smo",
                "--password-file",
                password.toString(),
                "--mgmt-network",
                "mgmt,10.0.0.0/24,10.0.0.1",
                "--service-network",
                "svc,10.0.1.0/24,10.0.1.1");
        assertThat(register.exitCode()).as(register.err()).isZero();
        assertThat(register.out()).containsPattern("1 +Pop-1 +pop_1 +1 ").doesNotContain("s3cret");
        assertThat(smo("vims", "list", "--pop-area", "2").out()).isEqualTo("No VIMs.\n");
        assertThat(smo("vims", "sync").out()).startsWith("0 VIM(s) imported").contains("Pop-1");

        Cli create = smo("clusters", "create", "--pop-area", "1", "--vim", "Pop-1", "--workers", "2");
        assertThat(create.exitCode()).as(create.err()).isZero();
        Matcher id = Pattern.compile("OS_K8S_1_[A-Za-z]{5}").matcher(create.out());
        assertThat(id.find()).as(create.out()).isTrue();
        assertThat(create.out()).contains("deploying");

        Cli sync = smo("clusters", "sync");
        assertThat(sync.out()).contains("updated: " + id.group() + " ready").containsPattern(id.group() + ".+ready");
        assertThat(smo("clusters", "scale-out", id.group(), "--workers", "1").out())
                .contains("deploying");
        assertThat(smo("clusters", "sync", "--pop-area", "1").out()).containsPattern(id.group() + ".+ 3 +ready");

        Cli delete = smo("clusters", "delete", id.group());
        assertThat(delete.exitCode()).isZero();
        assertThat(delete.out()).contains("deleting");
        assertThat(smo("clusters", "sync").out()).contains("removed: " + id.group());

        Cli inUse = smo("clusters", "scale-out", id.group());
        assertThat(inUse.exitCode()).isEqualTo(ExitCodes.INVALID);
        assertThat(inUse.err()).contains("not found");
        assertThat(smo("vims", "delete", "1").exitCode()).isZero();
        assertThat(smo("vims", "list").out()).isEqualTo("No VIMs.\n");
    }

    @Test
    void clustersWithoutSubcommandStillListsTheMemberClusters() {
        Cli cli = smo("clusters");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).isEqualTo("No clusters.\n");
    }
}
