package dev.smo.core.internal;

import dev.smo.core.NfvclException;
import dev.smo.core.spi.Nfvcl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An NFVCL in memory whose blueprints and tasks the test sets directly. */
final class FakeNfvcl implements Nfvcl {

    final Map<String, NfvclVim> vims = new LinkedHashMap<>();
    final Map<String, Blueprint> blueprints = new LinkedHashMap<>();
    final Map<String, TaskStatus> tasks = new LinkedHashMap<>();
    final List<VimSpec> registered = new ArrayList<>();
    final List<String> deleted = new ArrayList<>();
    NfvclException failCreate;
    NfvclException failRegister;
    private int next;

    @Override
    public void ensureTopology() {}

    @Override
    public NfvclVim registerVim(VimSpec vim) {
        if (failRegister != null) {
            throw failRegister;
        }
        registered.add(vim);
        String name = vim.name().toLowerCase(java.util.Locale.ROOT).replace('-', '_');
        NfvclVim v = new NfvclVim(
                name,
                vim.url(),
                List.of(vim.area()),
                List.of(vim.managementNetwork().name(), vim.serviceNetwork().name()),
                vim.useFloatingIp());
        vims.put(name, v);
        return v;
    }

    @Override
    public List<NfvclVim> vims() {
        return List.copyOf(vims.values());
    }

    @Override
    public void deleteVim(String name) {
        vims.remove(name);
    }

    @Override
    public BlueprintRef createCluster(ClusterSpec request) {
        if (failCreate != null) {
            throw failCreate;
        }
        String id = String.format("BP%04d", ++next);
        blueprints.put(id, new Blueprint(id, "deploying", Optional.empty(), Optional.of(request.area()), 0));
        tasks.put("t-" + id, new TaskStatus("t-" + id, false, Optional.empty()));
        return new BlueprintRef(id, Optional.of("t-" + id));
    }

    @Override
    public Optional<String> scaleOut(String blueprintId, ClusterSpec request) {
        Blueprint b = blueprints.get(blueprintId);
        blueprints.put(
                blueprintId, new Blueprint(blueprintId, "running-day2-op", Optional.empty(), b.area(), b.workers()));
        return Optional.of("t-scale-" + blueprintId);
    }

    @Override
    public void deleteCluster(String blueprintId, boolean force) {
        deleted.add(blueprintId + (force ? " (force)" : ""));
        Blueprint b = blueprints.get(blueprintId);
        if (b != null) {
            blueprints.put(blueprintId, new Blueprint(blueprintId, "destroying", b.error(), b.area(), b.workers()));
        }
    }

    @Override
    public List<Blueprint> clusters() {
        return List.copyOf(blueprints.values());
    }

    @Override
    public Optional<TaskStatus> task(String taskId) {
        return Optional.ofNullable(tasks.get(taskId));
    }

    @Override
    public String kubeconfig(String blueprintId) {
        return "kind: Config";
    }

    void set(String id, String operation, String error, int workers) {
        Blueprint b = blueprints.get(id);
        blueprints.put(id, new Blueprint(id, operation, Optional.ofNullable(error), b.area(), workers));
    }
}
