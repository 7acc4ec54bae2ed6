package dev.smo.core.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An NFVCL: the OpenStack VIMs of its topology and the Kubernetes clusters it builds on them as blueprints. Every
 * method is one or a few HTTP calls; failures are {@link dev.smo.core.NfvclException}s carrying NFVCL's message.
 */
public interface Nfvcl {

    /** Creates an empty topology when the NFVCL has none; never overwrites an existing one. */
    void ensureTopology();

    /**
     * Adds a VIM and its two networks to the topology (creating the topology first when there is none).
     *
     * @param vim the VIM
     * @return the VIM as the NFVCL names it (lower case, {@code -} turned into {@code _})
     */
    NfvclVim registerVim(VimSpec vim);

    /** @return the VIMs of the topology; empty when there is no topology */
    List<NfvclVim> vims();

    /**
     * @param name the VIM's name as the NFVCL stores it
     */
    void deleteVim(String name);

    /**
     * Asks for a Kubernetes cluster in one area; the NFVCL builds it asynchronously.
     *
     * @param request area, networks and workers
     * @return the blueprint id, and the task to poll when the NFVCL reports one
     */
    BlueprintRef createCluster(ClusterSpec request);

    /**
     * Adds workers to a cluster (a day-2 operation, asynchronous).
     *
     * @param blueprintId the cluster's blueprint
     * @param request the area and how many workers to add
     * @return the task to poll, when the NFVCL reports one
     */
    Optional<String> scaleOut(String blueprintId, ClusterSpec request);

    /**
     * @param blueprintId the cluster's blueprint
     * @param force whether the NFVCL should delete it even when its VMs cannot be reached
     */
    void deleteCluster(String blueprintId, boolean force);

    /** @return the Kubernetes blueprints, with their state; the source of truth for a cluster's progress */
    List<Blueprint> clusters();

    /**
     * @param taskId a task id from {@link #createCluster} or {@link #scaleOut}
     * @return the task, or empty when the NFVCL does not know it (tasks die with an NFVCL restart)
     */
    Optional<TaskStatus> task(String taskId);

    /**
     * @param blueprintId a cluster's blueprint
     * @return its admin kubeconfig (YAML)
     */
    String kubeconfig(String blueprintId);

    /**
     * An OpenStack VIM as SMO registers it.
     *
     * @param name the VIM's name
     * @param url the Keystone URL
     * @param user the OpenStack user
     * @param password the OpenStack password; never logged nor returned
     * @param insecure whether TLS certificates are not checked
     * @param useFloatingIp whether VMs get floating IPs
     * @param area the pop area the VIM serves
     * @param managementNetwork name, CIDR and gateway of the management network
     * @param serviceNetwork name, CIDR and gateway of the service network
     */
    record VimSpec(
            String name,
            String url,
            String user,
            String password,
            boolean insecure,
            boolean useFloatingIp,
            int area,
            Network managementNetwork,
            Network serviceNetwork) {

        @Override
        public String toString() {
            return "VimSpec[name=" + name + ", url=" + url + ", user=" + user + ", password=***, area=" + area + "]";
        }
    }

    /**
     * A network of the topology.
     *
     * @param name its name
     * @param cidr e.g. {@code 10.0.0.0/24}
     * @param gateway the gateway address
     */
    record Network(String name, String cidr, String gateway) {}

    /**
     * A VIM as the NFVCL's topology holds it.
     *
     * @param name its name, as the NFVCL stores it
     * @param url the Keystone URL
     * @param areas the pop areas it serves
     * @param networks the names of its networks
     * @param useFloatingIp whether VMs get floating IPs
     */
    record NfvclVim(String name, String url, List<Integer> areas, List<String> networks, boolean useFloatingIp) {

        public NfvclVim {
            areas = List.copyOf(areas);
            networks = List.copyOf(networks);
        }
    }

    /**
     * A cluster request (creation, or workers to add).
     *
     * @param area the pop area
     * @param managementNetwork the management network's name
     * @param serviceNetwork the service network's name
     * @param workers how many workers (to create, or to add)
     * @param masterFlavor the master VM's size, or NFVCL's default
     * @param workerFlavor the workers' size, or NFVCL's default
     */
    record ClusterSpec(
            int area,
            String managementNetwork,
            String serviceNetwork,
            int workers,
            Optional<Flavor> masterFlavor,
            Optional<Flavor> workerFlavor) {

        public ClusterSpec {
            Objects.requireNonNull(masterFlavor, "masterFlavor");
            Objects.requireNonNull(workerFlavor, "workerFlavor");
        }

        /**
         * A request with NFVCL's default flavors.
         *
         * @param area the pop area
         * @param managementNetwork the management network's name
         * @param serviceNetwork the service network's name
         * @param workers how many workers (to create, or to add)
         */
        public ClusterSpec(int area, String managementNetwork, String serviceNetwork, int workers) {
            this(area, managementNetwork, serviceNetwork, workers, Optional.empty(), Optional.empty());
        }
    }

    /**
     * The size of a VM, as NFVCL's {@code VmResourceFlavor} takes it.
     *
     * @param vcpus virtual CPUs, at least 1
     * @param memoryMb memory in MiB, at least 512
     * @param diskGb root disk in GB, at least 1
     */
    record Flavor(int vcpus, int memoryMb, int diskGb) {

        public Flavor {
            if (vcpus < 1 || memoryMb < 512 || diskGb < 1) {
                throw new IllegalArgumentException("Flavor (vcpus " + vcpus + ", memory " + memoryMb + " MiB, disk "
                        + diskGb + " GB) is too small: at least 1 vCPU, 512 MiB and 1 GB.");
            }
        }
    }

    /**
     * @param id the blueprint id (6 characters A–Z, 0–9)
     * @param taskId the task to poll, when the NFVCL reports one
     */
    record BlueprintRef(String id, Optional<String> taskId) {}

    /**
     * A Kubernetes blueprint.
     *
     * @param id its id
     * @param operation {@code idle}, {@code deploying}, {@code running-day2-op} or {@code destroying}
     * @param error NFVCL's error, or empty
     * @param area the master's pop area, when known
     * @param workers how many worker VMs it has
     */
    record Blueprint(String id, String operation, Optional<String> error, Optional<Integer> area, int workers) {

        /** @return whether the cluster is built and nothing runs on it: NFVCL's durable readiness */
        public boolean ready() {
            return operation.equals("idle") && error.isEmpty();
        }
    }

    /**
     * @param id the task id
     * @param done whether it finished
     * @param error its error, or empty
     */
    record TaskStatus(String id, boolean done, Optional<String> error) {}
}
