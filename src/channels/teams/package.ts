import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildAppPackage } from './app-package.js';
import { PACKAGE_USAGE, parsePackageArgs } from './package-args.js';

/** `npm run teams:package -- --bot-id <guid> ...`: builds, validates and writes the Teams app zip. */
async function main(argv: string[]): Promise<void> {
  const options = parsePackageArgs(argv);
  if (options.help) {
    console.log(PACKAGE_USAGE);
    return;
  }
  const read = (file: string | undefined, flag: string) =>
    file === undefined
      ? undefined
      : readFile(file).catch((err: Error) => {
          throw new Error(`teams:package: ${flag}: cannot read ${file}: ${err.message}`);
        });
  const pkg = await buildAppPackage({
    ...options,
    colorIcon: await read(options.colorIconPath, '--color-icon'),
    outlineIcon: await read(options.outlineIconPath, '--outline-icon'),
  });
  const out = path.resolve(options.out);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, pkg.zip);
  const shown = path.relative(process.cwd(), out);
  console.log(
    `teams:package: wrote ${shown.startsWith('..') ? out : shown} ` +
      `(manifest v${pkg.manifest.manifestVersion}, bot ${options.botId}, valid against the bundled schema)`,
  );
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  console.error('Run with --help for the options.');
  process.exitCode = 1;
});
