package dev.smo.server.cli;

import dev.smo.intent.IntentTranslator;
import dev.smo.intent.Quantity;
import dev.smo.intent.ResourceRequest;
import dev.smo.model.Descriptors;
import dev.smo.model.HdaGraph;
import dev.smo.model.InvalidDescriptorException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code smo translate FILE}: prints the concrete resources each service of a descriptor requests. */
@Command(
        name = "translate",
        mixinStandardHelpOptions = true,
        description = "Prints the concrete resources (cpu, memory, storage, GPUs) each service requests, "
                + "translating levels such as cpu: light with the default resource table.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:translated", "1:the descriptor is invalid or unreadable", "2:usage error"})
final class TranslateCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin
    private ResourceTableOption resourceTable = new ResourceTableOption();

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A descriptor file.")
    private Path file;

    @Option(
            names = "--json",
            description = "Print an array of {service, cpu, memory, storage, gpus, cpuMillis, "
                    + "memoryBytes, storageBytes} instead.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, ResourceRequest> requests;
        try {
            HdaGraph graph = Descriptors.parse(file, resourceTable.parseOptions());
            requests = IntentTranslator.create(resourceTable.table()).translate(graph);
        } catch (InvalidDescriptorException e) {
            PrintWriter err = spec.commandLine().getErr();
            e.violations().forEach(violation -> err.println(file + ":" + violation.format()));
            err.flush();
            return ExitCodes.INVALID;
        }
        if (json) {
            out.println(ValidateCommand.JSON.writeValueAsString(rows(requests)));
        } else {
            printTable(out, requests);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static List<Map<String, Object>> rows(Map<String, ResourceRequest> requests) {
        List<Map<String, Object>> rows = new ArrayList<>();
        requests.forEach((service, request) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("service", service);
            row.put("cpu", Quantity.formatMillis(request.cpuMillis()));
            row.put("memory", Quantity.formatBytes(request.memoryBytes()));
            row.put("storage", Quantity.formatBytes(request.storageBytes()));
            row.put("gpus", request.gpus());
            row.put("cpuMillis", request.cpuMillis());
            row.put("memoryBytes", request.memoryBytes());
            row.put("storageBytes", request.storageBytes());
            rows.add(row);
        });
        return rows;
    }

    private static void printTable(PrintWriter out, Map<String, ResourceRequest> requests) {
        Table table = new Table("SERVICE", "CPU", "MEMORY", "STORAGE", "GPUS");
        requests.forEach((service, request) -> table.row(
                service,
                Quantity.formatMillis(request.cpuMillis()),
                Quantity.formatBytes(request.memoryBytes()),
                request.storageBytes() == 0 ? "none" : Quantity.formatBytes(request.storageBytes()),
                request.gpus()));
        table.print(out);
    }
}
