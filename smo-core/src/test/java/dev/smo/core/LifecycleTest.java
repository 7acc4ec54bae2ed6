package dev.smo.core;

import static dev.smo.core.Fixtures.cluster;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.smo.core.Fixtures.MutableInventory;
import dev.smo.core.Lifecycle.Cell;
import dev.smo.core.Lifecycle.Verdict;
import dev.smo.core.local.InMemoryGraphStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Walks every cell of the lifecycle table through a real orchestrator, and checks the README's diagram. */
class LifecycleTest {

    static Stream<Cell> cells() {
        return Lifecycle.cells().stream();
    }

    @Test
    void tableHasOneCellPerCommandAndStateAndEveryTransitionalStateSettles() {
        assertThat(Lifecycle.cells()).hasSize(Command.values().length * (GraphStatus.values().length + 1));
        for (Cell c : Lifecycle.cells()) {
            if (c.allowed()) {
                assertThat(c.via().isSettled()).as("%s", c).isFalse();
                assertThat(c.event()).as("%s", c).endsWith(c.command() == Command.ALERT ? "RECEIVED" : "REQUESTED");
                GraphStatus ok = Lifecycle.settle(c.via(), false);
                GraphStatus failed = Lifecycle.settle(c.via(), true);
                assertThat(Stream.of(ok, failed).filter(s -> s != null).toList())
                        .as("%s", c)
                        .allMatch(c.to()::contains);
                assertThat(c.to().isEmpty()).isEqualTo(ok == null);
            } else {
                assertThat(c.via()).isNull();
                assertThat(c.to()).isEmpty();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void orchestratorDoesWhatTheCellSays(Cell cell) {
        InMemoryGraphStore store = new InMemoryGraphStore();
        try (Orchestrator smo = Orchestrator.builder()
                .store(store)
                .inventory(new MutableInventory(false, cluster("edge-a", 4000, 8, 0), cluster("edge-b", 4000, 8, 0)))
                .build()) {
            String name = Fixtures.brussels().id();
            if (cell.from() != null) {
                StoredGraph g = smo.deploy("demo", Fixtures.brussels());
                store.update(g.withStatus(cell.from()), List.of());
            }
            if (cell.command() == Command.ALERT) {
                AlertOutcome outcome = smo.handleAlerts(List.of(new Alert(
                                "firing",
                                Map.of("alertname", "a", "graph", name, "service", "image-compression-vo"),
                                Map.of(),
                                "fp")))
                        .get(0);
                assertThat(outcome.action()).isEqualTo(cell.allowed() ? "DEPLOYED" : "IGNORED");
                if (cell.allowed()) {
                    assertThat(cell.to()).contains(smo.get(name).status());
                }
                return;
            }
            Throwable thrown = catchThrowable(() -> run(smo, cell.command(), name));
            switch (cell.verdict()) {
                case ALLOWED, ALLOWED_WHEN_IDLE -> {
                    assertThat(thrown).isNull();
                    Optional<StoredGraph> after = smo.find(name);
                    if (cell.to().isEmpty()) {
                        assertThat(after).isEmpty();
                    } else {
                        assertThat(cell.to()).contains(after.orElseThrow().status());
                    }
                    assertThat(smo.events(name)).extracting(e -> e.type()).contains(cell.event());
                }
                case BUSY -> assertThat(thrown).isInstanceOf(GraphBusyException.class);
                case ILLEGAL -> assertThat(thrown).isInstanceOf(IllegalTransitionException.class);
                case EXISTS -> assertThat(thrown).isInstanceOf(GraphAlreadyExistsException.class);
                case NOT_FOUND -> assertThat(thrown).isInstanceOf(GraphNotFoundException.class);
            }
            if (cell.verdict() != Verdict.ALLOWED && cell.verdict() != Verdict.ALLOWED_WHEN_IDLE) {
                assertThat(smo.find(name).map(StoredGraph::status)).isEqualTo(Optional.ofNullable(cell.from()));
            }
        }
    }

    private static void run(Orchestrator smo, Command command, String name) {
        switch (command) {
            case DEPLOY -> smo.deploy("demo", Fixtures.brussels());
            case ALERT -> throw new IllegalArgumentException("alerts are sent, not run");
            default -> smo.submit(command, name).result();
        }
    }

    @Test
    void readmeShowsTheTableAsItIs() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).contains("```mermaid\n" + Lifecycle.mermaid() + "```");
    }
}
