import { useEffect, useState } from 'react';
import type { ExportFormat } from '../../domain/export';
import { loadWarnings } from '../state';
import { Icon } from '../ui';
import { Menu } from './Menu';
import { whenIdle } from './idle';

/**
 * Formats whose code is small and whose build takes milliseconds: their code is loaded into the
 * page while it is idle, and a click builds and saves the file at once. Every other format (and a
 * quick one whose last build was slow) is built by the export worker, which loads its own code:
 * the page never loads it (see runExport).
 */
const QUICK = new Set(['plan', 'csv', 'grouped-csv']);

/**
 * A response within 100 ms feels immediate; a quick format whose last build took longer than that
 * (a very large plan) shows progress first the next time.
 */
const IMMEDIATE_MS = 100;

function preload(format: ExportFormat) {
  // A load that fails here is tried again, and reported, when the person exports.
  runner?.loadExporter(format).catch(() => undefined);
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
    // The formats are listed only once the runner has loaded with them.
    const r = runner!;
    const exporter = r.loadedExporter(format);
    if (exporter && QUICK.has(format.id) && (r.lastBuildTime(format) ?? 0) < IMMEDIATE_MS) {
      // Quick enough to feel immediate: build and save within the click, no progress to show.
      void r.exportWith(format, exporter);
      return;
    }
    setBusy(format);
    // Let the busy state paint before the work starts.
    requestAnimationFrame(() =>
      setTimeout(() => {
        void r.runExport(format).finally(() => setBusy(undefined));
      }, 0),
    );
  };
  return { busy, run };
}

/*
 * The list of formats is a chunk of its own, asked for as soon as the app starts (a few hundred
 * bytes, there long before anyone opens the menu): every format added to the registry then costs
 * the initial bundle nothing. A failed load is tried again when the menu is next pointed at.
 */
let registry: Promise<readonly ExportFormat[]> | undefined;
let formats: readonly ExportFormat[] | undefined;
/** The code that runs an export, loaded with the list. */
const importRunner = () => import('../io/exportRun');
let runner: Awaited<ReturnType<typeof importRunner>> | undefined;
function loadFormats(): Promise<readonly ExportFormat[]> {
  // The warnings load too: the PDF prints them.
  registry ??= Promise.all([import('../io/exportFormats'), importRunner(), loadWarnings()]).then(
    ([m, r]) => {
      runner = r;
      return (formats = m.APP_EXPORT_FORMATS);
    },
    (e: unknown) => {
      registry = undefined;
      throw e;
    },
  );
  return registry;
}

/** The export formats, once their list has loaded. */
function useFormats(): readonly ExportFormat[] | undefined {
  const [list, setList] = useState(formats);
  useEffect(() => {
    let live = true;
    loadFormats().then(
      (f) => live && setList(f),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return list;
}

/**
 * The toolbar's Export menu: one item per format (see EXPORT_FORMATS in the domain's registry), a
 * menu so further formats fit. While a slow format builds, the button shows progress and says so
 * to screen readers.
 */
export function ExportButtons() {
  const list = useFormats();
  useEffect(
    () => (list ? whenIdle(() => list.filter((f) => QUICK.has(f.id)).forEach(preload)) : undefined),
    [list],
  );
  const { busy, run } = useExport();
  const load = () => {
    if (list) list.filter((f) => QUICK.has(f.id)).forEach(preload);
    else loadFormats().catch(() => undefined);
  };
  return (
    <div onPointerEnter={load} onFocus={load}>
      <Menu
        label="Export"
        icon={busy ? <Spinner /> : <Icon name="download" />}
        loading={list ? undefined : 'Loading formats…'}
        items={(list ?? []).map((f) => ({
          label: f.item,
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
