import { useEffect, useRef, useState } from 'react';
import { layout, type LayoutInput, type LayoutOutput } from './layout';

let worker: Worker | null | undefined;
let sequence = 0;

function layoutWorker(): Worker | null {
  if (worker === undefined) {
    try {
      worker =
        typeof Worker === 'undefined'
          ? null
          : new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      worker = null;
    }
  }
  return worker;
}

/** Lays the groups out off the main thread (in place when no worker is available); recomputes when the key changes. */
export function useLayout(input: LayoutInput, key: string): LayoutOutput | null {
  const [result, setResult] = useState<{ key: string; output: LayoutOutput } | null>(null);
  const latest = useRef(0);
  useEffect(() => {
    const w = layoutWorker();
    if (!w) {
      setResult({ key, output: layout(input) });
      return;
    }
    const id = ++sequence;
    latest.current = id;
    const onMessage = (e: MessageEvent<{ id: number; output: LayoutOutput }>) => {
      if (e.data.id === latest.current) setResult({ key, output: e.data.output });
    };
    w.addEventListener('message', onMessage);
    w.postMessage({ id, input });
    return () => w.removeEventListener('message', onMessage);
    // the key names the input's shape
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return result?.output ?? null;
}
