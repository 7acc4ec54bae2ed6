/** The JSON shapes of the SMO API (see /openapi.json). */

export interface AlertRule {
  alert: string;
  expr: string;
  forDuration: string | null;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

export interface ServiceView {
  name: string;
  status: string;
  grafana: string | null;
  cluster_affinity: string | null;
  cpu: number;
  memory: string;
  storage: string | null;
  gpu: number;
  cpuMillis: number;
  memoryBytes: number;
  storageBytes: number;
  replicas: number;
  values_overwrite: Record<string, unknown>;
  artifact_ref: string;
  artifact_type: string | null;
  artifact_implementer: string | null;
  alertRules: AlertRule[];
  lastError: string | null;
}

export interface GraphView {
  name: string;
  status: string;
  project: string;
  grafana: string | null;
  hdaGraph: unknown;
  placement: Record<string, string>;
  services: ServiceView[];
  version: number;
  createdAt: string;
  updatedAt: string;
  dryRun: boolean;
}

export interface EventView {
  id: number;
  graph: string;
  service: string | null;
  at: string;
  type: string;
  message: string;
}

export interface CapacityView {
  cpuMillis: number;
  memoryBytes: number;
  gpus: number;
}

export interface ClusterView {
  name: string;
  availability: boolean;
  cpuMillis: number;
  memoryBytes: number;
  gpus: number;
  labels: Record<string, string>;
  total: CapacityView;
  used: CapacityView;
  free: CapacityView;
}

export interface PlannedServiceView {
  name: string;
  cluster: string | null;
  replicas: number;
  cpu: string;
  memory: string;
  storage: string | null;
  gpus: number;
  cpuMillis: number;
  memoryBytes: number;
  pending: boolean;
  values: Record<string, unknown>;
  alertRules: AlertRule[];
}

export interface PlanView {
  graph: string;
  project: string;
  feasible: boolean;
  status: string;
  summary: string | null;
  objective: { moves: number; cutEdges: number; tieBreaker: number; total: number } | null;
  bound: number | null;
  nodes: number;
  millis: number;
  explanation: {
    reason: string;
    resource: string | null;
    services: string[];
    closestClusters: string[];
    message: string | null;
  } | null;
  services: PlannedServiceView[];
}

export interface Violation {
  path: string;
  line: number;
  column: number;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string | null;
  errors: Violation[];
}
