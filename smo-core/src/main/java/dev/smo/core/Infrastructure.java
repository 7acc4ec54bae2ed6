package dev.smo.core;

import dev.smo.core.internal.DefaultInfrastructure;
import dev.smo.core.spi.InfrastructureStore;
import dev.smo.core.spi.Nfvcl;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * SMO's OpenStack VIMs and the Kubernetes clusters an NFVCL builds on them: what SMO stores, kept in step with the
 * NFVCL. The NFVCL's blueprint list is the truth about a cluster (its {@code current_operation} idle and no error
 * means ready): task ids die with an NFVCL restart, and SMO's own rows may lag behind after a restart of SMO.
 *
 * <p>Failures of the NFVCL are {@link NfvclException}s carrying its message; the store's are the store's
 * exceptions. VIM passwords go to the NFVCL and to the store (sealed), never into a {@link Vim}, a message or a
 * log line.
 */
public interface Infrastructure {

    /**
     * @param nfvcl the NFVCL to drive
     * @param store where VIMs and clusters are kept
     * @return the service
     */
    static Infrastructure create(Nfvcl nfvcl, InfrastructureStore store) {
        return new DefaultInfrastructure(
                Objects.requireNonNull(nfvcl, "nfvcl"), Objects.requireNonNull(store, "store"));
    }

    /**
     * Registers a VIM with the NFVCL (its two networks first), then stores it with its password sealed.
     *
     * @param vim the VIM, its password included
     * @return the VIM as stored
     * @throws VimAlreadyExistsException when SMO knows a VIM of that name
     * @throws NfvclException when the NFVCL refuses it
     */
    Vim registerVim(Nfvcl.VimSpec vim);

    /**
     * @param popArea only the VIMs of this pop area, or all when empty
     * @return SMO's VIMs, by id
     */
    List<Vim> vims(OptionalInt popArea);

    /**
     * @param id SMO's id
     * @return the VIM
     * @throws VimNotFoundException when there is none
     */
    Vim vim(long id);

    /**
     * Deletes a VIM from the NFVCL's topology and from SMO.
     *
     * @param id SMO's id
     * @return the VIM that was deleted
     * @throws VimNotFoundException when there is none
     * @throws IllegalTransitionException when clusters SMO tracks still run on it
     * @throws NfvclException when the NFVCL fails
     */
    Vim deleteVim(long id);

    /**
     * Reads the NFVCL's topology: stores its VIMs SMO does not know, and registers again SMO's VIMs it lost.
     *
     * @return what changed
     * @throws NfvclException when the NFVCL fails
     */
    VimSync syncVims();

    /**
     * Asks the NFVCL for a cluster: stores it {@code REQUESTED}, posts the blueprint, then stores it
     * {@code DEPLOYING} with the blueprint and task ids. When the NFVCL refuses, the cluster is stored
     * {@code FAILED} with its message and the exception is thrown.
     *
     * @param request pop area, VIM and sizes
     * @return the cluster, {@code DEPLOYING}
     * @throws VimNotFoundException when the VIM is unknown
     * @throws IllegalArgumentException when the VIM does not serve the pop area or lacks networks
     * @throws NfvclException when the NFVCL refuses
     */
    NfvclCluster createCluster(ClusterRequest request);

    /**
     * @param smoId SMO's id
     * @return the cluster as last stored
     * @throws NfvclClusterNotFoundException when there is none
     */
    NfvclCluster cluster(String smoId);

    /**
     * @param popArea only the clusters of this pop area, or all when empty
     * @return the clusters as last stored, by SMO id
     */
    List<NfvclCluster> clusters(OptionalInt popArea);

    /**
     * Asks the NFVCL to delete a cluster. It is kept {@code DELETING} until a sync finds its blueprint gone; one the
     * NFVCL never accepted goes at once.
     *
     * @param smoId SMO's id
     * @return the cluster, {@code DELETING}; or as it was, when it was removed at once
     * @throws NfvclClusterNotFoundException when there is none
     * @throws NfvclException when the NFVCL fails
     */
    NfvclCluster deleteCluster(String smoId);

    /**
     * Adds workers to a ready cluster; it is {@code DEPLOYING} until the NFVCL is idle on it again.
     *
     * @param smoId SMO's id
     * @param workers how many workers to add, 1 to {@link ClusterRequest#MAX_WORKERS}
     * @return the cluster, {@code DEPLOYING}
     * @throws NfvclClusterNotFoundException when there is none
     * @throws IllegalTransitionException when the cluster is not ready
     * @throws NfvclException when the NFVCL refuses
     */
    NfvclCluster scaleOut(String smoId, int workers);

    /**
     * Brings stored clusters in line with the NFVCL's Kubernetes blueprints: idle and no error is {@code READY},
     * an error {@code FAILED} with the NFVCL's message, a busy blueprint {@code DEPLOYING}; a cluster being deleted
     * whose blueprint is gone is removed, any other whose blueprint is gone is {@code FAILED}; blueprints SMO does
     * not track are stored. Worker counts are the NFVCL's.
     *
     * @param popArea only this pop area, or all when empty
     * @return what changed
     * @throws NfvclException when the NFVCL fails
     */
    ClusterSync syncClusters(OptionalInt popArea);

    /**
     * @param smoId SMO's id of a built cluster
     * @return its admin kubeconfig, as the NFVCL hands it out (never stored nor logged by SMO)
     * @throws NfvclClusterNotFoundException when there is none
     * @throws IllegalTransitionException when the NFVCL has not accepted it (no blueprint)
     * @throws NfvclException when the NFVCL fails
     */
    String kubeconfig(String smoId);

    /**
     * Records that a ready cluster became a Karmada member ({@code JOINED}); syncs keep it so while the NFVCL
     * reports it ready.
     *
     * @param smoId SMO's id
     * @return the cluster, {@code JOINED}
     * @throws NfvclClusterNotFoundException when there is none
     * @throws IllegalTransitionException when it is not {@code READY} (nor already {@code JOINED})
     */
    NfvclCluster markJoined(String smoId);

    /**
     * Converges clusters left mid-way by a restart of SMO or of the NFVCL: a {@code REQUESTED} cluster adopts an
     * untracked blueprint of its pop area, or is requested again; then everything is synced.
     *
     * @return what the sync changed
     * @throws NfvclException when the NFVCL fails
     */
    ClusterSync reconcile();
}
