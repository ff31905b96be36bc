import { PNG_SCALE, diagramFileStem, planDiagramSvg, rasterScale } from '../../domain/export';
import type { Exporter } from '../../domain/export';

// The scale and its limits are the domain's, shared with the PNG the export worker draws itself.
export { PNG_SCALE, rasterScale };

/** A tile's side, in pixels of the diagram (see svgToPng). */
const TILE = 512;
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Draws an SVG document into a PNG: the SVG is loaded as an image from a Blob URL (index.html's
 * Content-Security-Policy allows `img-src blob:`), painted onto a white canvas at `scale` and encoded.
 */
export async function svgToPng(svg: string, wanted = PNG_SCALE): Promise<ArrayBuffer> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const { naturalWidth: width, naturalHeight: height } = image;
    if (!(width > 0 && height > 0)) throw new Error('the diagram could not be drawn (it has no size)');
    const scale = rasterScale(width, height, wanted);
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('the browser could not make a canvas this large');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    // Drawn a tile at a time, a task each: painting a large diagram at once held the page for
    // seconds (5.5 s at 1,000 hosts). Tile edges fall on whole pixels of the diagram, so no seam shows.
    const step = TILE * Math.max(1, Math.round(scale));
    for (let y = 0; y < canvas.height; y += step) {
      for (let x = 0; x < canvas.width; x += step) {
        const w = Math.min(step, canvas.width - x);
        const h = Math.min(step, canvas.height - y);
        context.drawImage(image, x / scale, y / scale, w / scale, h / scale, x, y, w, h);
        await nextTask();
      }
    }
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the browser could not encode the PNG (the diagram may be too large)');
    return await blob.arrayBuffer();
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * `<plan name>-diagram.png`: the SVG diagram drawn by the browser. It lives in the app, not the
 * domain, because it needs the DOM; the export registry loads it like any other format.
 */
export const exportDiagramPng: Exporter = async (input) => ({
  filename: `${diagramFileStem(input.plan.name)}.png`,
  mime: 'image/png',
  data: await svgToPng(planDiagramSvg(input)),
});
