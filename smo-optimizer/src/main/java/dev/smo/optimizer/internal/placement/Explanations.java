package dev.smo.optimizer.internal.placement;

import dev.smo.optimizer.placement.ClusterCapacity;
import dev.smo.optimizer.placement.Explanation;
import dev.smo.optimizer.placement.Explanation.Reason;
import dev.smo.optimizer.placement.PlacementProblem;
import dev.smo.optimizer.placement.ServiceDemand;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Builds the explanations of infeasible placements: which service, which resource, which clusters came closest. */
final class Explanations {

    private static final String[] RESOURCE = {"cpu", "memory", "gpu"};
    private final PlacementProblem problem;

    Explanations(PlacementProblem problem) {
        this.problem = problem;
    }

    Explanation noReadyCluster() {
        List<String> names =
                problem.clusters().stream().map(ClusterCapacity::name).toList();
        return new Explanation(
                Reason.NO_READY_CLUSTER,
                List.of(),
                "cluster",
                List.of(),
                "No cluster is ready (clusters: " + names + "), so no service can be placed.\n"
                        + "Maybe wait for a cluster to become ready or register one.");
    }

    Explanation serviceFitsNowhere(ServiceDemand s) {
        String what = "Service (" + s.name() + ")";
        String per = " per replica × " + s.replicas();
        return fitsNowhere(Reason.SERVICE_FITS_NOWHERE, List.of(s), what, new String[] {
            Resources.cpu(s.cpuMillis()) + per, Resources.memory(s.memoryBytes()) + per, Resources.gpus(s.gpus()) + per
        });
    }

    Explanation groupFitsNowhere(List<ServiceDemand> group) {
        long[] d = total(group);
        String names = group.stream().map(ServiceDemand::name).collect(Collectors.joining(", "));
        return fitsNowhere(Reason.GROUP_FITS_NOWHERE, group, "CoLocation group (" + names + ")", new String[] {
            Resources.cpu(d[0]) + " together", Resources.memory(d[1]) + " together", Resources.gpus(d[2]) + " together"
        });
    }

    private Explanation fitsNowhere(Reason reason, List<ServiceDemand> group, String what, String[] needs) {
        List<String> names = group.stream().map(ServiceDemand::name).toList();
        List<ClusterCapacity> usable = problem.clusters().stream()
                .filter(c -> c.ready() && group.stream().allMatch(s -> s.allows(c.name())))
                .toList();
        if (usable.isEmpty()) {
            String allowed = group.stream()
                    .filter(s -> !s.allowedClusters().isEmpty())
                    .map(s -> s.name() + " → " + s.allowedClusters())
                    .collect(Collectors.joining("; "));
            return new Explanation(
                    reason,
                    names,
                    "cluster",
                    List.of(),
                    what + " may run on no ready cluster (" + allowed + "; ready: " + readyNames()
                            + ").\nMaybe widen the allowed clusters.");
        }
        long[] d = total(group);
        for (int r : new int[] {2, 0, 1}) {
            final int resource = r;
            if (usable.stream().allMatch(c -> Resources.of(c, resource) < d[resource])) {
                List<String> closest = usable.stream()
                        .sorted(Comparator.comparingLong((ClusterCapacity c) -> -Resources.of(c, resource)))
                        .limit(3)
                        .map(c -> c.name() + " (" + Resources.format(resource, Resources.of(c, resource)) + ")")
                        .toList();
                String message = what + " needs " + needs[r] + "; no ready cluster"
                        + (group.size() > 1 || !group.get(0).allowedClusters().isEmpty() ? " allowed for it" : "")
                        + " has "
                        + Resources.format(resource, d[resource]) + ". Closest: " + String.join(", ", closest) + ".";
                return new Explanation(reason, names, RESOURCE[r], closest, message);
            }
        }
        List<String> closest = usable.stream()
                .sorted(Comparator.comparingDouble((ClusterCapacity c) -> shortfall(c, d)))
                .limit(3)
                .map(c -> c.name() + " (" + Resources.cpu(c.cpuMillis()) + ", " + Resources.memory(c.memoryBytes())
                        + ", " + Resources.gpus(c.gpus()) + ")")
                .toList();
        String message = what + " needs " + needs[0] + ", " + needs[1] + " and " + needs[2]
                + "; no ready cluster has all of them at once. Closest: " + String.join(", ", closest) + ".";
        return new Explanation(reason, names, "cpu+memory+gpu", closest, message);
    }

