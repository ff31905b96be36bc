import { EXPORT_FORMATS, type ExportFormat } from '../../domain/export';

/**
 * The Export menu: the domain's formats, then the PNG. A PNG needs a browser canvas to draw the
 * SVG, and the domain never touches the DOM (nor imports the app), so its exporter lives here and
 * registers here, loaded on demand like the others.
 */
export const APP_EXPORT_FORMATS: readonly ExportFormat[] = [
  ...EXPORT_FORMATS,
  {
    id: 'diagram-png',
    label: 'Export diagram (PNG)',
    item: 'Diagram (PNG)',
    load: () => import('./png').then((m) => m.exportDiagramPng),
  },
];
