import {
  EXPORT_FORMATS,
  type DiagramView,
  type ExportFormat,
  type ExportResult,
  type FormatExporter as Exporter,
} from '../../domain/export';
import { derive, usePlanner } from '../state';
import { ExportCancelled, ExportUnsupported, buildInWorker } from '../workers/export';
import { notesAsker } from './files';
import { downloadText } from '../persistence';

/*
 * Running an export: loading a format's code, building its file from the open plan, and saving
 * it. Loaded with the list of formats (see ExportButtons), so it is here before any pick.
 */

const loading = new Map<string, Promise<Exporter>>();
const loaded = new Map<string, Exporter>();
const lastBuildMs = new Map<string, number>();

/** Loads a format's code once (later calls share the load); a failed load is tried again next time. */
export function loadExporter(format: ExportFormat): Promise<Exporter> {
  let pending = loading.get(format.id);
  if (!pending) {
    pending = format.load().then((exporter) => {
      loaded.set(format.id, exporter);
      return exporter;
    });
    pending.catch(() => loading.delete(format.id));
    loading.set(format.id, pending);
  }
  return pending;
}

/**
 * Formats whose code is small and whose build takes milliseconds: their code is loaded into the
 * page while it is idle, and a pick builds and saves the file at once. Every other format (and a
 * quick one whose last build was slow) is built by the export worker, which loads its own code:
 * the page never loads it (see runExport).
 */
const QUICK = new Set(['plan', 'csv', 'grouped-csv']);

/**
 * A response within 100 ms feels immediate; a quick format whose last build took longer than that
 * (a very large plan) shows progress first the next time.
 */
const IMMEDIATE_MS = 100;

/** Loads the quick formats' code (a load that fails here is tried again, and reported, on export). */
export function preloadQuick(formats: readonly ExportFormat[]) {
  for (const f of formats) if (QUICK.has(f.id)) loadExporter(f).catch(() => undefined);
}

/**
 * Runs an export picked from the menu: within the pick when it is quick, otherwise after painting
 * a busy state (`busy` is told the format, then undefined when it is done).
 */
export function startExport(format: ExportFormat, busy: (format: ExportFormat | undefined) => void) {
  const exporter = loaded.get(format.id);
  if (exporter && QUICK.has(format.id) && (lastBuildMs.get(format.id) ?? 0) < IMMEDIATE_MS) {
    // Quick enough to feel immediate: build and save within the click, no progress to show.
    void exportWith(format, exporter);
    return;
  }
  busy(format);
  // Let the busy state paint before the work starts.
  requestAnimationFrame(() =>
    setTimeout(() => {
      void runExport(format).finally(() => busy(undefined));
    }, 0),
  );
}

/**
 * Builds one format's file from the open plan with a loaded exporter and downloads it. A quick
 * format's file is made and saved before this returns (within the click); a format that loads
 * more first (the PDF's font) finishes when the returned promise does.
 */
export function exportWith(format: ExportFormat, exporter: Exporter): Promise<void> | undefined {
  const { plan, includeInternal } = usePlanner.getState();
  const start = performance.now();
  const save = (file: ExportResult) => saveResult(format, file, start);
  const fail = (e: unknown) => {
    lastBuildMs.set(format.id, performance.now() - start);
    failed(format, e);
  };
  try {
    performance.mark(`portolan:export:${format.id}:start`);
    const file = exporter({
      plan,
      derivation: derive(plan),
      scope: { includeInternal },
      date: new Date(),
      ...viewOf(),
    });
    if (file instanceof Promise) return file.then(save, fail);
    save(file);
  } catch (e) {
    fail(e);
  }
  return undefined;
}

/** The diagrams draw what the canvas shows: with "Group similar hosts" on, the stacks. */
function viewOf(): { view?: DiagramView } {
  const { groupHosts, expandedStacks } = usePlanner.getState();
  return groupHosts ? { view: { stacks: { expanded: expandedStacks } } } : {};
}

