import type { Exporter } from './types';

export interface ExportFormat {
  id: string;
  /** The button's name in the app. */
  label: string;
  /** Loaded when first used, so heavy formats (PDF) cost nothing until someone exports. */
  load: () => Promise<Exporter>;
}

/** Every export format. Adding one is a module exporting an Exporter plus one line here. */
export const EXPORT_FORMATS: readonly ExportFormat[] = [
  { id: 'plan', label: 'Export plan', load: () => import('./planFile').then((m) => m.exportPlanFile) },
  { id: 'csv', label: 'Export CSV', load: () => import('./csv').then((m) => m.exportCsv) },
  { id: 'pdf', label: 'Export PDF', load: () => import('./pdf').then((m) => m.exportPdf) },
];
