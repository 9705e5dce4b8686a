/**
 * A dialog's footer: Cancel, then its action, both disabled while the action runs. The action submits
 * `form` when given (so Enter in the form's fields does the same), else runs `onAction`.
 */
export function DialogActions({
  action,
  busy,
  disabled = false,
  form,
  onAction,
  onCancel,
}: {
  action: string;
  busy: boolean;
  /** The action cannot run yet (nothing to do). */
  disabled?: boolean;
  form?: string;
  onAction?: () => void;
  onCancel: () => void;
}) {
  return (
    <>
      <button type="button" onClick={onCancel} disabled={busy}>
        Cancel
      </button>
      <button type={form ? 'submit' : 'button'} form={form} className="primary" disabled={busy || disabled} onClick={onAction}>
        {action}
      </button>
    </>
  );
}
