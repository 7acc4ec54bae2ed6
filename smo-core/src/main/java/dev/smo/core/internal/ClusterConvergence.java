package dev.smo.core.internal;

import dev.smo.core.ClusterSync;
import dev.smo.core.NfvclCluster;
import dev.smo.core.NfvclCluster.Status;
import dev.smo.core.NfvclClusterChangedException;
import dev.smo.core.NfvclClusterNotFoundException;
import dev.smo.core.NfvclException;
import dev.smo.core.Vim;
import dev.smo.core.spi.InfrastructureStore;
import dev.smo.core.spi.Nfvcl;
import dev.smo.core.spi.Nfvcl.Blueprint;
import dev.smo.core.spi.Nfvcl.BlueprintRef;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Moves stored clusters towards what the NFVCL reports. The blueprint list is the truth; a task is only read to
 * learn an error early, and a task the NFVCL forgot (it restarted) is dropped. A cluster another writer changed
 * meanwhile is left to that writer.
 */
final class ClusterConvergence {

    private static final System.Logger LOG = System.getLogger(ClusterConvergence.class.getName());

    private final Nfvcl nfvcl;
    private final InfrastructureStore store;
    private final IntFunction<String> newSmoId;

    ClusterConvergence(Nfvcl nfvcl, InfrastructureStore store, IntFunction<String> newSmoId) {
        this.nfvcl = nfvcl;
        this.store = store;
        this.newSmoId = newSmoId;
    }

    /**
     * Posts a {@code REQUESTED} cluster's blueprint. A refusal stores it {@code FAILED}; no answer at all leaves it
     * {@code REQUESTED}, since the NFVCL may have built it: the next reconcile adopts or resubmits it.
     */
    NfvclCluster submit(NfvclCluster requested) {
        BlueprintRef ref;
        try {
            ref = nfvcl.createCluster(new Nfvcl.ClusterSpec(
                    requested.popArea(),
                    requested.managementNetwork(),
                    requested.serviceNetwork(),
                    requested.workers(),
                    requested.masterFlavor(),
                    requested.workerFlavor()));
        } catch (NfvclException e) {
            if (!DefaultInfrastructure.unanswered(e)) {
                store.updateCluster(requested.withStatus(Status.FAILED, Optional.of(e.getMessage())));
            }
            throw e;
        }
        LOG.log(Level.INFO, "Cluster (" + requested.smoId() + ") is blueprint " + ref.id() + ", deploying.");
        return store.updateCluster(requested
                .withBlueprint(Optional.of(ref.id()), ref.taskId())
                .withStatus(Status.DEPLOYING, Optional.empty()));
    }

    /** Each {@code REQUESTED} cluster without a blueprint adopts an untracked one of its pop area, or resubmits. */
    void resumeRequested(List<Blueprint> blueprints) {
        List<NfvclCluster> stored = store.clusters(OptionalInt.empty());
        Set<String> tracked = tracked(stored);
        for (NfvclCluster c : stored) {
            if (c.status() != Status.REQUESTED || c.nfvclId().isPresent()) {
                continue;
            }
            Optional<Blueprint> orphan = blueprints.stream()
                    .filter(b -> !tracked.contains(b.id()) && b.area().equals(Optional.of(c.popArea())))
                    .findFirst();
            try {
                if (orphan.isPresent()) {
                    tracked.add(orphan.get().id());
                    store.updateCluster(c.withBlueprint(Optional.of(orphan.get().id()), Optional.empty())
                            .withStatus(Status.DEPLOYING, Optional.empty()));
                    LOG.log(
                            Level.INFO,
                            "Cluster (" + c.smoId() + ") adopted blueprint "
                                    + orphan.get().id() + ".");
                } else {
                    LOG.log(Level.INFO, "Cluster (" + c.smoId() + ") never reached the NFVCL; requested again.");
                    submit(c);
                }
            } catch (NfvclClusterChangedException | NfvclClusterNotFoundException e) {
                LOG.log(Level.DEBUG, "Cluster (" + c.smoId() + ") changed meanwhile: " + e.getMessage());
            } catch (NfvclException e) {
                LOG.log(Level.WARNING, "Cluster (" + c.smoId() + ") could not be requested again: " + e.getMessage());
            }
        }
    }

