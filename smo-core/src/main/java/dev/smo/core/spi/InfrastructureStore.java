package dev.smo.core.spi;

import dev.smo.core.ClusterProvision;
import dev.smo.core.NfvclCluster;
import dev.smo.core.Vim;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where SMO keeps its OpenStack VIMs and the clusters the NFVCL builds on them. Every method is atomic. VIM
 * passwords are kept apart from {@link Vim} and never returned with it.
 */
public interface InfrastructureStore {

    /**
     * @param vim the VIM; its id and timestamps are assigned
     * @param password its OpenStack password, kept sealed; empty for a VIM found in the NFVCL's topology
     * @return the VIM as stored
     * @throws dev.smo.core.VimAlreadyExistsException when a VIM has the same name or NFVCL name
     */
    Vim insertVim(Vim vim, Optional<String> password);

    /**
     * @param id SMO's id of the VIM
     * @return the VIM, or empty
     */
    Optional<Vim> vim(long id);

    /**
     * @param name SMO's or the NFVCL's name of a VIM
     * @return the VIM, or empty
     */
    Optional<Vim> vimNamed(String name);

    /**
     * @param popArea only the VIMs of this pop area, or all when empty
     * @return the VIMs, by id
     */
    List<Vim> vims(OptionalInt popArea);

    /**
     * @param id SMO's id of the VIM
     * @return its password, unsealed, or empty when none is stored
     */
    Optional<String> vimPassword(long id);

    /**
     * @param id SMO's id of the VIM
     * @return whether it existed
     */
    boolean deleteVim(long id);

    /**
     * @param cluster a new cluster; its timestamps are assigned and its version set to 1
     * @return the cluster as stored
     * @throws IllegalArgumentException when a cluster has the same SMO id
     */
    NfvclCluster insertCluster(NfvclCluster cluster);

    /**
     * @param cluster the cluster, carrying the version it was read at
     * @return the cluster as stored, its version one higher
     * @throws dev.smo.core.NfvclClusterChangedException when its version is stale
     * @throws dev.smo.core.NfvclClusterNotFoundException when it is gone
     */
    NfvclCluster updateCluster(NfvclCluster cluster);

    /**
     * @param smoId SMO's id of the cluster
     * @return the cluster, or empty
     */
    Optional<NfvclCluster> cluster(String smoId);

    /**
     * @param popArea only the clusters of this pop area, or all when empty
     * @return the clusters, by SMO id
     */
    List<NfvclCluster> clusters(OptionalInt popArea);

    /**
     * @param smoId SMO's id of the cluster
     * @param version the version it was read at
     * @throws dev.smo.core.NfvclClusterChangedException when its version is stale
     * @throws dev.smo.core.NfvclClusterNotFoundException when it is gone
     */
    void deleteCluster(String smoId, long version);

    /**
     * @param provision a new provisioning; its timestamps are assigned and its version set to 1
     * @return the provisioning as stored
     * @throws IllegalArgumentException when one exists for the same cluster
     */
    ClusterProvision insertProvision(ClusterProvision provision);

    /**
     * @param provision the provisioning, carrying the version it was read at
     * @return the provisioning as stored, its version one higher
     * @throws dev.smo.core.NfvclClusterChangedException when its version is stale, or it is gone
     */
    ClusterProvision updateProvision(ClusterProvision provision);

    /**
     * @param graph only this graph's, or every graph's when {@code null}
     * @return the provisionings, oldest first
     */
    List<ClusterProvision> provisions(String graph);
}
