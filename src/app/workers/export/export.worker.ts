import { deriveFlows } from '../../../domain/engine';
import { EXPORT_FORMATS, type ExportResult } from '../../../domain/export';
import type { ExportReply, ExportRequest } from './protocol';

/*
 * Builds export files off the page's main thread, so a PDF or a firewall file of a large plan
 * never freezes the tab (the PDF of 1,000 hosts held it for 14 s). Each format's code loads here
 * when first asked for, as in the page.
 */

const transferables = (result: ExportResult): Transferable[] =>
  !('refused' in result) && result.data instanceof ArrayBuffer ? [result.data] : [];

self.onmessage = async (event: MessageEvent<ExportRequest>) => {
  const { id, format, plan, scope, view, date } = event.data;
  let reply: ExportReply;
  try {
    const entry = EXPORT_FORMATS.find((f) => f.id === format);
    if (!entry) throw new Error(`there is no export format "${format}"`);
    const exporter = await entry.load();
    // At most one progress message a tenth of a second: the page has a bar to move, no more.
    let told = 0;
    const progress = (done: number, of: number) => {
      const now = performance.now();
      if (now - told < 100 || of <= 0) return;
      told = now;
      const message: ExportReply = { id, progress: Math.min(1, Math.max(0, done / of)) };
      self.postMessage(message);
    };
    const result = await exporter({
      plan,
      derivation: deriveFlows(plan),
      scope,
      date: new Date(date),
      progress,
      ...(view ? { view } : {}),
    });
    reply = { id, ok: true, result };
    self.postMessage(reply, { transfer: transferables(result) });
    return;
  } catch (e) {
    reply = { id, ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  self.postMessage(reply);
};
