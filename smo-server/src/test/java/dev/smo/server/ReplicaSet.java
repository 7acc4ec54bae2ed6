package dev.smo.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replicas of {@code smo serve}, each its own JVM on the test's class path, sharing one database: started in
 * parallel, asked over loopback who leads, killed, paused and resumed with signals. Used by the HA tests and the
 * HA bench.
 */
public final class ReplicaSet implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("SMO listening on (http://\\S+)");
    private static final Pattern LEADER = Pattern.compile("smo_leader\\{replica=\"([^\"]+)\"} (\\S+)");

    /** One running replica: its id, process, port and standard error file. */
    public record Replica(String id, Process process, int port, Path err) {

        /** @return the replica's standard error so far */
        public String log() {
            try {
                return Files.readString(err);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final Path home;
    private final Map<String, String> env;
    private final List<String> jvm;
    private final List<Replica> replicas = new ArrayList<>();
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * @param home a directory for the replicas' homes and logs
     * @param env the settings every replica gets (database, clusters, lease time, ...)
     */
    public ReplicaSet(Path home, Map<String, String> env) {
        this(home, env, List.of("-XX:TieredStopAtLevel=1", "-Xss512k"));
    }

    /**
     * @param home a directory for the replicas' homes and logs
     * @param env the settings every replica gets
     * @param jvm the replicas' JVM options (the default starts fast: C1 only, as tests want)
     */
    public ReplicaSet(Path home, Map<String, String> env, List<String> jvm) {
        this.home = home;
        this.env = Map.copyOf(env);
        this.jvm = List.copyOf(jvm);
    }

    /** Starts {@code n} replicas named {@code r0}, {@code r1}, ... in parallel, and waits until each listens. */
    public List<Replica> start(int n) {
        List<CompletableFuture<Replica>> starting = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = "r" + (replicas.size() + i);
            starting.add(CompletableFuture.supplyAsync(() -> startOne(id)));
        }
        List<Replica> started = starting.stream().map(CompletableFuture::join).toList();
        synchronized (replicas) {
            replicas.addAll(started);
        }
        return started;
    }

    private Replica startOne(String id) {
        try {
            Path dir = Files.createDirectories(home.resolve(id));
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvm);
            command.addAll(List.of(
                    "-cp",
                    System.getProperty("java.class.path"),
                    "dev.smo.server.cli.SmoCommand",
                    "serve",
                    "--port",
                    "0"));
            ProcessBuilder pb = new ProcessBuilder(command);
            Map<String, String> e = pb.environment();
            e.remove("SMO_API_TOKEN");
            e.putAll(env);
            e.put("SMO_HOME", dir.toString());
            e.put("SMO_REPLICA_ID", id);
            Path err = dir.resolve("stderr.log");
            pb.redirectError(err.toFile());
            Process process = pb.start();
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            String line;
            while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    Thread drainer = new Thread(() -> drain(out));
                    drainer.setDaemon(true);
                    drainer.start();
                    return new Replica(id, process, Integer.parseInt(m.group(1).replaceAll(".*:(\\d+).*", "$1")), err);
                }
            }
            process.destroyForcibly();
            throw new IllegalStateException("Replica " + id + " did not start: " + Files.readString(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // keep the pipe from filling up
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** @return the replicas started, in order, killed ones included */
    public List<Replica> all() {
        synchronized (replicas) {
            return List.copyOf(replicas);
        }
    }

    /** @return the running replicas that answer */
    public List<Replica> live() {
        return all().stream().filter(r -> r.process().isAlive()).toList();
    }

    /**
     * @param r a replica
     * @return whether it says it leads, from its {@code /metrics}; empty when it does not answer
     */
    public Optional<Boolean> leads(Replica r) {
        try {
            HttpResponse<String> answer = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + r.port() + "/metrics"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = LEADER.matcher(answer.body());
            return m.find() ? Optional.of(Double.parseDouble(m.group(2)) == 1.0) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * @param among the replicas to ask
     * @return the replicas among them that say they lead
     */
    public List<Replica> leaders(List<Replica> among) {
        return among.stream().filter(r -> leads(r).orElse(false)).toList();
    }

    /**
     * Waits until exactly one of the replicas says it leads.
     *
     * @param among the replicas to ask
     * @param timeout how long to wait
     * @return the leader
     */
    public Replica awaitLeader(List<Replica> among, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Replica> leaders = leaders(among);
            if (leaders.size() == 1) {
                return leaders.get(0);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Expected one leader among "
                        + among.stream().map(Replica::id).toList() + ", found "
                        + leaders.stream().map(Replica::id).toList());
            }
            sleep(50);
        }
    }

    /** Kills the replica with SIGKILL and waits for it to end. */
    public void kill(Replica r) {
        r.process().destroyForcibly();
        try {
            r.process().waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends a signal ({@code STOP}, {@code CONT}) to the replica's process. */
    public void signal(Replica r, String signal) {
        try {
            Process kill = new ProcessBuilder(
                            "kill", "-" + signal, Long.toString(r.process().pid()))
                    .inheritIO()
                    .start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException(
                        "kill -" + signal + " " + r.process().pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Kills every replica still running. */
    @Override
    public void close() {
        for (Replica r : all()) {
            r.process().destroyForcibly();
        }
        for (Replica r : all()) {
            try {
                r.process().waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** @return the environment the replicas share, for a copy with more settings */
    public Map<String, String> env() {
        return new HashMap<>(env);
    }
}
