import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { parse } from 'yaml';
import { api, ApiError } from '../lib/api';
import { planModel } from '../lib/graphModel';
import type { PlanView as Plan } from '../lib/types';
import { placeProblems, type PlacedProblem } from '../lib/yamlLines';
import { ErrorNote } from './common';
import { DescriptorEditor } from './DescriptorEditor';
import { GraphCanvas } from './GraphCanvas';

/** What-if: a descriptor in, the placement the solver proposes drawn on the clusters, or why there is none. */
export function PlanView({ project }: { project: string }) {
  const [text, setText] = useState('');
  const [objective, setObjective] = useState('weighted');
  const [problems, setProblems] = useState<PlacedProblem[]>([]);
  const [sent, setSent] = useState('');
  const plan = useMutation({
    mutationFn: () => api.plan(project, text, objective),
    onMutate: () => setSent(text),
    onSuccess: () => setProblems([]),
    onError: (e) => {
      if (e instanceof ApiError && e.problem) setProblems(placeProblems(text, e.problem.errors));
    },
  });
  return (
    <div className="page">
      <h1>Plan (what-if)</h1>
      <p className="muted">Nothing is deployed: the solver places the graph on the clusters as they are now.</p>
      <form
        className="card"
        onSubmit={(e) => {
          e.preventDefault();
          plan.mutate();
        }}
      >
        <DescriptorEditor id="plan-descriptor" label="HDAG descriptor" text={text} onText={setText} problems={problems} />
        <div className="actions">
          <label htmlFor="objective">Objective</label>
          <select id="objective" value={objective} onChange={(e) => setObjective(e.target.value)}>
            <option value="weighted">weighted</option>
            <option value="lexicographic">lexicographic (fewest moves, then cut edges)</option>
          </select>
          <button type="submit" className="primary" disabled={!text.trim() || plan.isPending}>
            {plan.isPending ? 'Planning…' : 'Plan'}
          </button>
        </div>
        {plan.error && <ErrorNote error={plan.error} />}
      </form>
      {plan.data && <PlanResult plan={plan.data} descriptor={sent} />}
    </div>
  );
}

function PlanResult({ plan, descriptor }: { plan: Plan; descriptor: string }) {
  const parsed = useMemo(() => {
    try {
      return parse(descriptor);
    } catch {
      return null;
    }
  }, [descriptor]);
  const model = useMemo(() => planModel(plan, parsed), [plan, parsed]);
  const [selected, setSelected] = useState<string | null>(null);
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    section.current?.scrollIntoView({ block: 'start' });
    section.current?.focus();
  }, [plan]);
  return (
    <section aria-labelledby="plan-result" className="card plan-result" ref={section} tabIndex={-1}>
      <h2 id="plan-result">
        {plan.feasible ? 'Placement found' : 'No placement'}{' '}
        <span className={`chip ${plan.feasible ? 'ok' : 'failed'}`}>{plan.status}</span>
      </h2>
      {plan.summary && <p>{plan.summary}</p>}
      {plan.explanation && (
        <div className="explanation" role="alert">
          <h3>Why</h3>
          {plan.explanation.message && <p className="pre">{plan.explanation.message}</p>}
          <dl className="facts">
            <dt>Reason</dt>
            <dd>{plan.explanation.reason}</dd>
            {plan.explanation.resource && (
              <>
                <dt>Resource</dt>
                <dd>{plan.explanation.resource}</dd>
              </>
            )}
            <dt>Services</dt>
            <dd>{plan.explanation.services.join(', ') || '—'}</dd>
            <dt>Closest clusters</dt>
            <dd>{plan.explanation.closestClusters.join(', ') || '—'}</dd>
          </dl>
        </div>
      )}
      {plan.objective && (
        <table aria-label="Objective terms" className="terms">
          <tbody>
            <tr>
              <th scope="row">Moves</th>
              <td className="num">{plan.objective.moves}</td>
            </tr>
            <tr>
              <th scope="row">Cut edges</th>
              <td className="num">{plan.objective.cutEdges}</td>
            </tr>
            <tr>
              <th scope="row">Tie-breaker</th>
              <td className="num">{plan.objective.tieBreaker.toFixed(3)}</td>
            </tr>
            <tr>
              <th scope="row">Total</th>
              <td className="num">{plan.objective.total.toFixed(3)}</td>
            </tr>
            <tr>
              <th scope="row">Solver</th>
              <td className="num">
                {plan.nodes} nodes, {plan.millis.toFixed(0)} ms
              </td>
            </tr>
          </tbody>
        </table>
      )}
      {plan.feasible && (
        <>
          <GraphCanvas
            model={model}
            collapsed={new Set()}
            onToggle={() => undefined}
            search=""
            selected={selected}
            onSelect={setSelected}
            label="Proposed placement"
          />
          <div className="table-wrap">
            <table aria-label="Planned services">
              <thead>
                <tr>
                  <th scope="col">Service</th>
                  <th scope="col">Cluster</th>
                  <th scope="col">Replicas</th>
                  <th scope="col">CPU</th>
                  <th scope="col">Memory</th>
                  <th scope="col">GPUs</th>
                  <th scope="col">Waits for alert</th>
                </tr>
              </thead>
              <tbody>
                {plan.services.map((s) => (
                  <tr key={s.name}>
                    <th scope="row">{s.name}</th>
                    <td>{s.cluster ?? '—'}</td>
                    <td className="num">{s.replicas}</td>
                    <td>{s.cpu}</td>
                    <td>{s.memory}</td>
                    <td className="num">{s.gpus}</td>
                    <td>{s.pending ? 'yes' : 'no'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
