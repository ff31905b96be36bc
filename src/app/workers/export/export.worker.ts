import { deriveFlows } from '../../../domain/engine';
import { EXPORT_FORMATS, diagramFileStem, type ExportFile, type ExportResult } from '../../../domain/export';
import type { ExportReply, ExportRequest } from './protocol';

/*
 * Builds export files off the page's main thread, so a PDF or a firewall file of a large plan
 * never freezes the tab (the PDF of 1,000 hosts held it for 14 s). Each format's code loads here
 * when first asked for, as in the page.
 */

const transferables = (result: ExportResult): Transferable[] =>
  !('refused' in result) && result.data instanceof ArrayBuffer ? [result.data] : [];

/** The PNG of the diagram, which the registry leaves to the app: it needs a canvas. */
const PNG = 'diagram-png';

/** This browser's workers have no 2D canvas: the page draws the PNG from the SVG instead. */
class NoCanvas extends Error {
  constructor() {
    super('this browser cannot draw the diagram in a worker (no OffscreenCanvas)');
  }
}

/**
 * The diagram PNG drawn here on an OffscreenCanvas: painting the SVG in the page held it for
 * almost a second at 1,000 hosts, in one task nothing could split.
 */
async function diagramPng(
  { plan, scope, view, date }: ExportRequest,
  progress: (done: number, of: number) => void,
): Promise<ExportFile> {
  if (typeof OffscreenCanvas === 'undefined') throw new NoCanvas();
  const { canvasSize, diagramSize, drawDiagram, planDiagram, rasterScale } =
    await import('../../../domain/export/diagramCanvas');
  const { scene, meta } = planDiagram({
    plan,
    derivation: deriveFlows(plan),
    scope,
    date: new Date(date),
    ...(view ? { view } : {}),
  });
  progress(1, 3);
  const size = diagramSize(scene, meta);
  const scale = rasterScale(size.width, size.height);
  const pixels = canvasSize(size, scale);
  const context = new OffscreenCanvas(pixels.width, pixels.height).getContext('2d');
  if (!context) throw new NoCanvas();
  drawDiagram(context, scene, meta, scale);
  progress(2, 3);
  const blob = await context.canvas.convertToBlob({ type: 'image/png' });
  return { filename: `${diagramFileStem(plan.name)}.png`, mime: 'image/png', data: await blob.arrayBuffer() };
}

self.onmessage = async (event: MessageEvent<ExportRequest>) => {
  const { id, format, plan, scope, view, date } = event.data;
  let reply: ExportReply;
  try {
    // At most one progress message a tenth of a second: the page has a bar to move, no more.
    let told = 0;
    const progress = (done: number, of: number) => {
      const now = performance.now();
      if (now - told < 100 || of <= 0) return;
      told = now;
      const message: ExportReply = { id, progress: Math.min(1, Math.max(0, done / of)) };
      self.postMessage(message);
    };
    let result: ExportResult;
    if (format === PNG) {
      result = await diagramPng(event.data, progress);
    } else {
      const entry = EXPORT_FORMATS.find((f) => f.id === format);
      if (!entry) throw new Error(`there is no export format "${format}"`);
      const exporter = await entry.load();
      result = await exporter({
        plan,
        derivation: deriveFlows(plan),
        scope,
        date: new Date(date),
        progress,
        ...(view ? { view } : {}),
      });
    }
    reply = { id, ok: true, result };
    self.postMessage(reply, { transfer: transferables(result) });
    return;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    reply =
      e instanceof NoCanvas ? { id, ok: false, message, unsupported: true } : { id, ok: false, message };
  }
  self.postMessage(reply);
};
