import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  /** Escape and the close button call this; while `busy`, Escape is ignored (work in progress stops through its own button). */
  onClose: () => void;
  busy?: boolean;
  wide?: boolean;
  children: ReactNode;
  footer?: ReactNode;
}

/** A modal dialog on the native <dialog> element: focus stays inside, Escape closes, the page behind is inert. */
export function Dialog({ title, onClose, busy = false, wide = false, children, footer }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  // Its own id: a dialog opened from another (a sheet's result over the case table) is named by its own title.
  const titleId = useId();
  // A layout effect, so the dialog closes while still in the page and the browser returns focus to
  // whatever had it before (a menu button, say); closed after removal, focus would fall to the body.
  useLayoutEffect(() => {
    const dialog = ref.current!;
    dialog.showModal();
    return () => dialog.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`dialog${wide ? ' wide' : ''}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
    >
      <header className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button" aria-label="Close" disabled={busy} onClick={onClose}>
          ×
        </button>
      </header>
      <div className="dialog-body">{children}</div>
      {footer && <footer className="dialog-footer">{footer}</footer>}
    </dialog>
  );
}
