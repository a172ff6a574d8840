import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';

/** jsqr's UMD bundle exports the function itself, while its typings declare it as `default`. */
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;

/** The text of the QR code in a PNG, decoded with jsQR; undefined when none is found. */
export function decodePng(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

/**
 * Rasterises an SVG QR code as `qrcode` draws it (one white square, then one stroked path of
 * horizontal runs: `M x y`, `m dx dy`, `h n`, 1 unit wide, centred on y) at `scale` pixels per
 * unit, and decodes it with jsQR. Throws on any other SVG: the test must not pass by accident.
 */
export function decodeSvg(svg: string, scale = 4): string | undefined {
  const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
  const d = /<path stroke="#000000" d="([^"]+)"/.exec(svg)?.[1];
  if (!size || !d) throw new Error('not an SVG drawn by qrcode');
  const dark = new Uint8Array(size * size);
  let x = 0;
  let y = 0;
  for (const [, op, args] of d.matchAll(/([MmHh])([^MmHh]*)/g)) {
    const n = args!
      .trim()
      .split(/[\s,]+/)
      .map(Number);
    if (op === 'M') [x, y] = [n[0]!, n[1]!];
    else if (op === 'm') [x, y] = [x + n[0]!, y + n[1]!];
    else {
      const to = op === 'H' ? n[0]! : x + n[0]!;
      for (let col = x; col < to; col++) dark[Math.floor(y) * size + col] = 1;
      x = to;
    }
  }
  const px = size * scale;
  const rgba = new Uint8ClampedArray(px * px * 4).fill(255);
  for (let py = 0; py < px; py++)
    for (let pxx = 0; pxx < px; pxx++) {
      if (!dark[Math.floor(py / scale) * size + Math.floor(pxx / scale)]) continue;
      const i = (py * px + pxx) * 4;
      rgba[i] = rgba[i + 1] = rgba[i + 2] = 0;
    }
  return jsQR(rgba, px, px)?.data;
}
