/**
 * The bearer token: kept in session storage (gone when the tab closes), never in the URL. Components subscribe to
 * know when a token is needed (the server answered 401) or was given.
 */
const KEY = 'smo.token';
type Listener = () => void;
const listeners = new Set<Listener>();
let needed = false;
let memory: string | null = null;

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null; // storage disabled: the token lives in memory only
  }
}

export const tokenStore = {
  get(): string | null {
    return storage()?.getItem(KEY) ?? memory;
  },
  set(token: string | null): void {
    const s = storage();
    memory = token;
    if (s) {
      if (token) s.setItem(KEY, token);
      else s.removeItem(KEY);
    }
    needed = false;
    listeners.forEach((l) => l());
  },
  /** The server refused the request: ask for a (new) token. */
  demand(): void {
    if (!needed) {
      needed = true;
      listeners.forEach((l) => l());
    }
  },
  needed(): boolean {
    return needed;
  },
  subscribe(l: Listener): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};
