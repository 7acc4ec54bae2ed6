package dev.smo.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.smo.model.Descriptors;
import dev.smo.model.HdaGraph;
import dev.smo.model.InvalidDescriptorException;
import dev.smo.model.Violation;
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

/** {@code smo validate FILE...}: checks descriptors and prints every problem. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description =
                "Checks HDAG descriptors (YAML or JSON) and prints every problem as FILE:path (line:col): message.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file is valid", "1:a file is invalid or unreadable", "2:usage error"})
final class ValidateCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin
    private ResourceTableOption resourceTable = new ResourceTableOption();

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Descriptor files.")
    private List<Path> files;

    @Option(names = "--json", description = "Print an array of {file, valid, services, violations} instead.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Map<String, Object>> reports = new ArrayList<>();
        boolean allValid = true;
        for (Path file : files) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("file", file.toString());
            try {
                HdaGraph graph = Descriptors.parse(file, resourceTable.parseOptions());
                report.put("valid", true);
                report.put("services", graph.services().size());
                report.put("violations", List.of());
                if (!json) {
                    out.println(file + ": valid (" + services(graph.services().size()) + ")");
                }
            } catch (InvalidDescriptorException e) {
                allValid = false;
                report.put("valid", false);
                report.put(
                        "violations",
                        e.violations().stream().map(ValidateCommand::toMap).toList());
                if (!json) {
                    e.violations().forEach(violation -> out.println(file + ":" + violation.format()));
                }
            }
            reports.add(report);
        }
        if (json) {
            out.println(JSON.writeValueAsString(reports));
        }
        out.flush();
        return allValid ? ExitCodes.OK : ExitCodes.INVALID;
    }

    private static String services(int count) {
        return count == 1 ? "1 service" : count + " services";
    }

    static Map<String, Object> toMap(Violation violation) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("path", violation.path());
        map.put("line", violation.line());
        map.put("column", violation.column());
        map.put("message", violation.message());
        return map;
    }
}
