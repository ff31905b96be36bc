import type { Derivation } from '../engine';
import type { Plan } from '../plan';
import type { RequestScope } from './rows';

export interface ExportInput {
  plan: Plan;
  derivation: Derivation;
  scope: RequestScope;
  /** When the export is made (a parameter so tests can fix it). */
  date: Date;
}

export interface ExportFile {
  filename: string;
  mime: string;
  data: string | ArrayBuffer;
}

export type Exporter = (input: ExportInput) => ExportFile;
