import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/App';
import { tokenStore } from '../src/lib/token';

const TOKEN = 'a-token-of-sixteen-chars';

function server(calls: { url: string; auth: string | null }[]) {
  return vi.fn(async (url: string, init: RequestInit) => {
    const auth = (init.headers as Record<string, string>).Authorization ?? null;
    calls.push({ url, auth });
    if (auth !== `Bearer ${TOKEN}`) {
      return new Response(
        JSON.stringify({ type: 'x', title: 'Unauthorized', status: 401, detail: 'Reads need a token.', errors: [] }),
        { status: 401, headers: { 'Content-Type': 'application/problem+json' } },
      );
    }
    return new Response('[]', { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
}

describe('the token prompt', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/ui/graphs?project=demo');
    sessionStorage.clear();
    tokenStore.set(null);
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('appears on 401, sends the token given as a bearer header, keeps it out of the URL', async () => {
    const calls: { url: string; auth: string | null }[] = [];
    vi.stubGlobal('fetch', server(calls));
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <App />
      </QueryClientProvider>,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Token needed' });
    expect(dialog).toBeTruthy();
    expect(calls[0]).toEqual({ url: '/project/demo/graphs', auth: null });
    fireEvent.change(screen.getByLabelText('Token'), { target: { value: TOKEN } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Use token' })));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(calls.some((c) => c.auth === `Bearer ${TOKEN}`)).toBe(true));
    expect(sessionStorage.getItem('smo.token')).toBe(TOKEN);
    expect(window.location.href).not.toContain(TOKEN);
    expect(calls.every((c) => !c.url.includes(TOKEN))).toBe(true);
    await screen.findByText('No graphs in project demo yet.');
  });

  it('does not appear when the server answers without asking for one', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('[]', { status: 200, headers: { 'Content-Type': 'application/json' } })),
    );
    render(
      <QueryClientProvider client={new QueryClient()}>
        <App />
      </QueryClientProvider>,
    );
    await screen.findByText('No graphs in project demo yet.');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
