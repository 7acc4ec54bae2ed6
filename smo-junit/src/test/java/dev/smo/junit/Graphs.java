package dev.smo.junit;

import dev.smo.model.Descriptors;
import dev.smo.model.HdaGraph;
import java.net.URISyntaxException;
import java.nio.file.Path;

final class Graphs {

    private Graphs() {}

    static HdaGraph gpuGraph() {
        try {
            return Descriptors.parse(
                    Path.of(Graphs.class.getResource("/gpu-graph.yaml").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
