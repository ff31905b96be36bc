import type { Derivation } from '../engine';
import type { Plan } from '../plan';
import type { RequestScope } from './rows';

/** How the canvas shows the plan, for the diagram exports to draw the same picture. */
export interface DiagramView {
  /** "Group similar hosts" is on: stacks of similar hosts, these (by key) opened host by host. */
  stacks?: { expanded: readonly string[] };
}

export interface ExportInput {
  plan: Plan;
  derivation: Derivation;
  scope: RequestScope;
  /** When the export is made (a parameter so tests can fix it). */
  date: Date;
  /** Absent: host by host. */
  view?: DiagramView;
  /**
   * Told how far a long build is (steps done of all its steps) between its steps, for a progress
   * bar; formats quick enough not to need one never call it.
   */
  progress?: (done: number, of: number) => void;
}

export interface ExportFile {
  filename: string;
  mime: string;
  data: string | ArrayBuffer;
  /**
   * What the format could not express (a DNS name where only addresses can be matched, a host
   * without an address): written as comments in the file, and shown to the person before the
   * download, never dropped silently.
   */
  notes?: string[];
}

/**
 * An export this plan cannot have, and why (a firewall file for a vendor none of the plan's
 * devices is): shown as an error, and nothing is downloaded.
 */
export interface ExportRefusal {
  refused: string;
}

export type ExportResult = ExportFile | ExportRefusal;

export const isRefusal = (result: ExportResult): result is ExportRefusal => 'refused' in result;

/** An export format: it may load more code first (the PDF's font) and return a promise. */
export type Exporter = (input: ExportInput) => ExportFile | Promise<ExportFile>;
/** A format that may refuse a plan (a firewall file for a vendor none of the plan's devices is). */
export type RefusingExporter = (input: ExportInput) => ExportResult;
/** Any format of the Export menu. */
export type FormatExporter = (input: ExportInput) => ExportResult | Promise<ExportResult>;
/** A format that returns its file at once, so it can download within the click (CSV, plan file). */
export type QuickExporter = (input: ExportInput) => ExportFile;
