import { tokenStore } from './token';
import type { ClusterView, EventView, GraphView, PlanView, Problem } from './types';

/** A problem answer of the API (RFC 9457), or a failure to reach it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
  }
}

async function call<T>(method: string, path: string, body?: string, contentType?: string): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  const token = tokenStore.get();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (contentType) headers['Content-Type'] = contentType;
  const res = await fetch(path, { method, headers, body, credentials: 'omit', cache: 'no-store' });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    if (res.status === 401) tokenStore.demand();
    const problem = json && typeof json === 'object' && 'status' in json ? (json as Problem) : null;
    throw new ApiError(res.status, problem);
  }
  return json as T;
}

const enc = encodeURIComponent;

/** The REST calls the console makes; nothing else is fetched. */
export const api = {
  graphs: (project: string) => call<GraphView[]>('GET', `/project/${enc(project)}/graphs`),
  graph: (name: string) => call<GraphView>('GET', `/graphs/${enc(name)}`),
  events: (name: string) => call<EventView[]>('GET', `/graphs/${enc(name)}/events`),
  clusters: () => call<ClusterView[]>('GET', '/clusters'),
  deploy: (project: string, descriptor: string) =>
    call<GraphView>('POST', `/project/${enc(project)}/graphs`, descriptor, contentTypeOf(descriptor)),
  act: (name: string, verb: 'stop' | 'start' | 'placement') =>
    call<GraphView>('POST', `/graphs/${enc(name)}/${verb}`),
  remove: (name: string) => call<unknown>('DELETE', `/graphs/${enc(name)}`),
  plan: (project: string, descriptor: string, objective: string) =>
    call<PlanView>(
      'POST',
      `/plan?project=${enc(project)}&objective=${enc(objective)}`,
      descriptor,
      contentTypeOf(descriptor),
    ),
};

/** JSON when the text is a JSON object, YAML otherwise. */
export function contentTypeOf(text: string): string {
  return text.trimStart().startsWith('{') ? 'application/json' : 'application/yaml';
}
