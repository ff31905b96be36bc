import { useEffect, useState } from 'react';
import type { ExportFormat } from '../../domain/export';
import { loadWarnings } from '../state';
import { Icon } from '../ui';
import { Menu } from './Menu';
import { whenIdle } from './idle';

/** "Export diagram (SVG)" → "diagram (SVG)": what is being made, for progress messages. */
const what = (format: ExportFormat) => format.label.replace(/^Export /, '');

const Spinner = () => (
  <span className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" />
);

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
  useEffect(() => (list ? whenIdle(() => runner?.preloadQuick(list)) : undefined), [list]);
  const [busy, setBusy] = useState<ExportFormat>();
  const load = () => {
    if (list) runner?.preloadQuick(list);
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
          onSelect: () => (busy ? undefined : runner!.startExport(f, setBusy)),
        }))}
      />
      <span role="status" className="sr-only">
        {busy ? `Building the ${what(busy)}…` : ''}
      </span>
    </div>
  );
}
