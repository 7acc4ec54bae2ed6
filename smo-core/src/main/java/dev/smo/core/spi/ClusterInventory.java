package dev.smo.core.spi;

import dev.smo.core.ClusterInfo;
import java.util.List;

/** The member clusters SMO may place services on (Karmada's Cluster objects, a static file, ...). */
public interface ClusterInventory {

    /**
     * Reads the clusters as they are now.
     *
     * @return every known cluster, ready or not, ordered by name
     * @throws dev.smo.core.ClusterInventoryException when the inventory cannot be read
     */
    List<ClusterInfo> clusters();

    /**
     * Whether the free capacity reported already subtracts SMO's own deployed workloads (true for Karmada, whose
     * {@code allocated} counts every pod). A static inventory returns false, and SMO then subtracts the demands of
     * the services it has deployed itself.
     *
     * @return whether deployed workloads are already accounted for
     */
    default boolean countsDeployedWorkloads() {
        return true;
    }
}
