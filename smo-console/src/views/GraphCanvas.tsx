import {
  Background,
  Controls,
  Handle,
  MarkerType,
  MiniMap,
  Position,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Edge as FlowEdge,
  type Node as FlowNode,
  type NodeProps,
} from '@xyflow/react';
import { memo, useEffect, useMemo } from 'react';
import type { GraphModel, ServiceNode } from '../lib/graphModel';
import { NODE_W, NODE_H } from '../lib/layout';
import { useLayout } from '../lib/useLayout';
import { statusClass } from './common';

type ServiceData = { service: ServiceNode; dim: boolean; hit: boolean };
type GroupData = { name: string; count: number; counts: Record<string, number>; collapsed: boolean; onToggle: () => void };

const ServiceBox = memo(function ServiceBox({ data, selected }: NodeProps<FlowNode<ServiceData>>) {
  const s = data.service;
  return (
    <div
      className={`svc ${statusClass(s.status)}${data.dim ? ' dim' : ''}${data.hit ? ' hit' : ''}${selected ? ' selected' : ''}`}
      aria-label={`Service ${s.id}, ${s.status}, ${s.replicas} replica${s.replicas === 1 ? '' : 's'}${s.cluster ? ', on ' + s.cluster : ''}${s.trigger ? ', waits for alert ' + s.trigger.events.map((e) => e.id).join(' ' + s.trigger.condition + ' ') : ''}`}
      style={{ width: NODE_W, height: NODE_H }}
    >
      <Handle type="target" position={Position.Left} />
      <div className="svc-name">{s.id}</div>
      <div className="svc-meta">
        <span className="dot" aria-hidden="true" />
        <span>{s.status}</span>
        <span className="replicas" title="replicas">
          ×{s.replicas}
        </span>
      </div>
      {s.trigger && (
        <div className="svc-alert" title={s.trigger.events.map((e) => `${e.id}: ${e.promQuery}`).join('\n')}>
          ⚡ {s.trigger.events.map((e) => e.id).join(` ${s.trigger.condition} `)}
        </div>
      )}
      <Handle type="source" position={Position.Right} />
    </div>
  );
});

const ClusterBox = memo(function ClusterBox({ data }: NodeProps<FlowNode<GroupData>>) {
  return (
    <div className={`cluster-box${data.collapsed ? ' collapsed' : ''}`}>
      <button
        type="button"
        className="cluster-head nodrag"
        aria-expanded={!data.collapsed}
        aria-label={`Cluster ${data.name}, ${data.count} services; ${data.collapsed ? 'expand' : 'collapse'}`}
        onClick={data.onToggle}
      >
        <span aria-hidden="true">{data.collapsed ? '▸' : '▾'}</span> {data.name}{' '}
        <span className="muted">({data.count})</span>
      </button>
      {data.collapsed && (
        <div className="cluster-counts">
          {Object.entries(data.counts).map(([k, v]) => (
            <span key={k} className={`chip ${statusClass(k)}`}>
              {v} {k}
            </span>
          ))}
        </div>
      )}
      {data.collapsed && <Handle type="target" position={Position.Left} />}
      {data.collapsed && <Handle type="source" position={Position.Right} />}
    </div>
  );
});

const nodeTypes = { service: ServiceBox, cluster: ClusterBox };

export const UNPLACED = '(not placed)';

/** Fits the drawing to the canvas again when its frame changes (a side panel opens, a group collapses, the window resizes). */
function Refit({ when }: { when: string }) {
  const flow = useReactFlow();
  useEffect(() => {
    let t = window.setTimeout(() => flow.fitView({ padding: 0.12, maxZoom: 1.1, duration: 200 }), 60);
    const onResize = () => {
      window.clearTimeout(t);
      t = window.setTimeout(() => flow.fitView({ padding: 0.12, maxZoom: 1.1 }), 120);
    };
    window.addEventListener('resize', onResize);
    return () => {
      window.clearTimeout(t);
      window.removeEventListener('resize', onResize);
    };
  }, [when, flow]);
  return null;
}

