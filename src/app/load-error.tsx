export interface LoadErrorProps {
  error: Error;
  retrying: boolean;
  onRetry: () => void;
}

/** What a failed load says: what went wrong, and a way to try again. Never a blank page. */
export function LoadError({ error, retrying, onRetry }: LoadErrorProps) {
  return (
    <section className="load-error" role="alert" aria-labelledby="load-error-title">
      <h2 id="load-error-title">The events could not be loaded</h2>
      <p>{error.message}</p>
      <button type="button" className="button button-primary" onClick={onRetry} disabled={retrying}>
        {retrying ? 'Retrying…' : 'Retry'}
      </button>
    </section>
  );
}
