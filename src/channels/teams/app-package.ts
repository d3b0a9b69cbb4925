import JSZip from 'jszip';
import { COLOR_ICON_SIZE, OUTLINE_ICON_SIZE, colorIcon, outlineIcon } from './icons.js';
import {
  COLOR_ICON_FILE,
  DEFAULT_ACCENT_COLOR,
  OUTLINE_ICON_FILE,
  buildManifest,
  type ManifestOptions,
  type TeamsManifestJson,
} from './manifest.js';
import { assertValidManifest } from './manifest-schema.js';
import { pngSize } from './png.js';

export interface AppPackageOptions extends ManifestOptions {
  /** Own PNGs instead of the generated bridge icons; checked for Teams' sizes. */
  colorIcon?: Uint8Array;
  outlineIcon?: Uint8Array;
}

export interface AppPackage {
  zip: Buffer;
  manifest: TeamsManifestJson;
}

function checkIcon(png: Uint8Array, file: string, size: number): Uint8Array {
  const actual = pngSize(png);
  if (!actual) throw new Error(`teams/package: ${file} is not a PNG file`);
  if (actual.width !== size || actual.height !== size) {
    throw new Error(
      `teams/package: ${file} must be ${size}×${size} pixels, got ${actual.width}×${actual.height}`,
    );
  }
  return png;
}

/**
 * The zip users sideload or admins upload: manifest.json and both icons at the root (Teams
 * rejects packages whose files sit in a folder). Throws before zipping if the manifest is invalid.
 */
export async function buildAppPackage(options: AppPackageOptions): Promise<AppPackage> {
  const manifest = buildManifest(options);
  assertValidManifest(manifest);
  const color = checkIcon(
    options.colorIcon ?? colorIcon(options.accentColor ?? DEFAULT_ACCENT_COLOR),
    COLOR_ICON_FILE,
    COLOR_ICON_SIZE,
  );
  const outline = checkIcon(options.outlineIcon ?? outlineIcon(), OUTLINE_ICON_FILE, OUTLINE_ICON_SIZE);
  const zip = new JSZip();
  // A fixed date, so rebuilding unchanged inputs does not produce a different zip.
  const file = { date: new Date(Date.UTC(2020, 0, 1)) };
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, file);
  zip.file(COLOR_ICON_FILE, color, file);
  zip.file(OUTLINE_ICON_FILE, outline, file);
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });
  return { zip: bytes, manifest };
}
