package dev.smo.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Follows an accepted operation: polls {@code GET /graphs/{name}} until the graph leaves its transitional state (or
 * is gone, after a removal), printing each service's status change on the error stream as it happens.
 */
final class Waiter {

    static final Set<String> TRANSITIONAL = Set.of("Deploying", "Replacing", "Stopping", "Starting", "Removing");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(200);

    private Waiter() {}

    /**
     * @param client the server
     * @param accepted the body of the 202 (or final) answer: a graph view, or a message after a removal
     * @param timeout how long to wait
     * @param progress where status changes go
     * @return the settled graph's JSON, or empty once the graph is gone
     * @throws RequestFailedException when the graph does not settle in time
     */
    static Optional<String> settle(ServerClient client, String accepted, Duration timeout, PrintWriter progress) {
        JsonNode graph = read(accepted);
        String name = graph.path("name").asText(null);
        if (name == null) {
            return Optional.empty(); // a final answer without a graph: removed
        }
        Map<String, String> seen = new HashMap<>();
        report(graph, seen, progress);
        String body = accepted;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (TRANSITIONAL.contains(graph.path("status").asText())) {
            if (System.nanoTime() > deadline) {
                throw new RequestFailedException(
                        ExitCodes.FAILURE,
                        List.of(
                                "Graph " + name + " is still "
                                        + graph.path("status").asText() + " after " + timeout.toSeconds() + " s.",
                                "Maybe follow it with `smo get " + name + "` or `smo events " + name + "`."));
            }
            sleep();
            Optional<String> next = client.find("/graphs/" + ServerClient.segment(name));
            if (next.isEmpty()) {
                progress.println(name + ": removed");
                progress.flush();
                return Optional.empty();
            }
            body = next.get();
            graph = read(body);
            report(graph, seen, progress);
        }
        return Optional.of(body);
    }

    private static void report(JsonNode graph, Map<String, String> seen, PrintWriter progress) {
        for (JsonNode s : graph.path("services")) {
            String name = s.path("name").asText();
            String status = s.path("status").asText();
            if (!status.equals(seen.put(name, status))) {
                String error = s.path("lastError").asText("");
                progress.println("  " + name + ": " + status + (error.isEmpty() ? "" : " (" + error + ")"));
            }
        }
        progress.flush();
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RequestFailedException(ExitCodes.FAILURE, List.of("Interrupted while waiting."));
        }
    }
}
