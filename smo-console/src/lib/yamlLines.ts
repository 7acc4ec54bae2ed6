import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Violation } from './types';

/** A problem placed in the descriptor text: 1-based line and column, or 0 when it names no place in it. */
export interface PlacedProblem {
  path: string;
  line: number;
  column: number;
  message: string;
  /** whether the place is exact (the path was found) or the nearest enclosing part */
  exact: boolean;
}

/** Splits an RFC 6901 JSON pointer into its reference tokens. */
export function pointerTokens(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * The line and column of the node a JSON pointer names in a YAML (or JSON) text: the key of a mapping entry, the
 * item of a sequence. When the path goes further than the text (a missing field), the deepest part that exists.
 */
export function locate(text: string, pointer: string): { line: number; column: number; exact: boolean } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false, strict: false });
  let node: unknown = doc.contents;
  let offset = (node as Node | null)?.range?.[0] ?? 0;
  let exact = true;
  for (const token of pointerTokens(pointer)) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === token);
      if (!pair) {
        exact = false;
        break;
      }
      const key = pair.key as Node | null;
      offset = key?.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(token)] as Node | undefined;
      if (!/^\d+$/.test(token) || !item) {
        exact = false;
        break;
      }
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      exact = false;
      break;
    }
  }
  const pos = counter.linePos(offset);
  return { line: pos.line, column: pos.col, exact };
}

/**
 * Places each problem the server returned in the text that was sent: the server's own line when it gives one
 * (YAML it parsed), otherwise the line its JSON pointer leads to.
 */
export function placeProblems(text: string, errors: Violation[]): PlacedProblem[] {
  return errors.map((v) => {
    if (v.line > 0) return { ...v, exact: true };
    if (!v.path.startsWith('/') || v.path.startsWith('/headers/')) {
      return { ...v, line: 0, column: 0, exact: false };
    }
    try {
      const at = locate(text, v.path);
      return { ...v, line: at.line, column: at.column, exact: at.exact };
    } catch {
      return { ...v, line: 0, column: 0, exact: false };
    }
  });
}