    ClusterSync sync(List<Blueprint> blueprints, OptionalInt popArea) {
        Map<String, Blueprint> byId = new LinkedHashMap<>();
        blueprints.forEach(b -> byId.put(b.id(), b));
        List<NfvclCluster> stored = store.clusters(OptionalInt.empty());
        List<NfvclCluster> added = new ArrayList<>();
        List<NfvclCluster> updated = new ArrayList<>();
        List<NfvclCluster> removed = new ArrayList<>();
        for (NfvclCluster c : stored) {
            if (!within(c.popArea(), popArea) || c.nfvclId().isEmpty()) {
                continue;
            }
            try {
                Blueprint b = byId.get(c.nfvclId().get());
                if (b == null && c.status() == Status.DELETING) {
                    store.deleteCluster(c.smoId(), c.version());
                    removed.add(c);
                    LOG.log(Level.INFO, "Cluster (" + c.smoId() + ") deleted by the NFVCL; removed.");
                    continue;
                }
                NfvclCluster next = b == null ? gone(c) : converge(c, b);
                if (!sameState(c, next)) {
                    NfvclCluster saved = store.updateCluster(next);
                    updated.add(saved);
                    LOG.log(
                            Level.INFO,
                            "Cluster (" + c.smoId() + "): " + c.status() + " → " + saved.status()
                                    + saved.lastError().map(e -> " (" + e + ")").orElse("") + ", " + saved.workers()
                                    + " worker(s).");
                }
            } catch (NfvclClusterChangedException | NfvclClusterNotFoundException e) {
                LOG.log(Level.DEBUG, "Cluster (" + c.smoId() + ") changed meanwhile: " + e.getMessage());
            }
        }
        Set<String> tracked = tracked(stored);
        for (Blueprint b : blueprints) {
            if (tracked.contains(b.id())
                    || b.area().isEmpty()
                    || !within(b.area().get(), popArea)) {
                continue;
            }
            added.add(store.insertCluster(imported(b)));
            LOG.log(
                    Level.INFO,
                    "Blueprint " + b.id() + " of pop area " + b.area().get() + " imported.");
        }
        return new ClusterSync(added, updated, removed);
    }

    private NfvclCluster converge(NfvclCluster c, Blueprint b) {
        NfvclCluster next = c.withWorkers(b.workers());
        if (b.error().isPresent()) {
            return next.withStatus(c.status() == Status.DELETING ? Status.DELETING : Status.FAILED, b.error())
                    .withBlueprint(c.nfvclId(), Optional.empty());
        }
        if (c.status() == Status.DELETING) {
            return next;
        }
        if (b.ready()) {
            Status ready = c.status() == Status.JOINED ? Status.JOINED : Status.READY;
            return next.withStatus(ready, Optional.empty()).withBlueprint(c.nfvclId(), Optional.empty());
        }
        if (b.operation().equals("destroying")) {
            return next.withStatus(Status.DELETING, c.lastError());
        }
        return taskChecked(next.withStatus(Status.DEPLOYING, Optional.empty()));
    }

    /** A busy cluster's task: its error fails the cluster early; a task the NFVCL forgot is dropped. */
    private NfvclCluster taskChecked(NfvclCluster c) {
        if (c.taskId().isEmpty()) {
            return c;
        }
        Optional<Nfvcl.TaskStatus> task = nfvcl.task(c.taskId().get());
        if (task.isEmpty()) {
            return c.withBlueprint(c.nfvclId(), Optional.empty());
        }
        if (task.get().error().isPresent()) {
            return c.withStatus(Status.FAILED, task.get().error()).withBlueprint(c.nfvclId(), Optional.empty());
        }
        return c;
    }

    private static NfvclCluster gone(NfvclCluster c) {
        return c.withStatus(
                        Status.FAILED,
                        Optional.of("Blueprint " + c.nfvclId().orElseThrow()
                                + " is gone from the NFVCL.\nMaybe delete the cluster and create it again."))
                .withBlueprint(c.nfvclId(), Optional.empty());
    }

    private NfvclCluster imported(Blueprint b) {
        int area = b.area().orElseThrow();
        Optional<Vim> vim = store.vims(OptionalInt.of(area)).stream().findFirst();
        NfvclCluster c = new NfvclCluster(
                newSmoId.apply(area),
                Optional.of(b.id()),
                area,
                vim.map(Vim::name).orElse(""),
                vim.flatMap(Vim::managementNetwork).orElse(""),
                vim.flatMap(Vim::serviceNetwork).orElse(""),
                Optional.empty(),
                Optional.empty(),
                b.workers(),
                Status.DEPLOYING,
                Optional.empty(),
                Optional.empty(),
                null,
                null,
                0);
        return b.ready()
                ? c.withStatus(Status.READY, Optional.empty())
                : c.withStatus(b.error().isPresent() ? Status.FAILED : Status.DEPLOYING, b.error());
    }

    private static boolean sameState(NfvclCluster a, NfvclCluster b) {
        return a.status() == b.status()
                && a.workers() == b.workers()
                && a.lastError().equals(b.lastError())
                && a.taskId().equals(b.taskId())
                && Objects.equals(a.nfvclId(), b.nfvclId());
    }

    private static Set<String> tracked(List<NfvclCluster> stored) {
        Set<String> ids = new HashSet<>();
        stored.forEach(c -> c.nfvclId().ifPresent(ids::add));
        return ids;
    }

    private static boolean within(int area, OptionalInt popArea) {
        return popArea.isEmpty() || popArea.getAsInt() == area;
    }
}
