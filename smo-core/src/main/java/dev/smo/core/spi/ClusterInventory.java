package dev.smo.core.spi;

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
}