/** The HDAG drawn on its clusters: one box per cluster holding its services, cut edges in red across them. */
export function GraphCanvas(props: {
  model: GraphModel;
  collapsed: Set<string>;
  onToggle: (cluster: string) => void;
  search: string;
  selected: string | null;
  onSelect: (service: string | null) => void;
  label: string;
  /** changes when the canvas's frame changes size */
  frame?: string;
}) {
  const { model, collapsed, search } = props;
  const groupId = (c: string | null) => `cluster:${c ?? UNPLACED}`;
  const shapeKey =
    model.groups.map((g) => `${g.cluster}:${collapsed.has(g.cluster ?? UNPLACED) ? 'c' : g.services.map((s) => s.id).join(',')}`).join('|') +
    '#' +
    model.edges.map((e) => e.id).join(',');
  const layoutInput = useMemo(
    () => ({
      groups: model.groups.map((g) => ({
        id: groupId(g.cluster),
        nodes: g.services.map((s) => s.id),
        collapsed: collapsed.has(g.cluster ?? UNPLACED),
      })),
      edges: model.edges.map((e) => ({ source: e.source, target: e.target })),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [shapeKey],
  );
  const positions = useLayout(layoutInput, shapeKey);
  const query = search.trim().toLowerCase();
  const { nodes, edges } = useMemo(() => {
    if (!positions) return { nodes: [], edges: [] };
    const nodes: FlowNode[] = [];
    const owner = new Map<string, string>();
    for (const g of model.groups) {
      const name = g.cluster ?? UNPLACED;
      const id = groupId(g.cluster);
      const box = positions.groups[id];
      if (!box) continue;
      const isCollapsed = collapsed.has(name);
      nodes.push({
        id,
        type: 'cluster',
        position: { x: box.x, y: box.y },
        style: { width: box.width, height: box.height },
        data: { name, count: g.services.length, counts: g.counts, collapsed: isCollapsed, onToggle: () => props.onToggle(name) },
        selectable: false,
        draggable: false,
        focusable: false,
      });
      for (const s of g.services) {
        owner.set(s.id, isCollapsed ? id : s.id);
        if (isCollapsed) continue;
        const p = positions.nodes[s.id];
        if (!p) continue;
        const hit = query !== '' && s.id.toLowerCase().includes(query);
        nodes.push({
          id: s.id,
          type: 'service',
          parentId: id,
          extent: 'parent',
          position: p,
          data: { service: s, dim: query !== '' && !hit, hit },
          selected: props.selected === s.id,
          draggable: false,
          ariaLabel: `Service ${s.id}`,
        });
      }
    }
    const seen = new Set<string>();
    const edges: FlowEdge[] = [];
    for (const e of model.edges) {
      const source = owner.get(e.source);
      const target = owner.get(e.target);
      if (!source || !target || source === target) continue;
      const id = `${source}->${target}`;
      if (seen.has(id)) continue;
      seen.add(id);
      edges.push({
        id,
        source,
        target,
        type: 'smoothstep',
        className: e.cut ? 'cut' : 'local',
        label: e.cut ? 'cut' : undefined,
        ariaLabel: `${e.source} connects to ${e.target}${e.cut ? ', across clusters' : ''}`,
        markerEnd: { type: MarkerType.ArrowClosed, color: e.cut ? '#dc2626' : '#64748b' },
        animated: e.cut,
        interactionWidth: 0,
        zIndex: 1,
      });
    }
    return { nodes, edges };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [positions, model, collapsed, query, props.selected]);
  const big = model.groups.reduce((n, g) => n + g.services.length, 0) > 120;
  return (
    <div className="canvas" role="region" aria-label={props.label}>
      <ReactFlowProvider>
        <ReactFlow
          key={positions ? 'ready' : 'wait'}
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          fitView
          fitViewOptions={{ padding: 0.12, maxZoom: 1.1 }}
          minZoom={0.05}
          onlyRenderVisibleElements={big}
          nodesConnectable={false}
          nodesDraggable={false}
          edgesFocusable={false}
          proOptions={{ hideAttribution: true }}
          onNodeClick={(_, n) => n.type === 'service' && props.onSelect(n.id)}
          onSelectionChange={({ nodes }) => {
            const n = nodes.find((x) => x.type === 'service');
            if (n && n.id !== props.selected) props.onSelect(n.id);
          }}
          onPaneClick={() => props.onSelect(null)}
        >
          <Refit when={`${props.frame ?? ''}|${shapeKey}|${positions ? 1 : 0}`} />
          <Background gap={24} />
          <Controls showInteractive={false} aria-label="Zoom controls" />
          {big && <MiniMap pannable zoomable ariaLabel="Overview of the graph" />}
        </ReactFlow>
      </ReactFlowProvider>
      {!positions && <p className="muted center">Laying out…</p>}
    </div>
  );
}
