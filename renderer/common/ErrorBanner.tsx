/** A dismissible message naming what went wrong; never a stack trace. */
export function ErrorBanner({ error, onDismiss }: { error: Error | undefined; onDismiss: () => void }) {
  if (!error) return null;
  return (
    <div className="error-banner" role="alert">
      <span>{error.message}</span>
      <button type="button" className="icon-button" aria-label="Dismiss message" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
