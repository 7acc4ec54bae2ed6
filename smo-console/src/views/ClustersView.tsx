import { useQuery } from '@tanstack/react-query';
import { api } from '../lib/api';
import { capacityBars, type Bar } from '../lib/capacity';
import type { ClusterView } from '../lib/types';
import { ErrorNote } from './common';

export function CapacityBar({ bar, cluster }: { bar: Bar; cluster: string }) {
  return (
    <div className="bar-row">
      <span className="bar-name">{bar.resource}</span>
      <div
        className="bar"
        role="meter"
        aria-label={`${bar.resource} used on ${cluster}`}
        aria-valuemin={0}
        aria-valuemax={bar.total}
        aria-valuenow={bar.used}
        aria-valuetext={bar.label}
      >
        <div className={`bar-fill${bar.percent >= 90 ? ' high' : ''}`} style={{ width: `${bar.percent}%` }} />
      </div>
      <span className="bar-label">{bar.total === 0 ? 'none' : bar.label}</span>
    </div>
  );
}

export function ClusterCard({ c }: { c: ClusterView }) {
  return (
    <article className="card cluster-card" aria-labelledby={`cluster-${c.name}`}>
      <h2 id={`cluster-${c.name}`}>
        {c.name}{' '}
        <span className={`chip ${c.availability ? 'ok' : 'failed'}`}>{c.availability ? 'Ready' : 'Not ready'}</span>
      </h2>
      {Object.keys(c.labels).length > 0 && (
        <p className="labels">
          {Object.entries(c.labels).map(([k, v]) => (
            <code key={k}>
              {k}={v}
            </code>
          ))}
        </p>
      )}
      {capacityBars(c).map((b) => (
        <CapacityBar key={b.resource} bar={b} cluster={c.name} />
      ))}
    </article>
  );
}

/** Member clusters: readiness and capacity (total, used by SMO's services, free) as bars. */
export function ClustersView() {
  const clusters = useQuery({ queryKey: ['clusters'], queryFn: api.clusters, refetchInterval: 3000 });
  return (
    <div className="page">
      <h1>Clusters</h1>
      <p className="muted">Capacity each cluster offers SMO; the bars show what SMO's placed services hold.</p>
      <ErrorNote error={clusters.error} />
      <div className="cluster-grid">
        {(clusters.data ?? []).map((c) => (
          <ClusterCard key={c.name} c={c} />
        ))}
      </div>
    </div>
  );
}
