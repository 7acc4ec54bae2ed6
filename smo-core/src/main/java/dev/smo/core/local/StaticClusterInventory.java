package dev.smo.core.local;

import dev.smo.core.ClusterInfo;
import dev.smo.core.spi.ClusterInventory;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * A fixed list of clusters, e.g. read from a clusters file. Its capacities are totals that do not see SMO's own
 * workloads, so the orchestrator subtracts the demands of the services it placed.
 */
@SuppressWarnings("exports") // jakarta.inject is optional: only dependency-injection users need it
public final class StaticClusterInventory implements ClusterInventory {

    private final List<ClusterInfo> clusters;

    /** @param clusters the clusters with their capacity */
    @Inject
    public StaticClusterInventory(List<ClusterInfo> clusters) {
        this.clusters = clusters.stream()
                .sorted(Comparator.comparing(ClusterInfo::name))
                .toList();
    }

    /**
     * @param file a clusters file (see {@link ClustersFile})
     * @return the inventory it describes
     * @throws dev.smo.model.InvalidDescriptorException listing every problem of the file
     */
    public static StaticClusterInventory fromFile(Path file) {
        return new StaticClusterInventory(ClustersFile.read(file));
    }

    @Override
    public List<ClusterInfo> clusters() {
        return clusters;
    }

    @Override
    public boolean countsDeployedWorkloads() {
        return false;
    }
}
