import { useSyncExternalStore } from 'react';

/** Path-based routing under /ui with the History API (the server answers every /ui page with the app). */
export const BASE = '/ui';

function subscribe(cb: () => void): () => void {
  window.addEventListener('popstate', cb);
  return () => window.removeEventListener('popstate', cb);
}

function snapshot(): string {
  return window.location.pathname + window.location.search;
}

export function useLocation(): { path: string; query: URLSearchParams } {
  const full = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(full, 'http://x');
  let path = url.pathname.startsWith(BASE) ? url.pathname.slice(BASE.length) : url.pathname;
  if (path === '' || path === '/') path = '/graphs';
  return { path: path.replace(/\/$/, ''), query: url.searchParams };
}

export function navigate(to: string): void {
  window.history.pushState(null, '', BASE + to);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** Props for an <a> that navigates inside the app (a real link: keyboard, middle click and copy work). */
export function linkProps(to: string) {
  return {
    href: BASE + to,
    onClick: (e: React.MouseEvent<HTMLAnchorElement>) => {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      navigate(to);
    },
  };
}
