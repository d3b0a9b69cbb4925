import { parseArgs } from 'node:util';
import type { ManifestOptions } from './manifest.js';

export const DEFAULT_PACKAGE_PATH = 'dist/teams/tulay-teams.zip';

export const PACKAGE_USAGE = `Usage: npm run teams:package -- --bot-id <MicrosoftAppId> [options]

Writes a Teams app package (manifest.json, color.png, outline.png) after validating
the manifest offline against the official Teams schema.

  --bot-id <guid>          Azure Bot Microsoft App ID (required)
  --app-id <guid>          Teams app id (default: the bot id)
  --name <text>            App name, at most 30 characters (default: Tulay)
  --app-version <semver>   Bump for every re-upload (default: 1.0.0)
  --valid-domain <host>    Repeatable; a URL is reduced to its host (e.g. PUBLIC_URL)
  --website-url <url>      Developer website (default: https://<first valid domain>/)
  --privacy-url <url>      Default: <website>/privacy
  --terms-url <url>        Default: <website>/terms
  --developer <text>       Developer name shown in Teams (default: Kidlat Electronics IT)
  --accent-color <#hex>    Icon background (default: #0E7C86)
  --color-icon <png>       Own 192×192 colour icon instead of the generated one
  --outline-icon <png>     Own 32×32 white-on-transparent outline icon
  --out <file>             Default: ${DEFAULT_PACKAGE_PATH}
  --help`;

export interface PackageCliOptions extends ManifestOptions {
  out: string;
  colorIconPath?: string;
  outlineIconPath?: string;
  help: boolean;
}

/** Parses the teams:package arguments; throws with the usage-style message on mistakes. */
export function parsePackageArgs(argv: string[]): PackageCliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        'bot-id': { type: 'string' },
        'app-id': { type: 'string' },
        name: { type: 'string' },
        'app-version': { type: 'string' },
        'valid-domain': { type: 'string', multiple: true },
        'website-url': { type: 'string' },
        'privacy-url': { type: 'string' },
        'terms-url': { type: 'string' },
        developer: { type: 'string' },
        'accent-color': { type: 'string' },
        'color-icon': { type: 'string' },
        'outline-icon': { type: 'string' },
        out: { type: 'string', default: DEFAULT_PACKAGE_PATH },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (err) {
    throw new Error(`teams:package: ${(err as Error).message}`);
  }
  const botId = values['bot-id']?.trim() ?? '';
  if (!values.help && botId === '') {
    throw new Error('teams:package: --bot-id is required (the Azure Bot Microsoft App ID, MicrosoftAppId)');
  }
  return {
    botId,
    appId: values['app-id'],
    name: values.name,
    version: values['app-version'],
    validDomains: values['valid-domain'],
    websiteUrl: values['website-url'],
    privacyUrl: values['privacy-url'],
    termsOfUseUrl: values['terms-url'],
    developerName: values.developer,
    accentColor: values['accent-color'],
    colorIconPath: values['color-icon'],
    outlineIconPath: values['outline-icon'],
    out: values.out,
    help: values.help,
  };
}
