import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { TEAMS_BOT } from '../../../test/helpers/teams.js';
import { buildAppPackage } from './app-package.js';
import { outlineIcon } from './icons.js';
import { validateManifest } from './manifest-schema.js';
import { pngSize } from './png.js';

const options = { botId: TEAMS_BOT.appId, validDomains: ['tulay.kidlat.example'] };

describe('buildAppPackage', () => {
  it('zips manifest.json and both icons at the root, with a manifest that passes the schema', async () => {
    const { zip, manifest } = await buildAppPackage(options);
    const archive = await JSZip.loadAsync(zip);
    expect(Object.keys(archive.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const written = JSON.parse(await archive.file('manifest.json')!.async('string')) as typeof manifest;
    expect(written).toEqual(manifest);
    expect(validateManifest(written)).toEqual([]);
    expect(pngSize(await archive.file('color.png')!.async('uint8array'))).toEqual({
      width: 192,
      height: 192,
    });
    expect(pngSize(await archive.file('outline.png')!.async('uint8array'))).toEqual({
      width: 32,
      height: 32,
    });
  });

  it('is reproducible for the same inputs', async () => {
    const [a, b] = await Promise.all([buildAppPackage(options), buildAppPackage(options)]);
    expect(a.zip.equals(b.zip)).toBe(true);
  });

  it('fails with the schema problems when the bot id is not a GUID', async () => {
    await expect(buildAppPackage({ ...options, botId: 'my-bot' })).rejects.toThrow(
      /teams\/manifest: manifest\.json does not match the Teams v1\.19 schema:[\s\S]*\/bots\/0\/botId .*\(got "my-bot"\)/,
    );
  });

  it('checks the size of icons it is given', async () => {
    await expect(buildAppPackage({ ...options, colorIcon: outlineIcon() })).rejects.toThrow(
      'teams/package: color.png must be 192×192 pixels, got 32×32',
    );
    await expect(buildAppPackage({ ...options, outlineIcon: Buffer.from('not a png') })).rejects.toThrow(
      'teams/package: outline.png is not a PNG file',
    );
  });
});