    Explanation totalShort() {
        long[] demand = total(problem.services());
        long[] capacity = new long[3];
        for (ClusterCapacity c : problem.clusters()) {
            for (int r = 0; r < 3 && c.ready(); r++) {
                capacity[r] += Resources.of(c, r);
            }
        }
        for (int r = 0; r < 3; r++) {
            if (demand[r] > capacity[r]) {
                final int resource = r;
                List<String> largest = problem.clusters().stream()
                        .filter(ClusterCapacity::ready)
                        .sorted(Comparator.comparingLong((ClusterCapacity c) -> -Resources.of(c, resource)))
                        .limit(3)
                        .map(c -> c.name() + " (" + Resources.format(resource, Resources.of(c, resource)) + ")")
                        .toList();
                return new Explanation(
                        Reason.TOTAL_CAPACITY_SHORT,
                        List.of(),
                        RESOURCE[r],
                        largest,
                        "The services need " + Resources.format(r, demand[r]) + " in total but the ready clusters"
                                + " have " + Resources.format(r, capacity[r]) + ": "
                                + Resources.format(r, demand[r] - capacity[r]) + " short. Largest: "
                                + String.join(", ", largest) + ".\nMaybe add capacity or reduce replicas.");
            }
        }
        return null;
    }

    Explanation packingImpossible() {
        long[] demand = total(problem.services());
        long[] capacity = new long[3];
        for (ClusterCapacity c : problem.clusters()) {
            for (int r = 0; r < 3 && c.ready(); r++) {
                capacity[r] += Resources.of(c, r);
            }
        }
        int tightest = 0;
        for (int r = 1; r < 3; r++) {
            if (share(demand[r], capacity[r]) > share(demand[tightest], capacity[tightest])) {
                tightest = r;
            }
        }
        final int resource = tightest;
        List<ServiceDemand> largest = new ArrayList<>(problem.services());
        largest.sort(Comparator.comparingLong((ServiceDemand s) -> -Resources.of(s, resource)));
        List<String> names = largest.stream().limit(3).map(ServiceDemand::name).toList();
        return new Explanation(
                Reason.PACKING_IMPOSSIBLE,
                names,
                RESOURCE[resource],
                List.of(),
                "No assignment fits every service although the totals fit: " + RESOURCE[resource] + " is tightest at "
                        + Resources.format(resource, demand[resource]) + " of "
                        + Resources.format(resource, capacity[resource]) + " ready, and the largest services " + names
                        + " leave fragments no other service fills.\nMaybe add capacity to one cluster, relax"
                        + " coLocation or allowed clusters, or split a service into more, smaller replicas.");
    }

    Explanation limitReached(String status) {
        return new Explanation(
                Reason.LIMIT_REACHED,
                List.of(),
                "limit",
                List.of(),
                "The search stopped (" + status + ") before finding any placement; it is not proven that none"
                        + " exists.\nMaybe raise the node or time limit.");
    }

    private static double share(long demand, long capacity) {
        return capacity == 0 ? (demand == 0 ? 0 : Double.POSITIVE_INFINITY) : (double) demand / capacity;
    }

    private static double shortfall(ClusterCapacity c, long[] d) {
        double sum = 0;
        for (int r = 0; r < 3; r++) {
            long missing = d[r] - Resources.of(c, r);
            sum += missing <= 0 ? 0 : (double) missing / Math.max(1, d[r]);
        }
        return sum;
    }

    private String readyNames() {
        return problem.clusters().stream()
                .filter(ClusterCapacity::ready)
                .map(ClusterCapacity::name)
                .toList()
                .toString();
    }

    private static long[] total(List<ServiceDemand> services) {
        long[] d = new long[3];
        for (ServiceDemand s : services) {
            d[0] += s.totalCpuMillis();
            d[1] += s.totalMemoryBytes();
            d[2] += s.totalGpus();
        }
        return d;
    }
}
