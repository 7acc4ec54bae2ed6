import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { linkProps, useLocation } from './lib/router';
import { tokenStore } from './lib/token';
import { ClustersView } from './views/ClustersView';
import { GraphsView } from './views/GraphsView';
import { GraphView } from './views/GraphView';
import { PlanView } from './views/PlanView';
import { TokenPrompt } from './views/TokenPrompt';

export function App() {
  const { path, query } = useLocation();
  const client = useQueryClient();
  const needed = useSyncExternalStore(tokenStore.subscribe, tokenStore.needed);
  const project = query.get('project') ?? 'default';
  const graph = path.startsWith('/graphs/') ? decodeURIComponent(path.slice('/graphs/'.length)) : null;
  const section = graph ? 'graphs' : path.slice(1);
  useEffect(() => {
    document.title = `SMO · ${graph ?? section}`;
  }, [graph, section]);
  const nav = [
    { to: `/graphs?project=${encodeURIComponent(project)}`, id: 'graphs', label: 'Graphs' },
    { to: '/clusters', id: 'clusters', label: 'Clusters' },
    { to: '/plan', id: 'plan', label: 'Plan' },
  ];
  return (
    <div className="app">
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand" aria-label="SMO console">
          SMO
        </span>
        <nav aria-label="Sections">
          {nav.map((n) => (
            <a key={n.id} {...linkProps(n.to)} aria-current={section === n.id ? 'page' : undefined}>
              {n.label}
            </a>
          ))}
        </nav>
        {tokenStore.get() && (
          <button
            className="link"
            type="button"
            onClick={() => {
              tokenStore.set(null);
              client.clear();
            }}
          >
            Forget token
          </button>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        {graph ? (
          <GraphView name={graph} />
        ) : section === 'clusters' ? (
          <ClustersView />
        ) : section === 'plan' ? (
          <PlanView project={project} />
        ) : (
          <GraphsView project={project} />
        )}
      </main>
      {needed && (
        <TokenPrompt
          onToken={(t) => {
            tokenStore.set(t);
            client.invalidateQueries();
          }}
        />
      )}
    </div>
  );
}
