import { useEffect, useState } from 'react';
import { EXPORT_FORMATS, type ExportFormat } from '../../domain/export';
import { exportWith, lastBuildTime, loadExporter, loadedExporter, runExport } from '../lib/files';
import { Icon, type IconName } from './Icon';
import { Menu } from './Menu';
import { Button } from './ui';
import { whenIdle } from '../lib/idle';

const EXPORT_ICON: Record<string, IconName> = { plan: 'download', csv: 'table', pdf: 'file' };
const MENU_ICON: Record<string, IconName> = { Diagram: 'zone' };

/**
 * Formats whose code is small and whose build takes milliseconds: their code is loaded while the
 * page is idle, and a click builds and saves the file at once. The PDF and the diagram load when
 * someone points at their button and always show progress first: the PDF takes about a second,
 * and routing the diagram's arrows a quarter of a second at 40 hosts and seconds at 300.
 */
const QUICK = new Set(['plan', 'csv']);

/**
 * A response within 100 ms feels immediate; a quick format whose last build took longer than that
 * (a very large plan) shows progress first the next time.
 */
const IMMEDIATE_MS = 100;

function preload(format: ExportFormat) {
  // A load that fails here is tried again, and reported, when the person exports.
  loadExporter(format).catch(() => undefined);
}

/** "Export diagram (SVG)" → "diagram (SVG)": what is being made, for progress messages. */
const what = (format: ExportFormat) => format.label.replace(/^Export /, '');

const Spinner = () => (
  <span className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" />
);

/** Runs an export: within the click when it is quick, otherwise after painting a busy state. */
function useExport() {
  const [busy, setBusy] = useState<ExportFormat>();
  const run = (format: ExportFormat) => {
    const exporter = loadedExporter(format);
    if (exporter && QUICK.has(format.id) && (lastBuildTime(format) ?? 0) < IMMEDIATE_MS) {
      // Quick enough to feel immediate: build and save within the click, no progress to show.
      void exportWith(format, exporter);
      return;
    }
    setBusy(format);
    // Let the busy state paint before the work starts.
    requestAnimationFrame(() =>
      setTimeout(() => {
        void runExport(format).finally(() => setBusy(undefined));
      }, 0),
    );
  };
  return { busy, run };
}

function ExportButton({ format }: { format: ExportFormat }) {
  const { busy, run } = useExport();
  const name = what(format);
  const short = name.charAt(0).toUpperCase() + name.slice(1);
  return (
    <Button
      aria-label={format.label}
      title={format.label}
      aria-busy={!!busy}
      disabled={!!busy}
      onPointerEnter={() => preload(format)}
      onFocus={() => preload(format)}
      onClick={() => run(format)}
    >
      {busy ? <Spinner /> : <Icon name={EXPORT_ICON[format.id] ?? 'download'} />}
      {/* On narrower screens the icons alone (named by aria-label, titled) leave the toolbar room. */}
      <span className="hidden min-[1600px]:inline">{busy ? `Building ${name}…` : short}</span>
      <span role="status" className="sr-only">
        {busy ? `Building the ${name}…` : ''}
      </span>
    </Button>
  );
}

/** Formats that share a menu name (the diagram as SVG and PNG) behind one menu button. */
function ExportMenu({ name, formats }: { name: string; formats: readonly ExportFormat[] }) {
  const { busy, run } = useExport();
  const load = () => formats.forEach(preload);
  return (
    <div onPointerEnter={load} onFocus={load}>
      <Menu
        label={name}
        icon={busy ? <Spinner /> : <Icon name={MENU_ICON[name] ?? 'download'} />}
        items={formats.map((f) => ({
          label: f.menu?.item ?? f.label,
          // One build at a time: a pick while one runs is ignored.
          onSelect: () => (busy ? undefined : run(f)),
        }))}
      />
      <span role="status" className="sr-only">
        {busy ? `Building the ${what(busy)}…` : ''}
      </span>
    </div>
  );
}

type Entry = { menu: string; formats: ExportFormat[] } | { format: ExportFormat };

/** The formats in registry order, those sharing a menu gathered where the first of them stands. */
function entries(formats: readonly ExportFormat[]): Entry[] {
  const list: Entry[] = [];
  const menus = new Map<string, ExportFormat[]>();
  for (const format of formats) {
    const menu = format.menu?.name;
    if (menu === undefined) {
      list.push({ format });
      continue;
    }
    const group = menus.get(menu);
    if (group) group.push(format);
    else {
      const created = [format];
      menus.set(menu, created);
      list.push({ menu, formats: created });
    }
  }
  return list;
}

const ENTRIES = entries(EXPORT_FORMATS);

/** A button per export format, or a menu per group of formats (see EXPORT_FORMATS). */
export function ExportButtons() {
  useEffect(() => whenIdle(() => EXPORT_FORMATS.filter((f) => QUICK.has(f.id)).forEach(preload)), []);
  return (
    <div role="group" aria-label="Export" className="flex items-center gap-1.5">
      <span
        aria-hidden="true"
        className="hidden text-xs font-semibold text-slate-600 min-[1360px]:inline dark:text-slate-300"
      >
        Export
      </span>
      {ENTRIES.map((e) =>
        'format' in e ? (
          <ExportButton key={e.format.id} format={e.format} />
        ) : (
          <ExportMenu key={`menu:${e.menu}`} name={e.menu} formats={e.formats} />
        ),
      )}
    </div>
  );
}
