import { ApiError } from '../lib/api';

/** The colour class of a status. */
export function statusClass(status: string): string {
  switch (status) {
    case 'Deployed':
    case 'Running':
      return 'ok';
    case 'Pending':
      return 'pending';
    case 'Failed':
      return 'failed';
    case 'Not deployed':
    case 'Stopped':
      return 'stopped';
    case 'Planned':
      return 'planned';
    default:
      return 'busy';
  }
}

export function StatusChip({ status }: { status: string }) {
  return <span className={`chip ${statusClass(status)}`}>{status}</span>;
}

export function ErrorNote({ error }: { error: unknown }) {
  if (!error) return null;
  const text =
    error instanceof ApiError
      ? `${error.status} ${error.problem?.title ?? ''}: ${error.message}`
      : String((error as Error).message ?? error);
  return (
    <p role="alert" className="error">
      {text}
    </p>
  );
}

export function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

/** A dashboard address worth linking to (an in-memory dashboard store gives none). */
export function linkable(url: string | null | undefined): url is string {
  return !!url && /^https?:\/\//i.test(url);
}
