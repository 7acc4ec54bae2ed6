package dev.smo.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A command that talks to a running SMO server: resolves its URL ({@code --server}, {@code SMO_URL}) and token
 * ({@code --token}, {@code SMO_API_TOKEN}), runs one exchange, prints the answer (human-readable, or the server's
 * JSON with {@code --json}) and maps failures to exit codes: 1 for a 4xx answer, 3 for a 5xx answer or a server
 * that cannot be reached.
 */
abstract class AbstractClientCommand implements Callable<Integer> {

    static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions options;

    private final Map<String, String> env;

    AbstractClientCommand(Map<String, String> env) {
        this.env = env;
    }

    /**
     * @param client the server
     * @param out where the answer goes
     * @return the exit code
     */
    abstract int exchange(ServerClient client, PrintWriter out) throws IOException;

    @Override
    public final Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ServerClient client;
        try {
            String url = Optional.ofNullable(options.server)
                    .or(() -> Optional.ofNullable(env.get("SMO_URL")).filter(u -> !u.isBlank()))
                    .orElse(ServerClient.DEFAULT_URL);
            client = new ServerClient(
                    ServerClient.baseUrl(url),
                    Optional.ofNullable(options.token).or(() -> Optional.ofNullable(env.get("SMO_API_TOKEN"))));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            int exitCode = exchange(client, out);
            out.flush();
            return exitCode;
        } catch (RequestFailedException e) {
            out.flush();
            PrintWriter err = spec.commandLine().getErr();
            e.lines().forEach(err::println);
            err.flush();
            return e.exitCode();
        }
    }

    /** Prints the body as it is with {@code --json}, else hands the parsed JSON to {@code human}. */
    final void print(PrintWriter out, String body, HumanPrinter human) throws IOException {
        if (options.json) {
            out.println(body.strip());
        } else {
            human.print(JSON.readTree(body), out);
        }
    }

    /**
     * Follows an accepted operation unless {@code --no-wait}: progress per service on the error stream.
     *
     * @param client the server
     * @param accepted the answer to the request
     * @param wait the wait options
     * @return the settled graph's JSON, the accepted answer with {@code --no-wait}, or empty once removed
     */
    final Optional<String> follow(ServerClient client, String accepted, WaitOptions wait) {
        if (wait.noWait) {
            return Optional.of(accepted);
        }
        return Waiter.settle(
                client,
                accepted,
                java.time.Duration.ofSeconds(Math.max(1, wait.timeoutSeconds)),
                spec.commandLine().getErr());
    }

    /** @return the exit code for a graph answer: 3 when the graph ended {@code Failed}, else 0 */
    static int exitCodeOf(String graph) throws IOException {
        return "Failed".equals(JSON.readTree(graph).path("status").asText()) ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    /** Prints a parsed answer for a person. */
    @FunctionalInterface
    interface HumanPrinter {
        void print(JsonNode answer, PrintWriter out);
    }
}
