package dev.smo.server.cli;

import dev.smo.intent.ResourceTable;
import dev.smo.model.ParseOptions;
import dev.smo.server.Composition;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --resource-table FILE}: resource levels over the defaults, as the server's {@code SMO_RESOURCE_TABLE}. */
final class ResourceTableOption {

    @Option(
            names = "--resource-table",
            paramLabel = "FILE",
            description = "YAML resource levels over the defaults, e.g. cpu: {xlarge: \"16\"} (the server's "
                    + "SMO_RESOURCE_TABLE).")
    private Path file;

    ResourceTable table() {
        return file == null ? ResourceTable.defaults() : Composition.resourceTable(file);
    }

    ParseOptions parseOptions() {
        return ParseOptions.defaults().withResourceLevels(table().levels());
    }
}
