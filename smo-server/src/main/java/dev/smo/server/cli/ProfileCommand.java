package dev.smo.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code smo profile GRAPH SERVICE [--since 6h | --show]}: learns or prints a service's capacity profile. */
@Command(
        name = "profile",
        mixinStandardHelpOptions = true,
        description = "Learns a service's capacity model rate = alpha·replicas + beta from Prometheus history and"
                + " stores it as the service's next profile (--show prints the current one instead).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:learned (or printed)",
            "1:the server refused: no such graph or service, or the data do not support a profile (the reason)",
            "2:usage error",
            "3:server failure or not reachable"
        })
final class ProfileCommand extends AbstractClientCommand {

    @Parameters(index = "0", paramLabel = "GRAPH", description = "The graph name.")
    private String graph;

    @Parameters(index = "1", paramLabel = "SERVICE", description = "The service id.")
    private String service;

    @Option(
            names = "--since",
            paramLabel = "WINDOW",
            defaultValue = "6h",
            description = "How far back to learn from: 30m, 6h, 2d (default ${DEFAULT-VALUE}).")
    private String since;

    @Option(names = "--show", description = "Print the current profile; learn nothing.")
    private boolean show;

    ProfileCommand(Map<String, String> env) {
        super(env);
    }

    @Override
    int exchange(ServerClient client, PrintWriter out) throws IOException {
        String path =
                "/graphs/" + ServerClient.segment(graph) + "/services/" + ServerClient.segment(service) + "/profile";
        if (show) {
            print(out, client.get(path), (profile, o) -> profile(profile, o));
        } else {
            print(out, client.post(path + "?since=" + ServerClient.segment(since)), (report, o) -> {
                profile(report.path("profile"), o);
                o.printf(
                        Locale.ROOT,
                        "queries   %s%n          %s%n",
                        report.path("replicasQuery").asText(),
                        report.path("requestRateQuery").asText());
            });
        }
        return ExitCodes.OK;
    }

    static void profile(JsonNode p, PrintWriter out) {
        out.printf(
                Locale.ROOT,
                "%s/%s profile v%d: capacity = %.3f·replicas %s %.3f req/s%n",
                p.path("graph").asText(),
                p.path("service").asText(),
                p.path("version").asInt(),
                p.path("alpha").asDouble(),
                p.path("beta").asDouble() < 0 ? "-" : "+",
                Math.abs(p.path("beta").asDouble()));
        out.printf(
                Locale.ROOT,
                "alpha     [%.3f, %.3f] (95 %%)%nbeta      [%.3f, %.3f] (95 %%)%nR²        %.4f%n",
                p.path("alphaInterval").path(0).asDouble(),
                p.path("alphaInterval").path(1).asDouble(),
                p.path("betaInterval").path(0).asDouble(),
                p.path("betaInterval").path(1).asDouble(),
                p.path("rSquared").asDouble());
        out.printf(
                Locale.ROOT,
                "samples   %d used of %d (%d not saturated, %d outliers)%nwindow    %s to %s%n",
                p.path("samplesUsed").asInt(),
                p.path("samplesTotal").asInt(),
                p.path("unsaturated").asInt(),
                p.path("outliers").asInt(),
                p.path("from").asText(),
                p.path("to").asText());
    }
}
