package dev.smo.server.http;

import dev.smo.core.ClusterSync;
import dev.smo.core.NfvclCluster;
import dev.smo.core.Vim;
import dev.smo.core.VimSync;
import dev.smo.core.spi.Nfvcl;
import io.javalin.openapi.OpenApiNullable;
import java.util.List;
import java.util.Locale;

/**
 * The JSON shapes of the VIM and cluster routes, with the original's keys ({@code pop_area}, {@code vim_name},
 * {@code smo_id}, {@code nfvcl_id}, {@code running_workers}, ...). A VIM view has no password field at all.
 */
public final class NfvclViews {

    private NfvclViews() {}

    /** A VIM SMO knows; its password is never part of it. */
    public record VimView(
            long id,
            String vim_name,
            String nfvcl_name,
            int pop_area,
            String vim_type,
            String vim_url,
            String vim_user,
            List<NetworkView> networks,
            @OpenApiNullable String mgmt_network,
            @OpenApiNullable String service_network,
            boolean insecure,
            boolean use_floating_ip,
            String createdAt,
            String updatedAt) {}

    /** A network of a VIM; CIDR and gateway are null for a VIM found in the NFVCL's topology. */
    public record NetworkView(
            String name,
            @OpenApiNullable String cidr,
            @OpenApiNullable String gateway) {}

    /** A VM size. */
    public record FlavorView(int vcpu_count, int memory_mb, int storage_gb) {}

    /** A Kubernetes cluster built by the NFVCL. */
    public record NfvclClusterView(
            String smo_id,
            @OpenApiNullable String nfvcl_id,
            int pop_area,
            String vim_name,
            String mgmt_network,
            String service_network,
            @OpenApiNullable FlavorView master_flavor,
            @OpenApiNullable FlavorView worker_flavor,
            int running_workers,
            String status,
            @OpenApiNullable String task_id,
            @OpenApiNullable String lastError,
            String createdAt,
            String updatedAt,
            long version) {}

    /** What a VIM sync did, and every VIM after it. */
    public record VimSyncView(
            String message,
            List<VimView> added,
            List<VimView> reregistered,
            List<VimView> missing,
            List<VimView> vims) {}

    /** What a cluster sync did. */
    public record NfvclClusterSyncView(
            String message,
            List<NfvclClusterView> added,
            List<NfvclClusterView> updated,
            List<NfvclClusterView> removed) {}

    static VimView vim(Vim v) {
        return new VimView(
                v.id(),
                v.name(),
                v.nfvclName(),
                v.popArea(),
                "openstack",
                v.url(),
                v.user(),
                v.networks().stream()
                        .map(n -> new NetworkView(n.name(), n.cidr(), n.gateway()))
                        .toList(),
                v.managementNetwork().orElse(null),
                v.serviceNetwork().orElse(null),
                v.insecure(),
                v.useFloatingIp(),
                String.valueOf(v.createdAt()),
                String.valueOf(v.updatedAt()));
    }

    static NfvclClusterView cluster(NfvclCluster c) {
        return new NfvclClusterView(
                c.smoId(),
                c.nfvclId().orElse(null),
                c.popArea(),
                c.vimName(),
                c.managementNetwork(),
                c.serviceNetwork(),
                c.masterFlavor().map(NfvclViews::flavor).orElse(null),
                c.workerFlavor().map(NfvclViews::flavor).orElse(null),
                c.workers(),
                c.status().name().toLowerCase(Locale.ROOT),
                c.taskId().orElse(null),
                c.lastError().orElse(null),
                String.valueOf(c.createdAt()),
                String.valueOf(c.updatedAt()),
                c.version());
    }

    static VimSyncView vimSync(VimSync s, List<Vim> all) {
        return new VimSyncView(
                s.added().size() + " VIM(s) imported from the NFVCL, "
                        + s.reregistered().size() + " registered again, "
                        + s.missing().size() + " missing from the NFVCL",
                s.added().stream().map(NfvclViews::vim).toList(),
                s.reregistered().stream().map(NfvclViews::vim).toList(),
                s.missing().stream().map(NfvclViews::vim).toList(),
                all.stream().map(NfvclViews::vim).toList());
    }

    static NfvclClusterSyncView clusterSync(ClusterSync s) {
        return new NfvclClusterSyncView(
                s.added().size() + " cluster(s) added, " + s.updated().size() + " updated, "
                        + s.removed().size() + " removed",
                s.added().stream().map(NfvclViews::cluster).toList(),
                s.updated().stream().map(NfvclViews::cluster).toList(),
                s.removed().stream().map(NfvclViews::cluster).toList());
    }

    private static FlavorView flavor(Nfvcl.Flavor f) {
        return new FlavorView(f.vcpus(), f.memoryMb(), f.diskGb());
    }
}
