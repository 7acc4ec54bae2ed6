import { useRef } from 'react';
import type { PlacedProblem } from '../lib/yamlLines';

/**
 * A descriptor text area with upload, and the problems the server found, each at its line; choosing a problem
 * puts the cursor on that line.
 */
export function DescriptorEditor(props: {
  id: string;
  label: string;
  text: string;
  onText: (text: string) => void;
  problems: PlacedProblem[];
}) {
  const area = useRef<HTMLTextAreaElement>(null);
  const goTo = (line: number) => {
    const t = area.current;
    if (!t || line < 1) return;
    const lines = props.text.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    t.focus();
    t.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
    const lineHeight = t.scrollHeight / Math.max(1, lines.length);
    t.scrollTop = Math.max(0, (line - 3) * lineHeight);
  };
  const lineCount = props.text.split('\n').length;
  return (
    <div className="editor">
      <div className="editor-bar">
        <label htmlFor={props.id}>{props.label}</label>
        <label className="upload">
          Upload file
          <input
            type="file"
            accept=".yaml,.yml,.json,application/yaml,application/json"
            aria-label="Upload a descriptor file"
            onChange={async (e) => {
              const f = e.target.files?.[0];
              if (f) props.onText(await f.text());
              e.target.value = '';
            }}
          />
        </label>
      </div>
      <textarea
        id={props.id}
        ref={area}
        spellCheck={false}
        rows={Math.min(22, Math.max(10, lineCount + 1))}
        value={props.text}
        onChange={(e) => props.onText(e.target.value)}
        aria-describedby={props.problems.length ? `${props.id}-problems` : undefined}
        aria-invalid={props.problems.length > 0}
        placeholder="hdaGraph:&#10;  id: my-graph&#10;  services: ..."
      />
      {props.problems.length > 0 && (
        <ul id={`${props.id}-problems`} className="problems" aria-label="Problems in the descriptor">
          {props.problems.map((p, i) => (
            <li key={i}>
              <button type="button" className="link" onClick={() => goTo(p.line)} disabled={p.line < 1}>
                {p.line > 0 ? `Line ${p.line}${p.column ? `:${p.column}` : ''}` : 'Descriptor'}
              </button>{' '}
              <span className="message">{p.message}</span> <code className="path">{p.path || '/'}</code>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
