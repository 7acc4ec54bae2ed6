import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { api, ApiError } from '../lib/api';
import { graphModel } from '../lib/graphModel';
import { linkProps } from '../lib/router';
import { ErrorNote, linkable, StatusChip, when } from './common';
import { ConfirmDialog } from './ConfirmDialog';
import { GraphCanvas, UNPLACED } from './GraphCanvas';
import { ServicePanel } from './ServicePanel';

type Verb = 'stop' | 'start' | 'placement' | 'remove';
/** The lifecycle actions and the graph states they apply in (the server's lifecycle table has the last word). */
const ACTIONS: { verb: Verb; label: string; body: string; when: string[]; danger?: boolean }[] = [
  { verb: 'stop', label: 'Stop', when: ['Running', 'Failed'], body: 'Uninstall every release of this graph and remove its alert rules; the graph is kept.' },
  { verb: 'start', label: 'Start', when: ['Stopped'], body: 'Reinstall the services this graph ran before it was stopped.' },
  { verb: 'placement', label: 'Re-place', when: ['Running', 'Failed'], body: 'Solve the placement again on the current clusters and move what must move.' },
  { verb: 'remove', label: 'Remove', when: ['Running', 'Failed', 'Stopped'], body: 'Uninstall its releases, delete its rules and dashboard, and the graph. The event log stays.', danger: true },
];

