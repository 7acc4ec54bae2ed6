import { describe, expect, it } from 'vitest';
import { layout, NODE_W } from '../src/lib/layout';

describe('layout', () => {
  it('places 500 services in 5 cluster groups without overlap inside a group, within 3 s (off the main thread, in a worker)', () => {
    const groups = Array.from({ length: 5 }, (_, g) => ({
      id: `cluster:c${g}`,
      nodes: Array.from({ length: 100 }, (_, i) => `s${g * 100 + i}`),
      collapsed: false,
    }));
    const edges = Array.from({ length: 499 }, (_, i) => ({ source: `s${i}`, target: `s${i + 1}` }));
    const t = performance.now();
    const out = layout({ groups, edges });
    const ms = performance.now() - t;
    expect(Object.keys(out.nodes)).toHaveLength(500);
    expect(Object.keys(out.groups)).toHaveLength(5);
    expect(ms).toBeLessThan(3000);
    for (const g of groups) {
      const spots = new Set(g.nodes.map((n) => `${Math.round(out.nodes[n].x)},${Math.round(out.nodes[n].y)}`));
      expect(spots.size).toBe(100);
      for (const n of g.nodes) expect(out.nodes[n].x + NODE_W).toBeLessThanOrEqual(out.groups[g.id].width);
    }
  });
  it('draws a collapsed group as one box without its services', () => {
    const out = layout({ groups: [{ id: 'cluster:a', nodes: ['x', 'y'], collapsed: true }], edges: [] });
    expect(out.nodes).toEqual({});
    expect(out.groups['cluster:a'].width).toBeGreaterThan(0);
  });
});
