import type { ExportFormat, ExportResult, FormatExporter as Exporter } from '../../domain/export';
import { derive, usePlanner } from '../state';
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

/** The format's exporter if its code is already here, so it can run without waiting. */
export const loadedExporter = (format: ExportFormat): Exporter | undefined => loaded.get(format.id);

/** How long the format's last build took, in milliseconds, if it has run. */
export const lastBuildTime = (format: ExportFormat): number | undefined => lastBuildMs.get(format.id);

/**
 * Builds one format's file from the open plan with a loaded exporter and downloads it. A quick
 * format's file is made and saved before this returns (within the click); a format that loads
 * more first (the PDF's font) finishes when the returned promise does.
 */
export function exportWith(format: ExportFormat, exporter: Exporter): Promise<void> | undefined {
  const { plan, includeInternal, groupHosts, expandedStacks, notify } = usePlanner.getState();
  const start = performance.now();
  const save = (file: ExportResult) => {
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
  };
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
      // The diagrams draw what the canvas shows: with "Group similar hosts" on, the stacks.
      ...(groupHosts ? { view: { stacks: { expanded: expandedStacks } } } : {}),
    });
    if (file instanceof Promise) return file.then(save, fail);
    save(file);
  } catch (e) {
    fail(e);
  }
  return undefined;
}

function failed(format: ExportFormat, e: unknown) {
  usePlanner.getState().notify({
    tone: 'error',
    title: `${format.label} failed`,
    detail: e instanceof Error ? e.message : String(e),
  });
}

/** Runs one export format on the open plan and downloads the file, loading its code first if need be. */
export async function runExport(format: ExportFormat): Promise<void> {
  let exporter: Exporter;
  try {
    exporter = await loadExporter(format);
  } catch (e) {
    return failed(format, e);
  }
  await exportWith(format, exporter);
}
