import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError } from '../lib/api';
import { statusCounts } from '../lib/graphModel';
import { linkProps, navigate } from '../lib/router';
import { placeProblems, type PlacedProblem } from '../lib/yamlLines';
import { ErrorNote, StatusChip, when } from './common';
import { DescriptorEditor } from './DescriptorEditor';

/** The graphs of a project, their state and last event, and a form to deploy another. */
export function GraphsView({ project }: { project: string }) {
  const client = useQueryClient();
  const [draftProject, setDraftProject] = useState(project);
  const graphs = useQuery({ queryKey: ['graphs', project], queryFn: () => api.graphs(project), refetchInterval: 2000 });
  const list = graphs.data ?? [];
  const events = useQueries({
    queries: list.slice(0, 100).map((g) => ({
      queryKey: ['events', g.name],
      queryFn: () => api.events(g.name),
      refetchInterval: 4000,
    })),
  });
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<PlacedProblem[]>([]);
  const deploy = useMutation({
    mutationFn: () => api.deploy(project, text),
    onSuccess: (g) => {
      setProblems([]);
      client.invalidateQueries({ queryKey: ['graphs', project] });
      navigate(`/graphs/${encodeURIComponent(g.name)}`);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.problem) setProblems(placeProblems(text, e.problem.errors));
    },
  });
  return (
    <div className="page">
      <h1>Graphs</h1>
      <form
        className="project"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(`/graphs?project=${encodeURIComponent(draftProject.trim() || 'default')}`);
        }}
      >
        <label htmlFor="project">Project</label>
        <input id="project" value={draftProject} onChange={(e) => setDraftProject(e.target.value)} />
        <button type="submit">Show</button>
      </form>
      <ErrorNote error={graphs.error} />
      <div className="table-wrap">
        <table aria-label={`Graphs of project ${project}`}>
          <thead>
            <tr>
              <th scope="col">Graph</th>
              <th scope="col">Status</th>
              <th scope="col">Deployed</th>
              <th scope="col">Pending</th>
              <th scope="col">Failed</th>
              <th scope="col">Last event</th>
            </tr>
          </thead>
          <tbody>
            {list.map((g, i) => {
              const c = statusCounts(g.services);
              const last = events[i]?.data?.at(-1);
              return (
                <tr key={g.name}>
                  <th scope="row">
                    <a {...linkProps(`/graphs/${encodeURIComponent(g.name)}`)}>{g.name}</a>
                  </th>
                  <td>
                    <StatusChip status={g.status} />
                  </td>
                  <td className="num">{c.deployed}</td>
                  <td className="num">{c.pending}</td>
                  <td className="num">{c.failed}</td>
                  <td className="last-event">
                    {last ? (
                      <>
                        <time dateTime={last.at}>{when(last.at)}</time> {last.message}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              );
            })}
            {graphs.isSuccess && list.length === 0 && (
              <tr>
                <td colSpan={6}>No graphs in project {project} yet.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="deploy-title" className="card">
        <h2 id="deploy-title">Deploy a graph to {project}</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            deploy.mutate();
          }}
        >
          <DescriptorEditor
            id="descriptor"
            label="HDAG descriptor (YAML or JSON)"
            text={text}
            onText={(t) => {
              setText(t);
              setProblems([]);
            }}
            problems={problems}
          />
          {deploy.error && !(deploy.error instanceof ApiError && deploy.error.problem?.errors.length) && (
            <ErrorNote error={deploy.error} />
          )}
          {deploy.error instanceof ApiError && deploy.error.problem?.errors.length ? (
            <p role="alert" className="error">
              {deploy.error.problem.title}: {deploy.error.problem.detail}
            </p>
          ) : null}
          <div className="actions">
            <button type="submit" className="primary" disabled={!text.trim() || deploy.isPending}>
              {deploy.isPending ? 'Deploying…' : 'Deploy'}
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}
