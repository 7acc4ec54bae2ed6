package dev.smo.core;

import dev.smo.core.spi.ClusterInventory;
import dev.smo.model.Descriptors;
import dev.smo.model.HdaGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Descriptors from smo-examples and a cluster inventory whose clusters a test can change. */
final class Fixtures {

    static final Path EXAMPLES = Path.of("../smo-examples");

    private Fixtures() {}

    static HdaGraph brussels() {
        return example("brussels-demo/hdag.yaml");
    }

    static HdaGraph myWebapp() {
        return example("my-webapp/hdag.yaml");
    }

    static HdaGraph example(String path) {
        try {
            return Descriptors.parse(Files.readString(EXAMPLES.resolve(path)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String exampleText(String path) {
        try {
            return Files.readString(EXAMPLES.resolve(path));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An inventory whose clusters the test sets; it counts deployed workloads like Karmada does. */
    static final class MutableInventory implements ClusterInventory {

        final AtomicReference<List<ClusterInfo>> clusters = new AtomicReference<>(List.of());
        private final boolean live;

        MutableInventory(boolean live, ClusterInfo... initial) {
            this.live = live;
            clusters.set(List.of(initial));
        }

        void set(ClusterInfo... now) {
            clusters.set(List.of(now));
        }

        @Override
        public List<ClusterInfo> clusters() {
            return clusters.get();
        }

        @Override
        public boolean countsDeployedWorkloads() {
            return live;
        }
    }

    static ClusterInfo cluster(String name, long cpuMillis, long memoryGiB, int gpus) {
        return ClusterInfo.of(name, cpuMillis, memoryGiB << 30, gpus);
    }
}
