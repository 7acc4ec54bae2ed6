import type { GraphView, PlanView } from './types';

/** What a service waits for before it is deployed: its event trigger, from the descriptor. */
export interface Trigger {
  condition: string;
  events: { id: string; promQuery: string; description: string }[];
}

export interface ServiceNode {
  id: string;
  cluster: string | null;
  status: string;
  replicas: number;
  trigger: Trigger | null;
  grafana: string | null;
}

export interface Edge {
  id: string;
  source: string;
  target: string;
  /** the edge joins services placed on different clusters */
  cut: boolean;
}

export interface ClusterGroup {
  /** the cluster name, or null for services not placed */
  cluster: string | null;
  services: ServiceNode[];
  counts: Record<string, number>;
}

export interface GraphModel {
  groups: ClusterGroup[];
  edges: Edge[];
  cutEdges: number;
}

interface DescriptorService {
  id?: unknown;
  deployment?: {
    trigger?: {
      type?: unknown;
      event?: { condition?: unknown; events?: { id?: unknown; condition?: { promQuery?: unknown; description?: unknown } }[] };
    };
    intent?: { connectionPoints?: unknown };
  };
}

/** The services of a descriptor (the hdaGraph object, or a document holding one). */
export function descriptorServices(descriptor: unknown): DescriptorService[] {
  const d = descriptor as { hdaGraph?: unknown; services?: unknown } | null;
  const g = (d && typeof d === 'object' && 'hdaGraph' in d ? d.hdaGraph : d) as { services?: unknown } | null;
  return g && Array.isArray(g.services) ? (g.services as DescriptorService[]) : [];
}

function triggerOf(s: DescriptorService | undefined): Trigger | null {
  const event = s?.deployment?.trigger?.event;
  if (!event || !Array.isArray(event.events)) return null;
  return {
    condition: String(event.condition ?? 'ANY'),
    events: event.events.map((e) => ({
      id: String(e.id ?? ''),
      promQuery: String(e.condition?.promQuery ?? ''),
      description: String(e.condition?.description ?? ''),
    })),
  };
}

function connections(s: DescriptorService): string[] {
  const cps = s.deployment?.intent?.connectionPoints;
  return Array.isArray(cps) ? cps.map(String) : [];
}

/**
 * Builds the drawn model: services grouped by the cluster they are placed on (clusters in the order the graph flows, unplaced
 * last), an edge per connection point between two services of the graph, marked cut when it crosses clusters.
 */
export function buildModel(
  services: { name: string; cluster: string | null; status: string; replicas: number; grafana?: string | null }[],
  descriptor: unknown,
): GraphModel {
  const described = new Map(descriptorServices(descriptor).map((s) => [String(s.id), s]));
  const clusterOf = new Map(services.map((s) => [s.name, s.cluster]));
  const byCluster = new Map<string | null, ServiceNode[]>();
  for (const s of services) {
    const node: ServiceNode = {
      id: s.name,
      cluster: s.cluster,
      status: s.status,
      replicas: s.replicas,
      trigger: triggerOf(described.get(s.name)),
      grafana: s.grafana ?? null,
    };
    const list = byCluster.get(s.cluster) ?? [];
    list.push(node);
    byCluster.set(s.cluster, list);
  }
  const edges = edgesOf(services, described, clusterOf);
  const rank = ranks(services.map((s) => s.name), edges);
  const first = (c: string | null) => Math.min(...byCluster.get(c)!.map((s) => rank.get(s.id) ?? 0));
  // Clusters in the order the graph flows (the cluster of the earliest service first), then by name; unplaced last.
  const names = [...byCluster.keys()].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : first(a) - first(b) || a.localeCompare(b),
  );
  const groups = names.map((cluster) => {
    const list = byCluster.get(cluster)!;
    const counts: Record<string, number> = {};
    list.forEach((s) => (counts[s.status] = (counts[s.status] ?? 0) + 1));
    return { cluster, services: list, counts };
  });
  return { groups, edges, cutEdges: edges.filter((e) => e.cut).length };
}

function edgesOf(
  services: { name: string }[],
  described: Map<string, DescriptorService>,
  clusterOf: Map<string, string | null>,
): Edge[] {
  const edges: Edge[] = [];
  const seen = new Set<string>();
  for (const s of services) {
    const d = described.get(s.name);
    if (!d) continue;
    for (const target of connections(d)) {
      const id = `${s.name}->${target}`;
      if (!clusterOf.has(target) || target === s.name || seen.has(id)) continue;
      seen.add(id);
      const a = clusterOf.get(s.name) ?? null;
      const b = clusterOf.get(target) ?? null;
      edges.push({ id, source: s.name, target, cut: a !== null && b !== null && a !== b });
    }
  }
  return edges;
}

/** Longest-path rank of each service from the sources of the edges (a cycle stops the walk where it closes). */
function ranks(names: string[], edges: Edge[]): Map<string, number> {
  const out = new Map<string, number>();
  const next = new Map<string, string[]>();
  const incoming = new Map<string, number>();
  edges.forEach((e) => {
    next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
    incoming.set(e.target, (incoming.get(e.target) ?? 0) + 1);
  });
  const queue = names.filter((n) => !incoming.get(n));
  queue.forEach((n) => out.set(n, 0));
  for (let i = 0; i < queue.length; i++) {
    const n = queue[i];
    for (const t of next.get(n) ?? []) {
      out.set(t, Math.max(out.get(t) ?? 0, out.get(n)! + 1));
      incoming.set(t, incoming.get(t)! - 1);
      if (incoming.get(t) === 0) queue.push(t);
    }
  }
  return out;
}

/** The model of a deployed graph. */
export function graphModel(g: GraphView): GraphModel {
  return buildModel(
    g.services.map((s) => ({
      name: s.name,
      cluster: s.cluster_affinity ?? g.placement[s.name] ?? null,
      status: s.status,
      replicas: s.replicas,
      grafana: s.grafana,
    })),
    g.hdaGraph,
  );
}

/** The model of a plan: its services where the plan would put them, pending ones as Pending. */
export function planModel(p: PlanView, descriptor: unknown): GraphModel {
  return buildModel(
    p.services.map((s) => ({
      name: s.name,
      cluster: s.cluster,
      status: s.pending ? 'Pending' : 'Planned',
      replicas: s.replicas,
    })),
    descriptor,
  );
}

/** Counts of a graph's services by the three states the list shows. */
export function statusCounts(services: { status: string }[]): { deployed: number; pending: number; failed: number } {
  let deployed = 0;
  let pending = 0;
  let failed = 0;
  for (const s of services) {
    if (s.status === 'Deployed') deployed++;
    else if (s.status === 'Pending') pending++;
    else if (s.status === 'Failed') failed++;
  }
  return { deployed, pending, failed };
}
