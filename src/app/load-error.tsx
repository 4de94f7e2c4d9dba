import type { ReactNode } from 'react';
import './load-states.css';

export interface LoadErrorProps {
  error: Error;
  retrying: boolean;
  /** Null when trying again cannot help (a file that must be opened again). */
  onRetry: (() => void) | null;
  children?: ReactNode;
}

/** What a failed load says: what went wrong, and a way on. Never a blank page. */
export function LoadError({ error, retrying, onRetry, children }: LoadErrorProps) {
  return (
    <section className="load-error" role="alert" aria-labelledby="load-error-title">
      <h2 id="load-error-title">The events could not be loaded</h2>
      <p>{error.message}</p>
      <div className="load-error-actions">
        {onRetry && (
          <button
            type="button"
            className="button button-primary"
            // Not `disabled` while retrying: that would take the focus from a keyboard user.
            onClick={retrying ? undefined : onRetry}
            aria-disabled={retrying}
          >
            {retrying ? 'Retrying…' : 'Retry'}
          </button>
        )}
        {children}
      </div>
    </section>
  );
}
