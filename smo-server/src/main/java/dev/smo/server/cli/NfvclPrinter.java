package dev.smo.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/** Tables of VIMs and NFVCL clusters for a person. */
final class NfvclPrinter {

    private NfvclPrinter() {}

    static void vims(JsonNode vims, PrintWriter out) {
        if (vims.isObject()) {
            vims = AbstractClientCommand.JSON.createArrayNode().add(vims);
        }
        if (vims.isEmpty()) {
            out.println("No VIMs.");
            return;
        }
        Table table = new Table("ID", "NAME", "NFVCL NAME", "POP AREA", "URL", "MGMT NET", "SERVICE NET");
        for (JsonNode v : vims) {
            table.row(
                    v.path("id").asLong(),
                    v.path("vim_name").asText(),
                    v.path("nfvcl_name").asText(),
                    v.path("pop_area").asInt(),
                    v.path("vim_url").asText(),
                    v.path("mgmt_network").asText(""),
                    v.path("service_network").asText(""));
        }
        table.print(out);
    }

    static void clusters(JsonNode clusters, PrintWriter out) {
        if (clusters.isObject()) {
            clusters = AbstractClientCommand.JSON.createArrayNode().add(clusters);
        }
        if (clusters.isEmpty()) {
            out.println("No NFVCL clusters.");
            return;
        }
        Table table = new Table("SMO ID", "BLUEPRINT", "POP AREA", "VIM", "WORKERS", "STATUS", "ERROR");
        for (JsonNode c : clusters) {
            table.row(
                    c.path("smo_id").asText(),
                    c.path("nfvcl_id").asText(""),
                    c.path("pop_area").asInt(),
                    c.path("vim_name").asText(""),
                    c.path("running_workers").asInt(),
                    c.path("status").asText(),
                    c.path("lastError").asText("").lines().findFirst().orElse(""));
        }
        table.print(out);
    }

    static void vimSync(JsonNode sync, PrintWriter out) {
        out.println(sync.path("message").asText());
        vims(sync.path("vims"), out);
    }

    static void clusterSync(JsonNode sync, PrintWriter out) {
        out.println(sync.path("message").asText());
        for (String part : new String[] {"added", "updated", "removed"}) {
            for (JsonNode c : sync.path(part)) {
                out.println("  " + part + ": " + c.path("smo_id").asText() + " "
                        + c.path("status").asText());
            }
        }
    }
}
