/** Teams manifest schema version Tulay writes; its schema ships with @microsoft/app-manifest. */
export const MANIFEST_VERSION = '1.19';
export const DEFAULT_ACCENT_COLOR = '#0E7C86';

export type TeamsManifestJson = Record<string, unknown> & { manifestVersion: string };

export interface ManifestOptions {
  /** The Azure Bot's Microsoft App ID (MicrosoftAppId). */
  botId: string;
  /** The Teams app's own id; defaults to the bot id, as most single-bot apps do. */
  appId?: string;
  name?: string;
  /** Semver; bump it for every upload, Teams refuses to replace an app with the same version. */
  version?: string;
  /** Host names the app may open (e.g. the web chat or agent console host); URLs are reduced to their host. */
  validDomains?: string[];
  developerName?: string;
  websiteUrl?: string;
  privacyUrl?: string;
  termsOfUseUrl?: string;
  accentColor?: string;
}

export const COLOR_ICON_FILE = 'color.png';
export const OUTLINE_ICON_FILE = 'outline.png';

/** `https://tulay.example.com/x` → `tulay.example.com`; Teams rejects schemes and paths here. */
export function toDomain(value: string): string {
  const trimmed = value.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) return new URL(trimmed).host;
  return trimmed.replace(/\/.*$/, '');
}

function siteUrls(options: ManifestOptions, domains: string[]) {
  const base = options.websiteUrl ?? (domains[0] ? `https://${domains[0]}/` : undefined);
  if (!base) {
    throw new Error(
      'teams/manifest: a website URL is required (pass websiteUrl or a valid domain to derive it from)',
    );
  }
  const root = base.endsWith('/') ? base : `${base}/`;
  return {
    websiteUrl: base,
    privacyUrl: options.privacyUrl ?? `${root}privacy`,
    termsOfUseUrl: options.termsOfUseUrl ?? `${root}terms`,
  };
}

const COMMANDS = [
  { title: 'help', description: 'What I can answer: IT, HR and finance questions' },
  { title: 'agent', description: 'Talk to a person from the IT, HR or finance team' },
];

/** The Teams app manifest for Tulay's bot in personal chats, team channels and group chats. */
export function buildManifest(options: ManifestOptions): TeamsManifestJson {
  const name = options.name ?? 'Tulay';
  const domains = [...new Set((options.validDomains ?? []).map(toDomain).filter((d) => d !== ''))];
  const scopes = ['personal', 'team', 'groupChat'];
  return {
    $schema: `https://developer.microsoft.com/en-us/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    manifestVersion: MANIFEST_VERSION,
    version: options.version ?? '1.0.0',
    id: options.appId ?? options.botId,
    developer: { name: options.developerName ?? 'Kidlat Electronics IT', ...siteUrls(options, domains) },
    name: { short: name, full: `${name} — IT, HR and finance help` },
    description: {
      short: 'Answers IT, HR and finance questions and connects you to a person.',
      full:
        `${name} answers employees' IT, HR and finance questions from the company knowledge base, ` +
        'in English, Filipino and Urdu. Chat with it directly, or @mention it in a channel or group chat. ' +
        "Say 'agent' at any time to reach a person from the right team.",
    },
    icons: { color: COLOR_ICON_FILE, outline: OUTLINE_ICON_FILE },
    accentColor: options.accentColor ?? DEFAULT_ACCENT_COLOR,
    bots: [
      {
        botId: options.botId,
        scopes,
        isNotificationOnly: false,
        supportsFiles: false,
        commandLists: [{ scopes, commands: COMMANDS }],
      },
    ],
    defaultInstallScope: 'personal',
    validDomains: domains,
  };
}
