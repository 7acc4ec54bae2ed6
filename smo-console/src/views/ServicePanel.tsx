import type { ServiceView } from '../lib/types';
import type { Trigger } from '../lib/graphModel';
import { formatMemory } from '../lib/capacity';
import { linkable, StatusChip } from './common';

/** Everything about one service: resources after intent translation, Helm values, alert rules, last error. */
export function ServicePanel({ service, trigger, onClose }: { service: ServiceView; trigger: Trigger | null; onClose: () => void }) {
  return (
    <aside className="panel" aria-labelledby="panel-title">
      <div className="panel-head">
        <h2 id="panel-title">{service.name}</h2>
        <button type="button" className="link" onClick={onClose} aria-label="Close the service panel">
          ✕
        </button>
      </div>
      <StatusChip status={service.status} />
      {service.lastError && (
        <div className="error" role="note">
          <strong>Last error:</strong> <pre>{service.lastError}</pre>
        </div>
      )}
      <dl className="facts">
        <dt>Cluster</dt>
        <dd>{service.cluster_affinity ?? '—'}</dd>
        <dt>Replicas</dt>
        <dd>{service.replicas}</dd>
        <dt>CPU</dt>
        <dd>
          {service.cpu} cores ({service.cpuMillis}m)
        </dd>
        <dt>Memory</dt>
        <dd>{formatMemory(service.memoryBytes)}</dd>
        <dt>Storage</dt>
        <dd>{service.storage ?? '—'}</dd>
        <dt>GPUs</dt>
        <dd>{service.gpu}</dd>
        <dt>Chart</dt>
        <dd className="wrap">{service.artifact_ref}</dd>
        {linkable(service.grafana) && (
          <>
            <dt>Dashboard</dt>
            <dd>
              <a href={service.grafana} target="_blank" rel="noreferrer noopener">
                Grafana
              </a>
            </dd>
          </>
        )}
      </dl>
      {trigger && (
        <>
          <h3>Deployed on alert ({trigger.condition})</h3>
          <ul className="plain">
            {trigger.events.map((e) => (
              <li key={e.id}>
                <strong>{e.id}</strong>: <code>{e.promQuery}</code>
                {e.description && <div className="muted">{e.description}</div>}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Alert rules</h3>
      {service.alertRules.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="plain">
          {service.alertRules.map((r) => (
            <li key={r.alert}>
              <strong>{r.alert}</strong> <code>{r.expr}</code>
              {r.forDuration && <span className="muted"> for {r.forDuration}</span>}
            </li>
          ))}
        </ul>
      )}
      <h3>Helm values</h3>
      <pre className="values">{JSON.stringify(service.values_overwrite, null, 2)}</pre>
    </aside>
  );
}
