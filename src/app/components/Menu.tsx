import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Icon } from '../ui';
import { Button } from '../ui';

export interface MenuItem {
  label: string;
  onSelect: () => void;
}

/**
 * A menu button (WAI-ARIA menu pattern): arrow keys move, Enter picks, Escape closes. While its
 * items are still loading, `loading` says so in the open menu and the first item takes focus when
 * they arrive.
 */
export function Menu({
  label,
  items,
  icon,
  loading,
}: {
  label: string;
  items: MenuItem[];
  icon?: ReactNode;
  loading?: string;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const ready = items.length > 0;

  useEffect(() => {
    if (!open) return;
    const first = list.current?.querySelector<HTMLElement>('[role=menuitem]');
    // Keyboard focus moves into the menu; while it loads, the list itself holds it.
    (first ?? list.current)?.focus();
    const close = (e: MouseEvent) => {
      if (!list.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node))
        setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open, ready]);

  const onKeyDown = (e: KeyboardEvent) => {
    const entries = [...(list.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])];
    const at = entries.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (at + (e.key === 'ArrowDown' ? 1 : -1) + entries.length) % entries.length;
      entries[next]?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      entries[e.key === 'Home' ? 0 : entries.length - 1]?.focus();
    } else if (e.key === 'Escape' || e.key === 'Tab') {
      setOpen(false);
      if (e.key === 'Escape') button.current?.focus();
    }
  };

  return (
    <div className="relative">
      <Button
        ref={button}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {icon}
        {label}
        <Icon name="chevron" className="size-3.5" />
      </Button>
      {open && (
        <div
          ref={list}
          id={id}
          role="menu"
          aria-label={label}
          aria-busy={loading ? true : undefined}
          tabIndex={-1}
          onKeyDown={onKeyDown}
          className="absolute top-full left-0 z-50 mt-1 min-w-60 rounded-md border border-slate-200 bg-white py-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {loading && (
            <p role="status" className="px-3 py-1.5 text-sm text-slate-500 dark:text-slate-400">
              {loading}
            </p>
          )}
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => {
                setOpen(false);
                // The item goes away with the menu: the keyboard goes back to the menu's button.
                button.current?.focus();
                item.onSelect();
              }}
              className="block w-full px-3 py-1.5 text-left text-sm text-slate-800 hover:bg-slate-100 focus:bg-slate-100 focus:outline-none dark:text-slate-100 dark:hover:bg-slate-800 dark:focus:bg-slate-800"
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