/** Saves a built file (after saying what it cannot express), or says why there is none. */
function saveResult(format: ExportFormat, file: ExportResult, start: number) {
  const { notify } = usePlanner.getState();
  // Measured by `npm run bench`.
  performance.measure(`portolan:export:${format.id}`, `portolan:export:${format.id}:start`);
  lastBuildMs.set(format.id, performance.now() - start);
  // A format this plan cannot have (no device of that vendor) says why; nothing is saved.
  if ('refused' in file) {
    notify({ tone: 'error', title: `${format.label}: nothing to export`, detail: file.refused });
    return;
  }
  const download = () => {
    downloadText(file.filename, file.data, file.mime);
    notify({ tone: 'success', title: `Saved ${file.filename}` });
  };
  // What the format cannot express is said before the file is saved, never left for the reader
  // of the file to find.
  const ask = notesAsker();
  if (!file.notes?.length || !ask) return download();
  const count = file.notes.length;
  void ask(
    `${file.filename} cannot express ${count === 1 ? 'one thing' : `${count} things`} in the plan`,
    `${file.notes.join('\n')}\n\nEach is written as a comment where the rule would be; apply it by hand or on another device.`,
  ).then((ok) => ok && download());
}

function failed(format: ExportFormat, e: unknown) {
  usePlanner.getState().notify({
    tone: 'error',
    title: `${format.label} failed`,
    detail: e instanceof Error ? e.message : String(e),
  });
}

/** The formats of the domain's registry build in the export worker, off the main thread. */
const IN_WORKER = new Set(EXPORT_FORMATS.map((f) => f.id));
/** A build that takes longer than this offers Cancel. */
const CANCEL_AFTER_MS = 1000;

/**
 * Runs one export format on the open plan and downloads the file. The domain's formats are built
 * in the export worker, so the page stays responsive however large the plan; so is the PNG, drawn
 * on the worker's OffscreenCanvas, or where workers have none, from the worker's SVG by the page.
 * Past a second, a notice offers Cancel.
 */
export async function runExport(format: ExportFormat): Promise<void> {
  const inWorker = IN_WORKER.has(format.id) || format.id === PNG;
  if (!inWorker) {
    let exporter: Exporter;
    try {
      exporter = await loadExporter(format);
    } catch (e) {
      return failed(format, e);
    }
    return exportWith(format, exporter);
  }
  const { plan, includeInternal, notify, dismiss, updateNotice } = usePlanner.getState();
  const start = performance.now();
  performance.mark(`portolan:export:${format.id}:start`);
  let done: number | null = null;
  let notice: number | undefined;
  const tell = (share: number | null) => {
    done = share;
    if (notice !== undefined) updateNotice(notice, { progress: done });
  };
  const request = { plan, scope: { includeInternal }, date: new Date(), ...viewOf() };
  /** A build in the worker whose progress fills `workerShare` of the bar. */
  const build = (id: string, workerShare: number) =>
    buildInWorker({ ...request, format: id, progress: (share) => tell(share * workerShare) });
  let job = build(format.id, 1);
  const slow = setTimeout(() => {
    notice = notify({
      tone: 'info',
      title: `Building the ${format.item}…`,
      detail: 'Portolan stays usable meanwhile; the file is saved when it is ready.',
      persist: true,
      progress: done,
      actions: [{ label: 'Cancel', run: () => job.cancel() }],
    });
  }, CANCEL_AFTER_MS);
  try {
    let file: ExportResult;
    try {
      file = await job.result;
    } catch (e) {
      if (format.id !== PNG || !(e instanceof ExportUnsupported)) throw e;
      // No OffscreenCanvas in this browser's workers: the worker builds the SVG and the page draws
      // it, its last step, which the worker's share of the bar ends short of.
      job = build('diagram-svg', 0.8);
      file = await job.result;
      if (!('refused' in file)) {
        tell(null);
        file = await pngOf(file.data as string, file.filename);
      }
    }
    saveResult(format, file, start);
  } catch (e) {
    lastBuildMs.set(format.id, performance.now() - start);
    if (e instanceof ExportCancelled) notify({ tone: 'info', title: `The ${format.item} was not built.` });
    else failed(format, e);
  } finally {
    clearTimeout(slow);
    if (notice !== undefined) dismiss(notice);
  }
}

const PNG = 'diagram-png';

/** The PNG of a diagram whose SVG the worker built, drawn by the page (see runExport). */
async function pngOf(svg: string, svgName: string): Promise<ExportResult> {
  const { svgToPng } = await import('./png');
  return { filename: svgName.replace(/\.svg$/, '.png'), mime: 'image/png', data: await svgToPng(svg) };
}
