import type { DiagramView, ExportResult, RequestScope } from '../../../domain/export';
import type { Plan } from '../../../domain/plan';

/** One export to build off the page's main thread: a format of the domain's registry, by id. */
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
  | { id: number; ok: false; message: string }
  /** How far the build is, as a share from 0 to 1: sent while it runs. */
  | { id: number; progress: number };
