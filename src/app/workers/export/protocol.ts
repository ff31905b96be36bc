import type { DiagramView, ExportResult, RequestScope } from '../../../domain/export';
import type { Plan } from '../../../domain/plan';

/**
 * One export to build off the page's main thread: a format of the domain's registry, by id, or
 * 'diagram-png', which the worker draws itself where it has an OffscreenCanvas.
 */
export interface ExportRequest {
  id: number;
  format: string;
  plan: Plan;
  scope: RequestScope;
  view?: DiagramView;
  /** When the export is made, in milliseconds since the epoch. */
  date: number;
}

export type ExportReply =
  | { id: number; ok: true; result: ExportResult }
  /** `unsupported`: this browser's workers cannot build the format (no OffscreenCanvas for the PNG). */
  | { id: number; ok: false; message: string; unsupported?: true }
  /** How far the build is, as a share from 0 to 1: sent while it runs. */
  | { id: number; progress: number };
