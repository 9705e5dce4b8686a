import type { ReactNode } from 'react';
import { Dialog } from './Dialog';

/**
 * A question before a destructive step (Cancel has the focus): the action runs, then the dialog closes;
 * a refusal closes it too and is reported through onError.
 */
export function ConfirmDialog({
  title,
  action,
  ready = true,
  onConfirm,
  onClose,
  onError,
  children,
}: {
  title: string;
  action: string;
  /** False while what the question says is still loading. */
  ready?: boolean;
  onConfirm(): Promise<unknown>;
  onClose(): void;
  onError(error: Error): void;
  children: ReactNode;
}) {
  const confirm = () =>
    onConfirm().then(onClose, (error: Error) => {
      onClose();
      onError(error);
    });
  return (
    <Dialog
      title={title}
      onClose={onClose}
      footer={
        <>
          <button type="button" autoFocus onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="danger-button" disabled={!ready} onClick={() => void confirm()}>
            {action}
          </button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}
