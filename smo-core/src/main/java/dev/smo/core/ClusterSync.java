package dev.smo.core;

import java.util.List;

/**
 * What a cluster sync with the NFVCL's blueprints did.
 *
 * @param added blueprints SMO did not track, now stored
 * @param updated tracked clusters whose status, workers or error changed
 * @param removed clusters being deleted whose blueprint is gone, no longer stored
 */
public record ClusterSync(List<NfvclCluster> added, List<NfvclCluster> updated, List<NfvclCluster> removed) {

    public ClusterSync {
        added = List.copyOf(added);
        updated = List.copyOf(updated);
        removed = List.copyOf(removed);
    }
}
