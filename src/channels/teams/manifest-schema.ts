import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

interface SchemaError {
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}
type CompiledSchema = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };
type AjvConstructor = new (options: Record<string, unknown>) => { compile(schema: object): CompiledSchema };
type AddFormats = (ajv: object, formats: string[]) => void;

const require = createRequire(import.meta.url);
const manifestPackageMain = require.resolve('@microsoft/app-manifest');
// The package's own ajv@8, wherever npm put it: the top-level `ajv` here is eslint's ajv@6.
const requireFromManifestPackage = createRequire(manifestPackageMain);

/** The official Teams schema for a manifest version, from the files @microsoft/app-manifest bundles. */
export function loadBundledSchema(manifestVersion: string): Record<string, unknown> {
  const file = path.join(
    path.dirname(manifestPackageMain),
    'json-schemas',
    'teams',
    `v${manifestVersion}`,
    'MicrosoftTeams.schema.json',
  );
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    // Never fall back to fetching the $schema URL: packaging must work offline and reproducibly.
    throw new Error(
      `teams/manifest: no bundled schema for manifest v${manifestVersion} in @microsoft/app-manifest (${file})`,
    );
  }
  // Same clean-up as AppManifestUtils.fetchSchema: some schema versions contain \a and \v escapes.
  return JSON.parse(raw.replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as Record<string, unknown>;
}

const compiled = new Map<string, CompiledSchema>();

function compile(manifestVersion: string): CompiledSchema {
  const hit = compiled.get(manifestVersion);
  if (hit) return hit;
  const ajvVersion = (requireFromManifestPackage('ajv/package.json') as { version: string }).version;
  if (!ajvVersion.startsWith('8.')) {
    throw new Error(`teams/manifest: @microsoft/app-manifest resolved ajv ${ajvVersion}; it needs ajv 8`);
  }
  const Ajv = requireFromManifestPackage('ajv') as AjvConstructor;
  const addFormats = requireFromManifestPackage('ajv-formats') as AddFormats;
  // Same options as AppManifestUtils.validateAgainstSchema. The draft-04 marker is dropped
  // because ajv 8 core only knows draft-07; the Teams schemas use no draft-04-only keyword.
  const { $schema: _draft04, ...schema } = loadBundledSchema(manifestVersion);
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  compiled.set(manifestVersion, validate);
  return validate;
}

function valueAt(data: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>(
      (node, key) =>
        (node as Record<string, unknown> | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')],
      data,
    );
}

const HINTS: [RegExp, string][] = [
  [/^\/bots\/\d+\/botId$/, "the bot id is the Azure Bot's Microsoft App ID (MicrosoftAppId), a GUID"],
  [/^\/id$/, 'the Teams app id must be a GUID'],
  [/^\/version$/, 'the app version must be semver like 1.0.0'],
];

/** Schema errors as readable lines; an empty list means the manifest is valid. */
export function validateManifest(manifest: { manifestVersion: string }): string[] {
  const validate = compile(manifest.manifestVersion);
  // Round-trip so that keys holding `undefined` (absent in the written file) are not judged.
  const data: unknown = JSON.parse(JSON.stringify(manifest));
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => {
    const where = e.instancePath || '(root)';
    const got = e.instancePath ? ` (got ${JSON.stringify(valueAt(data, e.instancePath))})` : '';
    const hint = HINTS.find(([pattern]) => pattern.test(e.instancePath))?.[1];
    const extra =
      e.params && 'additionalProperty' in e.params ? ` "${String(e.params.additionalProperty)}"` : '';
    return `${where} ${e.message ?? 'is invalid'}${extra}${got}${hint ? ` — ${hint}` : ''}`;
  });
}

/** Throws one error listing every schema problem, naming the schema version. */
export function assertValidManifest(manifest: { manifestVersion: string }): void {
  const problems = validateManifest(manifest);
  if (problems.length > 0) {
    throw new Error(
      `teams/manifest: manifest.json does not match the Teams v${manifest.manifestVersion} schema:\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
  }
}