/** One graph: drawn on its clusters, live; a side panel per service, its events, and the lifecycle actions. */
export function GraphView({ name }: { name: string }) {
  const client = useQueryClient();
  const graph = useQuery({
    queryKey: ['graph', name],
    queryFn: () => api.graph(name),
    refetchInterval: (q) => (q.state.error instanceof ApiError && q.state.error.status === 404 ? false : 1500),
  });
  const events = useQuery({ queryKey: ['events', name], queryFn: () => api.events(name), refetchInterval: 2000 });
  const [selected, setSelected] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [collapsed, setCollapsed] = useState<Set<string> | null>(null);
  const [confirm, setConfirm] = useState<(typeof ACTIONS)[number] | null>(null);
  const act = useMutation({
    mutationFn: (verb: Verb) => (verb === 'remove' ? api.remove(name) : api.act(name, verb)),
    onSettled: () => {
      client.invalidateQueries({ queryKey: ['graph', name] });
      client.invalidateQueries({ queryKey: ['events', name] });
    },
  });
  const g = graph.data;
  const model = useMemo(() => (g ? graphModel(g) : null), [g]);
  const effectiveCollapsed = useMemo(() => {
    if (collapsed) return collapsed;
    // Large graphs start with their clusters collapsed.
    const total = model?.groups.reduce((n, x) => n + x.services.length, 0) ?? 0;
    return new Set(total > 150 ? (model?.groups ?? []).map((x) => x.cluster ?? UNPLACED) : []);
  }, [collapsed, model]);
  const gone = graph.error instanceof ApiError && graph.error.status === 404;
  if (gone) {
    return (
      <div className="page">
        <h1>{name}</h1>
        <p role="status">This graph does not exist (any more).</p>
        <p>
          <a {...linkProps('/graphs')}>Back to the graphs</a>
        </p>
        <Events events={events.data ?? []} />
      </div>
    );
  }
  const service = g?.services.find((s) => s.name === selected) ?? null;
  const trigger = model?.groups.flatMap((x) => x.services).find((s) => s.id === selected)?.trigger ?? null;
  const matches = search.trim()
    ? (g?.services ?? []).filter((s) => s.name.toLowerCase().includes(search.trim().toLowerCase()))
    : [];
  const toggle = (cluster: string) => {
    const next = new Set(effectiveCollapsed);
    if (next.has(cluster)) next.delete(cluster);
    else next.add(cluster);
    setCollapsed(next);
  };
  return (
    <div className="page graph-page">
      <div className="graph-head">
        <h1>
          {name} {g && <StatusChip status={g.status} />}
        </h1>
        {g && (
          <p className="muted">
            project <a {...linkProps(`/graphs?project=${encodeURIComponent(g.project)}`)}>{g.project}</a> ·{' '}
            {g.services.length} services · {model?.cutEdges ?? 0} cut edge{model?.cutEdges === 1 ? '' : 's'}
            {g.dryRun && ' · dry run (releases recorded, not installed)'}
            {linkable(g.grafana) && (
              <>
                {' · '}
                <a href={g.grafana} target="_blank" rel="noreferrer noopener">
                  Grafana dashboard
                </a>
              </>
            )}
          </p>
        )}
        <div className="actions" role="group" aria-label="Graph actions">
          {ACTIONS.map((a) => (
            <button
              key={a.verb}
              type="button"
              className={a.danger ? 'danger' : undefined}
              disabled={!g || act.isPending || !a.when.includes(g.status)}
              onClick={() => setConfirm(a)}
            >
              {a.label}
            </button>
          ))}
        </div>
        <ErrorNote error={act.error ?? graph.error} />
      </div>
      {g && model && (
        <>
          <div className="toolbar">
            <label htmlFor="search">Find a service</label>
            <input
              id="search"
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              aria-controls="matches"
            />
            <span id="matches" role="status" className="muted">
              {search.trim() ? `${matches.length} match${matches.length === 1 ? '' : 'es'}` : ''}
            </span>
            <button type="button" onClick={() => setCollapsed(new Set(model.groups.map((x) => x.cluster ?? UNPLACED)))}>
              Collapse all
            </button>
            <button type="button" onClick={() => setCollapsed(new Set())}>
              Expand all
            </button>
          </div>
          <div className="graph-body">
            <GraphCanvas
              model={model}
              collapsed={effectiveCollapsed}
              onToggle={toggle}
              search={search}
              selected={selected}
              onSelect={setSelected}
              label={`Graph ${name} on its clusters`}
              frame={service ? 'panel' : 'full'}
            />
            {service && <ServicePanel service={service} trigger={trigger} onClose={() => setSelected(null)} />}
          </div>
          <details className="card" open={matches.length > 0 && matches.length <= 50}>
            <summary>Services by cluster</summary>
            {model.groups.map((grp) => (
              <div key={grp.cluster ?? UNPLACED} className="svc-list">
                <h3>{grp.cluster ?? UNPLACED}</h3>
                <ul>
                  {grp.services
                    .filter((s) => !search.trim() || s.id.toLowerCase().includes(search.trim().toLowerCase()))
                    .slice(0, 200)
                    .map((s) => (
                      <li key={s.id}>
                        <button type="button" className="link" onClick={() => setSelected(s.id)}>
                          {s.id}
                        </button>{' '}
                        <StatusChip status={s.status} /> ×{s.replicas}
                        {s.trigger && <span className="muted"> ⚡ {s.trigger.events.map((e) => e.id).join(', ')}</span>}
                      </li>
                    ))}
                </ul>
              </div>
            ))}
          </details>
        </>
      )}
      <Events events={events.data ?? []} />
      {confirm && (
        <ConfirmDialog
          title={`${confirm.label} ${name}?`}
          body={confirm.body}
          confirm={confirm.label}
          danger={confirm.danger}
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            act.mutate(confirm.verb);
            setConfirm(null);
          }}
        />
      )}
    </div>
  );
}

function Events({ events }: { events: { id: number; at: string; type: string; service: string | null; message: string }[] }) {
  return (
    <section aria-labelledby="events-title" className="card">
      <h2 id="events-title">Events</h2>
      {events.length === 0 ? (
        <p className="muted">No events.</p>
      ) : (
        <ol className="timeline" aria-live="polite" aria-relevant="additions">
          {[...events].reverse().slice(0, 200).map((e) => (
            <li key={e.id}>
              <time dateTime={e.at}>{when(e.at)}</time> <span className="event-type">{e.type}</span>
              {e.service && <span className="muted"> {e.service}</span>} <span>{e.message}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
