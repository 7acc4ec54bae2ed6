package dev.smo.server.cli;

import dev.smo.server.Composition;
import dev.smo.server.InFlight;
import dev.smo.server.SmoServer;
import dev.smo.server.config.ConfigException;
import dev.smo.server.config.EnvironmentConfig;
import dev.smo.server.config.ServerConfig;
import io.javalin.Javalin;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code smo serve}: reads the configuration from the environment (options override it), composes the
 * orchestrator, finishes work a previous run left recorded, and serves the REST API until the JVM is asked to stop.
 * Standard output carries exactly one line, {@code SMO listening on http://HOST:PORT}; the rest goes to stderr.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the SMO REST server until stopped (Ctrl-C, SIGTERM). Configuration comes from the "
                    + "environment (SMO_PORT, SMO_BIND, SMO_DATABASE_URL or DB_*, SMO_CLUSTERS_FILE, SMO_API_TOKEN, "
                    + "KARMADA_KUBECONFIG, ...); the options below override it.",
            "Prints one line, SMO listening on http://HOST:PORT, on stdout once it accepts requests."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "2:the configuration is unusable (every problem is printed), or usage error",
            "3:the server could not start (database, port in use, ...)"
        })
final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--port",
            paramLabel = "N",
            description = "Port to listen on; 0 picks a free one (default: $SMO_PORT, else 8000).")
    private Integer port;

    @Option(
            names = "--bind",
            paramLabel = "HOST",
            description = "Address to bind (default: $SMO_BIND, else 127.0.0.1). Any other address than loopback "
                    + "needs SMO_API_TOKEN.")
    private String bind;

    @Option(
            names = "--clusters",
            paramLabel = "FILE",
            description = "A clusters file, used when there is no Karmada (default: $SMO_CLUSTERS_FILE).")
    private Path clusters;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "A YAML file of settings with the environment's names (SMO_PORT: 8000, ...); the "
                    + "environment wins over it.")
    private Path configFile;

    @Option(
            names = "--fast-unsafe",
            hidden = true,
            description = "Runs the embedded database without fsync: faster, but an OS crash can lose or corrupt "
                    + "its data. For tests only.")
    private boolean fastUnsafe;

    private final Map<String, String> env;

    ServeCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        ServerConfig config;
        Map<String, String> effective = environment(env, port, bind, clusters);
        try {
            if (fastUnsafe) {
                effective.put("SMO_EMBEDDED_FAST_UNSAFE", "true");
            }
            config = EnvironmentConfig.read(effective, Optional.ofNullable(configFile));
        } catch (ConfigException e) {
            err.println("SMO cannot start with this configuration:");
            e.problems().forEach(problem -> err.println("  " + problem));
            err.flush();
            return ExitCodes.USAGE;
        }
        Optional<String> refusal = refusal(config);
        if (refusal.isPresent()) {
            err.println(refusal.get());
            err.flush();
            return ExitCodes.USAGE;
        }
        // What the server starts with, and where each value came from (secrets as ***).
        err.println("configuration:");
        EnvironmentConfig.check(effective, Optional.ofNullable(configFile))
                .lines()
                .forEach(line -> err.println("  " + line.name() + "=" + line.value() + " (" + line.origin() + ")"));
        Running running = start(config, spec.commandLine().getOut(), err);
        Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "smo-shutdown"));
        new CountDownLatch(1).await();
        return ExitCodes.OK;
    }

    /** The environment with the command-line options written over their variables. */
    static Map<String, String> environment(Map<String, String> env, Integer port, String bind, Path clusters) {
        Map<String, String> copy = new HashMap<>(env);
        if (port != null) {
            copy.put("SMO_PORT", port.toString());
        }
        if (bind != null) {
            copy.put("SMO_BIND", bind);
        }
        if (clusters != null) {
            copy.put("SMO_CLUSTERS_FILE", clusters.toString());
        }
        return copy;
    }

    /** @return why the server must not start with this configuration: bound beyond loopback without a token */
    static Optional<String> refusal(ServerConfig config) {
        if (config.listen().loopbackOnly() || config.http().apiToken().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(
                "SMO refuses to listen on " + config.listen().bindHost() + " without SMO_API_TOKEN: anyone who "
                        + "can reach it could deploy and remove graphs.\n"
                        + "Maybe set SMO_API_TOKEN to a secret of 16 characters or more, or bind to 127.0.0.1 (--bind).");
    }

    /** How long a stop waits for the requests in flight. */
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(20);

    /** A started server and the composition behind it. */
    record Running(Javalin app, InFlight inFlight, Composition composition, String url) {

        /** Refuses new requests (503), waits for those in flight, stops the HTTP server, then the store. */
        void stop() {
            try {
                if (!inFlight.drain(DRAIN_TIMEOUT)) {
                    System.getLogger(ServeCommand.class.getName())
                            .log(
                                    System.Logger.Level.WARNING,
                                    inFlight.running() + " request(s) still running after " + DRAIN_TIMEOUT
                                            + "; stopping anyway.");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                try {
                    app.stop();
                } finally {
                    composition.close();
                }
            }
        }
    }

    /**
     * Converges NFVCL clusters left mid-way by a restart, on the leading replica; an NFVCL that is away is reported,
     * not fatal.
     */
    static String reconcileClusters(dev.smo.core.Infrastructure infra) {
        try {
            dev.smo.core.ClusterSync sync = infra.reconcile();
            return "nfvcl reconcile: " + sync.added().size() + " cluster(s) added, "
                    + sync.updated().size() + " updated, " + sync.removed().size() + " removed";
        } catch (dev.smo.common.SmoException e) {
            return "nfvcl reconcile: skipped, "
                    + e.getMessage().lines().findFirst().orElse("");
        }
    }

    /** Composes, reconciles and starts the server; prints the listening line on {@code out}, the rest on err. */
    static Running start(ServerConfig config, PrintWriter out, PrintWriter err) {
        Composition composition = Composition.open(config);
        try {
            err.print(composition.description());
            List<String> repaired = composition.orchestrator().reconcile();
            err.println(
                    repaired.isEmpty()
                            ? "reconcile: nothing to repair"
                            : "reconcile: finished the recorded work of graphs " + String.join(", ", repaired));
            boolean leading = composition.orchestrator().leadership().epoch().isPresent();
            composition
                    .infrastructure()
                    .ifPresent(infra -> err.println(
                            leading ? reconcileClusters(infra) : "nfvcl reconcile: left to the leading replica"));
            err.flush();
            InFlight inFlight = new InFlight();
            Javalin app = SmoServer.create(
                    composition.orchestrator(),
                    composition.infrastructure(),
                    composition.provisioning(),
                    config.http(),
                    inFlight);
            app.start(config.listen().bindHost(), config.listen().port());
            String bind = config.listen().bindHost();
            String host = bind.contains(":") ? "[" + bind + "]" : bind;
            String url = "http://" + host + ":" + app.port();
            out.println("SMO listening on " + url);
            out.flush();
            return new Running(app, inFlight, composition, url);
        } catch (RuntimeException e) {
            composition.close();
            throw e;
        }
    }
}
