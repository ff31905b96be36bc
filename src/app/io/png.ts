import { diagramFileStem, planDiagramSvg } from '../../domain/export';
import type { Exporter } from '../../domain/export';

/** Twice the diagram's size in pixels, so it stays sharp on high-density screens and when zoomed. */
export const PNG_SCALE = 2;
/*
 * Browsers refuse canvases past a limit (Chromium: 32,767 px a side and about 268 million pixels;
 * Safari less) and each pixel takes 4 bytes while it is drawn, so a very large plan gets a smaller
 * scale instead of a failed or blank image.
 */
const MAX_SIDE = 16_384;
const MAX_PIXELS = 40_000_000;

/** The scale for a `width` × `height` image: `wanted`, or less where the canvas would be too large. */
export function rasterScale(width: number, height: number, wanted = PNG_SCALE): number {
  if (!(width > 0 && height > 0)) return wanted;
  return Math.min(wanted, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_PIXELS / (width * height)));
}

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
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
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
