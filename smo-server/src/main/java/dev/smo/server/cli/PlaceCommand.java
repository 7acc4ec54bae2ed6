package dev.smo.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code smo place NAME [--provision]}: re-places a graph; with {@code --provision}, a graph short of capacity first
 * gets an NFVCL cluster joined to Karmada, and the provisioning's events are printed as they come.
 */
@Command(
        name = "place",
        mixinStandardHelpOptions = true,
        description = "Re-places a graph on the current clusters; with --provision, a graph short of capacity first"
                + " gets a new NFVCL cluster joined to Karmada (progress from the graph's events).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:re-placed",
            "1:the server refused the request (no such graph, no placement, ...)",
            "2:usage error",
            "3:server failure or not reachable, or the provisioning failed"
        })
final class PlaceCommand extends AbstractClientCommand {

    private static final Duration POLL = Duration.ofMillis(500);

    @Parameters(index = "0", paramLabel = "NAME", description = "The graph name (its hdaGraph id).")
    private String name;

    @Option(
            names = "--provision",
            description = "When the graph lacks capacity, provision a cluster through the NFVCL first (needs an NFVCL"
                    + " and Karmada on the server).")
    private boolean provision;

    @Mixin
    private WaitOptions wait;

    PlaceCommand(Map<String, String> env) {
        super(env);
    }

    @Override
    int exchange(ServerClient client, PrintWriter out) throws IOException {
        String path = "/graphs/" + ServerClient.segment(name);
        String accepted = client.post(path + "/placement" + (provision ? "?provision=true" : ""));
        if (provision && !wait.noWait) {
            Optional<JsonNode> open = open(client, path);
            if (open.isPresent()) {
                JsonNode ended =
                        provisioning(client, path, open.get().path("smoId").asText());
                if (!ended.path("state").asText().equals("DONE")) {
                    out.println("Provisioning failed: " + ended.path("detail").asText());
                    out.flush();
                    return ExitCodes.FAILURE;
                }
                accepted = client.get(path);
            }
        }
        String graph = follow(client, accepted, wait).orElseThrow();
        print(out, graph, GraphPrinter::graph);
        return exitCodeOf(graph);
    }

    private static Optional<JsonNode> open(ServerClient client, String path) throws IOException {
        for (JsonNode p : JSON.readTree(client.get(path + "/provisions"))) {
            if (List.of("REQUESTED", "JOINING", "JOINED")
                    .contains(p.path("state").asText())) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Polls the provisioning until it ends, printing the graph's new provisioning events on the error stream. */
    private JsonNode provisioning(ServerClient client, String path, String smoId) throws IOException {
        PrintWriter progress = spec.commandLine().getErr();
        Set<Long> seen = new HashSet<>();
        long deadline = System.nanoTime()
                + Duration.ofSeconds(Math.max(1, wait.timeoutSeconds)).toNanos();
        while (true) {
            for (JsonNode e : JSON.readTree(client.get(path + "/events"))) {
                String type = e.path("type").asText();
                if ((type.startsWith("PROVISIONING_") || type.startsWith("CLUSTER_"))
                        && seen.add(e.path("id").asLong())) {
                    progress.println("  " + type + ": " + e.path("message").asText());
                }
            }
            progress.flush();
            for (JsonNode p : JSON.readTree(client.get(path + "/provisions"))) {
                String state = p.path("state").asText();
                if (p.path("smoId").asText().equals(smoId) && (state.equals("DONE") || state.equals("FAILED"))) {
                    return p;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new RequestFailedException(
                        ExitCodes.FAILURE,
                        List.of(
                                "Cluster " + smoId + " is still being provisioned after " + wait.timeoutSeconds + " s.",
                                "Maybe follow it with `smo events " + name + "`."));
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RequestFailedException(ExitCodes.FAILURE, List.of("Interrupted."));
            }
        }
    }
}
