import { describe, expect, it } from 'vitest';
import { buildModel, graphModel, statusCounts } from '../src/lib/graphModel';
import type { GraphView } from '../src/lib/types';

const descriptor = {
  hdaGraph: {
    id: 'g',
    services: [
      { id: 'ingest', deployment: { intent: { connectionPoints: ['filter'] } } },
      { id: 'filter', deployment: { intent: { connectionPoints: ['detect', 'archive', 'ghost', 'filter'] } } },
      { id: 'detect', deployment: { intent: { connectionPoints: ['notify'] } } },
      { id: 'archive', deployment: { intent: { connectionPoints: [] } } },
      {
        id: 'notify',
        deployment: {
          trigger: {
            type: 'event',
            event: {
              condition: 'AND',
              events: [{ id: 'intrusion', condition: { promQuery: 'x > 0', description: 'someone' } }],
            },
          },
        },
      },
      { id: 'lost', deployment: {} },
    ],
  },
};

const services = [
  { name: 'notify', cluster: 'athens', status: 'Pending', replicas: 1 },
  { name: 'detect', cluster: 'core', status: 'Deployed', replicas: 3 },
  { name: 'archive', cluster: 'core', status: 'Failed', replicas: 1 },
  { name: 'ingest', cluster: 'edge', status: 'Deployed', replicas: 2 },
  { name: 'filter', cluster: 'edge', status: 'Deployed', replicas: 1 },
  { name: 'lost', cluster: null, status: 'Failed', replicas: 1 },
];

describe('services grouped by cluster', () => {
  const model = buildModel(services, descriptor);
  it('has one group per cluster, in the order the graph flows, unplaced last', () => {
    expect(model.groups.map((g) => [g.cluster, g.services.map((s) => s.id)])).toEqual([
      ['edge', ['ingest', 'filter']],
      ['core', ['detect', 'archive']],
      ['athens', ['notify']],
      [null, ['lost']],
    ]);
  });
  it('counts the statuses of each group', () => {
    expect(model.groups[1].counts).toEqual({ Deployed: 1, Failed: 1 });
  });
  it('draws an edge per connection point to another service of the graph, cut when it crosses clusters', () => {
    expect(model.edges.map((e) => `${e.id}${e.cut ? ' cut' : ''}`)).toEqual([
      'detect->notify cut',
      'ingest->filter',
      'filter->detect cut',
      'filter->archive cut',
    ]);
    expect(model.cutEdges).toBe(3);
  });
  it('marks the event-triggered service with its alert condition', () => {
    const notify = model.groups[2].services[0];
    expect(notify.trigger).toEqual({
      condition: 'AND',
      events: [{ id: 'intrusion', promQuery: 'x > 0', description: 'someone' }],
    });
    expect(model.groups[0].services[0].trigger).toBeNull();
  });
});

describe('a graph view', () => {
  it("takes each service's cluster, or the placement when the service has none", () => {
    const g = {
      name: 'g',
      hdaGraph: descriptor.hdaGraph,
      placement: { ingest: 'edge' },
      services: [
        { name: 'ingest', cluster_affinity: null, status: 'Deployed', replicas: 1, grafana: null },
        { name: 'filter', cluster_affinity: 'core', status: 'Deployed', replicas: 1, grafana: null },
      ],
    } as unknown as GraphView;
    const model = graphModel(g);
    expect(model.groups.map((x) => x.cluster)).toEqual(['edge', 'core']);
    expect(model.cutEdges).toBe(1);
  });
  it('counts deployed, pending and failed services', () => {
    expect(statusCounts(services)).toEqual({ deployed: 3, pending: 1, failed: 2 });
  });
});

describe('a large graph', () => {
  it('groups 500 services on 5 clusters quickly', () => {
    const many = Array.from({ length: 500 }, (_, i) => ({
      name: `s${i}`,
      cluster: `c${i % 5}`,
      status: 'Deployed',
      replicas: 1,
    }));
    const d = { hdaGraph: { services: many.map((s, i) => ({ id: s.name, deployment: { intent: { connectionPoints: i < 499 ? [`s${i + 1}`] : [] } } })) } };
    const t = performance.now();
    const model = buildModel(many, d);
    expect(performance.now() - t).toBeLessThan(500);
    expect(model.groups.map((g) => g.services.length)).toEqual([100, 100, 100, 100, 100]);
    expect(model.edges).toHaveLength(499);
    expect(model.cutEdges).toBe(499);
  });
});
