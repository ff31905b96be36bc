import type { Exporter } from './types';

export interface ExportFormat {
  id: string;
  /** The button's name in the app. */
  label: string;
  /**
   * Formats with the same menu name sit behind one toolbar menu of that name, each as the item
   * `item`, so related formats (the diagram as SVG and PNG) take one button's room.
   */
  menu?: { name: string; item: string };
  /** Loaded when first used, so heavy formats (PDF) cost nothing until someone exports. */
  load: () => Promise<Exporter>;
}

/** Every export format. Adding one is a module exporting an Exporter plus one line here. */
export const EXPORT_FORMATS: readonly ExportFormat[] = [
  { id: 'plan', label: 'Export plan', load: () => import('./planFile').then((m) => m.exportPlanFile) },
  { id: 'csv', label: 'Export CSV', load: () => import('./csv').then((m) => m.exportCsv) },
  { id: 'pdf', label: 'Export PDF', load: () => import('./pdf').then((m) => m.exportPdf) },
  {
    id: 'diagram-svg',
    label: 'Export diagram (SVG)',
    menu: { name: 'Diagram', item: 'SVG' },
    load: () => import('./diagramSvg').then((m) => m.exportDiagramSvg),
  },
  /*
   * A PNG needs a browser canvas to draw the SVG, and the domain never touches the DOM. Rather than
   * give every exporter a post-step that only this one uses, the PNG exporter is an ordinary
   * Exporter kept in the app (it makes the SVG with the domain's function, then rasterises it),
   * and this line only loads it, on demand like the others. Outside a browser it loads but fails
   * when run.
   */
  {
    id: 'diagram-png',
    label: 'Export diagram (PNG)',
    menu: { name: 'Diagram', item: 'PNG' },
    load: () => import('../../app/lib/png').then((m) => m.exportDiagramPng),
  },
];
