import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { capacityBars } from '../src/lib/capacity';
import type { ClusterView } from '../src/lib/types';
import { ClusterCard } from '../src/views/ClustersView';

const GIB = 1024 ** 3;
const cluster: ClusterView = {
  name: 'brussels-core',
  availability: true,
  cpuMillis: 16000,
  memoryBytes: 64 * GIB,
  gpus: 1,
  labels: { zone: 'core' },
  total: { cpuMillis: 16000, memoryBytes: 64 * GIB, gpus: 1 },
  used: { cpuMillis: 2500, memoryBytes: 2.5 * GIB, gpus: 1 },
  free: { cpuMillis: 13500, memoryBytes: 61.5 * GIB, gpus: 0 },
};

describe('capacity bars', () => {
  it('give total, used, free and the share used of each resource', () => {
    expect(capacityBars(cluster).map((b) => [b.resource, b.total, b.used, b.free, b.percent, b.label])).toEqual([
      ['CPU', 16000, 2500, 13500, 16, '2.5 of 16 cores used, 13.5 free'],
      ['Memory', 64 * GIB, 2.5 * GIB, 61.5 * GIB, 4, '2.5 GiB of 64 GiB used, 61.5 GiB free'],
      ['GPUs', 1, 1, 0, 100, '1 of 1 used, 0 free'],
    ]);
  });
  it('show an empty bar for a resource the cluster does not have', () => {
    const none = { ...cluster, total: { ...cluster.total, gpus: 0 }, used: { ...cluster.used, gpus: 0 } };
    expect(capacityBars(none)[2].percent).toBe(0);
  });
  it('are meters a screen reader can read', () => {
    render(<ClusterCard c={cluster} />);
    const cpu = screen.getByRole('meter', { name: 'CPU used on brussels-core' });
    expect(cpu.getAttribute('aria-valuenow')).toBe('2500');
    expect(cpu.getAttribute('aria-valuemax')).toBe('16000');
    expect(cpu.getAttribute('aria-valuetext')).toBe('2.5 of 16 cores used, 13.5 free');
    expect(screen.getByRole('meter', { name: 'GPUs used on brussels-core' }).getAttribute('aria-valuetext')).toBe(
      '1 of 1 used, 0 free',
    );
    expect(screen.getByText('Ready')).toBeTruthy();
  });
});
