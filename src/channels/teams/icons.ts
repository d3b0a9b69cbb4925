import { encodePng } from './png.js';

/** Teams' required icon sizes (manifest `icons.color` and `icons.outline`). */
export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

const DECK_Y = [0.6, 0.68] as const;
const ARCH = { cx: 0.5, cy: 0.64, inner: 0.3, outer: 0.38 };
const HANGERS = [0.34, 0.5, 0.66];
const PIERS = [0.22, 0.72];

/** A bridge ("tulay" in Filipino) in the unit square, y pointing down. */
function inBridge(x: number, y: number): boolean {
  if (x >= 0.08 && x <= 0.92 && y >= DECK_Y[0] && y <= DECK_Y[1]) return true;
  const dx = x - ARCH.cx;
  const r = Math.hypot(dx, y - ARCH.cy);
  if (y <= ARCH.cy && r >= ARCH.inner && r <= ARCH.outer) return true;
  for (const hx of HANGERS) {
    const archY = ARCH.cy - Math.sqrt(Math.max(0, ARCH.inner ** 2 - (hx - ARCH.cx) ** 2));
    if (Math.abs(x - hx) <= 0.02 && y >= archY && y <= DECK_Y[0]) return true;
  }
  return PIERS.some((px) => x >= px && x <= px + 0.06 && y >= DECK_Y[1] && y <= 0.8);
}

/** Share of a pixel covered by the glyph (4×4 samples), so small icons keep smooth edges. */
function coverage(px: number, py: number, size: number, inset: number): number {
  const span = 1 - 2 * inset;
  let hits = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const u = ((px + (sx + 0.5) / 4) / size - inset) / span;
      const v = ((py + (sy + 0.5) / 4) / size - inset) / span;
      if (u >= 0 && u <= 1 && v >= 0 && v <= 1 && inBridge(u, v)) hits++;
    }
  }
  return hits / 16;
}

function parseHex(color: string): [number, number, number] {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!match) throw new Error(`teams/icons: accent colour must look like #0e7c86, got "${color}"`);
  return [parseInt(match[1]!, 16), parseInt(match[2]!, 16), parseInt(match[3]!, 16)];
}

/** 192×192 full-colour icon: a white bridge on the accent colour, inside Teams' safe area. */
export function colorIcon(accent: string): Buffer {
  const [r, g, b] = parseHex(accent);
  const size = COLOR_ICON_SIZE;
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const c = coverage(x, y, size, 0.16);
      const mix = (channel: number) => Math.round(channel + (255 - channel) * c);
      pixels.set([mix(r), mix(g), mix(b), 255], (y * size + x) * 4);
    }
  }
  return encodePng(size, size, pixels);
}

/** 32×32 outline icon: white only, on transparency, as Teams requires. */
export function outlineIcon(): Buffer {
  const size = OUTLINE_ICON_SIZE;
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Even fully transparent pixels stay white: validators check colour, not only alpha.
      pixels.set([255, 255, 255, Math.round(coverage(x, y, size, 0.03) * 255)], (y * size + x) * 4);
    }
  }
  return encodePng(size, size, pixels);
}
