import type { ClusterView } from './types';

/** One bar: what SMO's services use of a resource of one cluster, and what is free. */
export interface Bar {
  resource: 'CPU' | 'Memory' | 'GPUs';
  total: number;
  used: number;
  free: number;
  /** share used, 0 to 100, rounded */
  percent: number;
  unit: string;
  /** the three figures for people: "1.5 / 4 cores used, 2.5 free" */
  label: string;
}

const GIB = 1024 ** 3;

export function formatCpu(millis: number): string {
  const cores = millis / 1000;
  return Number.isInteger(cores) ? String(cores) : cores.toFixed(cores < 10 ? 2 : 1).replace(/0+$/, '');
}

export function formatMemory(bytes: number): string {
  if (bytes >= GIB) return `${trim(bytes / GIB)} GiB`;
  return `${trim(bytes / 1024 ** 2)} MiB`;
}

function trim(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
}

function bar(resource: Bar['resource'], total: number, used: number, free: number, show: (n: number) => string, unit: string): Bar {
  const percent = total > 0 ? Math.min(100, Math.round((used / total) * 100)) : 0;
  return {
    resource,
    total,
    used,
    free,
    percent,
    unit,
    label: `${show(used)} of ${show(total)}${unit ? ' ' + unit : ''} used, ${show(free)} free`,
  };
}

/** The CPU, memory and GPU bars of a cluster, from the server's total / used / free figures. */
export function capacityBars(c: ClusterView): Bar[] {
  return [
    bar('CPU', c.total.cpuMillis, c.used.cpuMillis, c.free.cpuMillis, formatCpu, 'cores'),
    bar('Memory', c.total.memoryBytes, c.used.memoryBytes, c.free.memoryBytes, formatMemory, ''),
    bar('GPUs', c.total.gpus, c.used.gpus, c.free.gpus, String, ''),
  ];
}
