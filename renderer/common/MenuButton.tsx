import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

export interface MenuItem {
  label: string;
  title?: string;
  disabled?: boolean;
  /** Starts a new group, drawn with a rule above it. */
  group?: boolean;
  onSelect: () => void;
}

/**
 * A button that opens a menu (the WAI-ARIA menu button pattern): Enter, Space or ↓ opens it on the first
 * item, ↑ on the last; ↑/↓ (wrapping), Home and End move; Escape closes it and returns focus to the button;
 * Tab or a click elsewhere closes it. Choosing an item gives focus back to the button first, so a dialog
 * the item opens returns focus there when it closes.
 */
export function MenuButton({
  label,
  name,
  title,
  items,
  className,
  align = 'start',
}: {
  label: string;
  /** The button's and menu's accessible name when the visible label is a symbol (⋯). */
  name?: string;
  title?: string;
  items: MenuItem[];
  className?: string;
  /** Which edge of the button the popup lines up with: its end for a button near the window's right edge. */
  align?: 'start' | 'end';
}) {
  const [open, setOpen] = useState<'first' | 'last' | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const id = useId();
  const enabled = () => [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not(:disabled)') ?? [])];

  useEffect(() => {
    if (!open) return;
    const list = enabled();
    (open === 'first' ? list[0] : list.at(-1))?.focus();
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(null);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = () => {
    setOpen(null);
    button.current?.focus();
  };
  const onMenuKey = (e: KeyboardEvent) => {
    const list = enabled();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    const move = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: list.length - 1 }[e.key];
    if (move !== undefined) {
      e.preventDefault();
      list[(move + list.length) % list.length]?.focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === 'Tab') setOpen(null);
  };

  return (
    <div className={`menu-button${className ? ` ${className}` : ''}`}>
      <button
        ref={button}
        type="button"
        title={title}
        aria-label={name}
        aria-haspopup="menu"
        aria-expanded={open !== null}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen(open ? null : 'first')}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setOpen(e.key === 'ArrowDown' ? 'first' : 'last');
          }
        }}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul ref={menu} id={id} role="menu" aria-label={name ?? label} className={`menu-popup ${align}`} onKeyDown={onMenuKey}>
          {items.map((item) => (
            <li key={item.label} role="none" className={item.group ? 'menu-group' : undefined}>
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                title={item.title}
                disabled={item.disabled}
                onClick={() => {
                  close();
                  item.onSelect();
                }}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
