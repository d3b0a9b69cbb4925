import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { COLOR_ICON_SIZE, OUTLINE_ICON_SIZE, colorIcon, outlineIcon } from './icons.js';
import { encodePng, pngSize } from './png.js';

/** Pixels of a PNG written by encodePng (RGBA, filter None); enough to check what we generate. */
function rgbaOf(png: Buffer): Uint8Array {
  const chunks: Buffer[] = [];
  for (let offset = 8; offset < png.length;) {
    const length = png.readUInt32BE(offset);
    if (png.toString('ascii', offset + 4, offset + 8) === 'IDAT')
      chunks.push(png.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const rows = inflateSync(Buffer.concat(chunks));
  const width = png.readUInt32BE(16);
  const out: number[] = [];
  for (let y = 0; y * (width * 4 + 1) < rows.length; y++) {
    const row = rows.subarray(y * (width * 4 + 1), (y + 1) * (width * 4 + 1));
    expect(row[0]).toBe(0);
    out.push(...row.subarray(1));
  }
  return Uint8Array.from(out);
}

describe('Teams icons', () => {
  it('are PNGs of the sizes Teams requires', () => {
    expect(pngSize(colorIcon('#0E7C86'))).toEqual({ width: COLOR_ICON_SIZE, height: COLOR_ICON_SIZE });
    expect(pngSize(outlineIcon())).toEqual({ width: OUTLINE_ICON_SIZE, height: OUTLINE_ICON_SIZE });
  });

  it('colour icon is opaque, with the accent as background and a white glyph', () => {
    const pixels = rgbaOf(colorIcon('#0E7C86'));
    expect(pixels.length).toBe(COLOR_ICON_SIZE * COLOR_ICON_SIZE * 4);
    expect([...pixels.subarray(0, 4)]).toEqual([0x0e, 0x7c, 0x86, 255]);
    expect(pixels.every((v, i) => i % 4 !== 3 || v === 255)).toBe(true);
    const white = pixels.findIndex(
      (_, i) => i % 4 === 0 && pixels[i] === 255 && pixels[i + 1] === 255 && pixels[i + 2] === 255,
    );
    expect(white).toBeGreaterThan(-1);
  });

  it('outline icon is white on transparency only', () => {
    const pixels = rgbaOf(outlineIcon());
    let drawn = 0;
    let clear = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if (pixels[i + 3] === 0) clear++;
      else drawn++;
    }
    expect(pixels.every((v, i) => i % 4 === 3 || v === 255)).toBe(true);
    expect(drawn).toBeGreaterThan(50);
    expect(clear).toBeGreaterThan(drawn);
  });

  it('rejects a malformed accent colour', () => {
    expect(() => colorIcon('teal')).toThrow('teams/icons: accent colour must look like #0e7c86, got "teal"');
  });
});

describe('png', () => {
  it('round-trips pixels and checks the buffer size', () => {
    const pixels = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...rgbaOf(encodePng(2, 1, pixels))]).toEqual([...pixels]);
    expect(() => encodePng(2, 2, pixels)).toThrow('teams/png: expected 16 bytes of RGBA, got 8');
  });

  it('pngSize is undefined for anything that is not a PNG', () => {
    expect(pngSize(Buffer.from('GIF89a not a png at all, really'))).toBeUndefined();
    expect(pngSize(Buffer.alloc(4))).toBeUndefined();
  });
});
