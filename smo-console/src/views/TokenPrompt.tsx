import { useEffect, useRef, useState } from 'react';

/**
 * Asks for the bearer token after the server answered 401. The token goes to session storage (this tab only),
 * never into the URL.
 */
export function TokenPrompt({ onToken }: { onToken: (token: string) => void }) {
  const [value, setValue] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <div className="backdrop">
      <form
        role="dialog"
        aria-modal="true"
        aria-labelledby="token-title"
        className="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (value.trim()) onToken(value.trim());
        }}
      >
        <h2 id="token-title">Token needed</h2>
        <p>This SMO server needs a bearer token (SMO_API_TOKEN, or SMO_READ_TOKEN to look only).</p>
        <label htmlFor="token">Token</label>
        <input
          id="token"
          ref={input}
          type="password"
          autoComplete="off"
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <p className="hint">Kept for this tab only (session storage), never put in the address.</p>
        <div className="actions">
          <button type="submit" className="primary" disabled={!value.trim()}>
            Use token
          </button>
        </div>
      </form>
    </div>
  );
}
