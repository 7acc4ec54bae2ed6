import dagre from '@dagrejs/dagre';

export const NODE_W = 200;
export const NODE_H = 78;
const PAD = 16;
const HEADER = 36;
const ROW_WIDTH = 1800;
const GAP = 48;

export interface LayoutInput {
  groups: { id: string; nodes: string[]; collapsed: boolean }[];
  edges: { source: string; target: string }[];
}

export interface LayoutOutput {
  groups: Record<string, { x: number; y: number; width: number; height: number }>;
  /** node positions relative to their group */
  nodes: Record<string, { x: number; y: number }>;
}

/**
 * Lays out each cluster group on its own (dagre, left to right, over the edges inside it), then places the groups
 * in rows. Cost is linear in the groups; dagre runs per group, so 500 services in a few groups take well under a
 * second, and it runs in a worker anyway.
 */
export function layout(input: LayoutInput): LayoutOutput {
  const out: LayoutOutput = { groups: {}, nodes: {} };
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  for (const group of input.groups) {
    let width = NODE_W + 2 * PAD;
    let height = HEADER + PAD + 28;
    if (!group.collapsed && group.nodes.length > 0) {
      const inGroup = new Set(group.nodes);
      const g = new dagre.graphlib.Graph();
      g.setGraph({ rankdir: 'LR', nodesep: 18, ranksep: 56, marginx: 0, marginy: 0 });
      g.setDefaultEdgeLabel(() => ({}));
      group.nodes.forEach((n) => g.setNode(n, { width: NODE_W, height: NODE_H }));
      const isolated = group.nodes.filter((n) => !input.edges.some((e) => e.source === n || e.target === n));
      input.edges.forEach((e) => {
        if (inGroup.has(e.source) && inGroup.has(e.target)) g.setEdge(e.source, e.target);
      });
      // Services without edges inside the group would make one tall column: lay them out as a grid instead.
      const isolatedSet = new Set(isolated.length > 12 ? isolated : []);
      isolatedSet.forEach((n) => g.removeNode(n));
      dagre.layout(g);
      let maxX = 0;
      let maxY = 0;
      g.nodes().forEach((n) => {
        const p = g.node(n);
        const nx = p.x - NODE_W / 2 + PAD;
        const ny = p.y - NODE_H / 2 + HEADER;
        out.nodes[n] = { x: nx, y: ny };
        maxX = Math.max(maxX, nx + NODE_W);
        maxY = Math.max(maxY, ny + NODE_H);
      });
      if (isolatedSet.size > 0) {
        const columns = Math.max(1, Math.ceil(Math.sqrt(isolatedSet.size * 1.6)));
        let i = 0;
        const top = maxY > 0 ? maxY + 18 : HEADER;
        isolatedSet.forEach((n) => {
          const nx = PAD + (i % columns) * (NODE_W + 14);
          const ny = top + Math.floor(i / columns) * (NODE_H + 14);
          out.nodes[n] = { x: nx, y: ny };
          maxX = Math.max(maxX, nx + NODE_W);
          maxY = Math.max(maxY, ny + NODE_H);
          i++;
        });
      }
      width = Math.max(width, maxX + PAD);
      height = Math.max(height, maxY + PAD);
    }
    if (x > 0 && x + width > ROW_WIDTH) {
      x = 0;
      y += rowHeight + GAP;
      rowHeight = 0;
    }
    out.groups[group.id] = { x, y, width, height };
    x += width + GAP;
    rowHeight = Math.max(rowHeight, height);
  }
  return out;
}
