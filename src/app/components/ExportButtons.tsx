import { useEffect, useState } from 'react';
import { EXPORT_FORMATS, type ExportFormat } from '../../domain/export';
import { exportWith, lastBuildTime, loadExporter, loadedExporter, runExport } from '../lib/files';
import { Icon, type IconName } from './Icon';
import { Button } from './ui';
import { whenIdle } from '../lib/idle';

const EXPORT_ICON: Record<string, IconName> = { plan: 'download', csv: 'table', pdf: 'file' };

/**
 * Formats whose code is small and whose build takes milliseconds: their code is loaded while the
 * page is idle, and a click builds and saves the file at once. The PDF loads when someone points
 * at its button and always shows progress first, as its build takes about a second.
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

function ExportButton({ format }: { format: ExportFormat }) {
  const [busy, setBusy] = useState(false);
  const what = format.label.replace(/^Export /, '');
  const short = what.charAt(0).toUpperCase() + what.slice(1);
  return (
    <Button
      aria-label={format.label}
      title={format.label}
      aria-busy={busy}
      disabled={busy}
      onPointerEnter={() => preload(format)}
      onFocus={() => preload(format)}
      onClick={() => {
        const exporter = loadedExporter(format);
        if (exporter && QUICK.has(format.id) && (lastBuildTime(format) ?? 0) < IMMEDIATE_MS) {
          // Quick enough to feel immediate: build and save within the click, no progress to show.
          void exportWith(format, exporter);
          return;
        }
        setBusy(true);
        // Let the busy state paint before the work starts.
        requestAnimationFrame(() =>
          setTimeout(() => {
            void runExport(format).finally(() => setBusy(false));
          }, 0),
        );
      }}
    >
      {busy ? (
        <span className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" />
      ) : (
        <Icon name={EXPORT_ICON[format.id] ?? 'download'} />
      )}
      {busy ? `Building ${what}…` : short}
      <span role="status" className="sr-only">
        {busy ? `Building the ${what}…` : ''}
      </span>
    </Button>
  );
}

/** A button per export format (see EXPORT_FORMATS). */
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
      {EXPORT_FORMATS.map((f) => (
        <ExportButton key={f.id} format={f} />
      ))}
    </div>
  );
}
