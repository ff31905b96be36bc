import { useEffect, useLayoutEffect, useRef, type CSSProperties, type KeyboardEvent } from 'react';

export interface MenuItem {
  label: string;
  onSelect: () => void;
  /** A key that does the same, shown beside the label ("Ctrl+C"). */
  hint?: string;
  /** The same key for assistive technology (aria-keyshortcuts: "Control+C", "Meta+C"). */
  shortcut?: string;
  disabled?: boolean;
  /** Drawn after a line: the start of another group of items. */
  group?: boolean;
}

/**
 * An open menu (WAI-ARIA menu pattern): the first item takes the keyboard, the arrow keys move,
 * Enter picks, Escape or a click elsewhere closes. Shared by the toolbar's menus and the canvas's
 * context menu; loaded when a menu first opens (or while the page is idle).
 */
export function MenuList({
  id,
  label,
  items,
  loading,
  onClose,
  className,
  style,
  keep,
}: {
  id?: string;
  label: string;
  items: readonly MenuItem[];
  loading?: string;
  /** `picked`: an item was chosen; `escape`: the person pressed Escape; otherwise a click or Tab away. */
  onClose: (how: 'picked' | 'escape' | 'away') => void;
  className: string;
  style?: CSSProperties;
  /** An element whose clicks do not count as "elsewhere" (the menu's own button). */
  keep?: { current: HTMLElement | null };
}) {
  const list = useRef<HTMLDivElement>(null);
  const ready = items.length > 0;
  // Before paint: a key pressed right after the menu opened goes to the menu.
  useLayoutEffect(() => {
    const first = list.current?.querySelector<HTMLElement>('[role=menuitem]:not([aria-disabled])');
    // Keyboard focus moves into the menu; while it loads, the list itself holds it.
    (first ?? list.current)?.focus();
  }, [ready]);
  useEffect(() => {
    const close = (e: MouseEvent) => {
      const t = e.target as Node;
      if (!list.current?.contains(t) && !keep?.current?.contains(t)) onClose('away');
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [onClose, keep]);

  const onKeyDown = (e: KeyboardEvent) => {
    // Keys in an open menu are the menu's: Delete or Ctrl+A must not act on the plan behind it.
    if (e.key !== 'Tab') e.stopPropagation();
    const entries = [
      ...(list.current?.querySelectorAll<HTMLElement>('[role=menuitem]:not([aria-disabled])') ?? []),
    ];
    const at = entries.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (at + (e.key === 'ArrowDown' ? 1 : -1) + entries.length) % entries.length;
      entries[next]?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      entries[e.key === 'Home' ? 0 : entries.length - 1]?.focus();
    } else if (e.key === 'Escape' || e.key === 'Tab') {
      // Escape closes this menu only, not what is behind it (a selection, a dialog).
      if (e.key === 'Escape') e.preventDefault();
      onClose(e.key === 'Escape' ? 'escape' : 'away');
    }
  };

  return (
    <div
      ref={list}
      id={id}
      role="menu"
      aria-label={label}
      aria-busy={loading ? true : undefined}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => {
        e.preventDefault();
        e.stopPropagation();
      }}
      style={style}
      className={`z-60 min-w-60 rounded-md border border-slate-200 bg-white py-1 shadow-lg dark:border-slate-700 dark:bg-slate-900 ${className}`}
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
          aria-disabled={item.disabled || undefined}
          aria-keyshortcuts={item.shortcut}
          onClick={() => {
            if (item.disabled) return;
            onClose('picked');
            item.onSelect();
          }}
          className={`flex w-full items-baseline justify-between gap-6 px-3 py-1.5 text-left text-sm text-slate-800 hover:bg-slate-100 focus:bg-slate-100 focus:outline-none aria-disabled:cursor-default aria-disabled:text-slate-400 aria-disabled:hover:bg-transparent dark:text-slate-100 dark:hover:bg-slate-800 dark:focus:bg-slate-800 dark:aria-disabled:text-slate-500 ${item.group ? 'mt-1 border-t border-slate-200 pt-2 dark:border-slate-700' : ''}`}
        >
          <span>{item.label}</span>
          {item.hint && <span className="text-xs text-slate-500 dark:text-slate-400">{item.hint}</span>}
        </button>
      ))}
    </div>
  );
}
