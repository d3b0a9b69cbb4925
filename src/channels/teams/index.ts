export {
  addressesBot,
  audienceFor,
  cleanText,
  conversationKind,
  isBotMentioned,
  isTeams,
  shouldRespond,
  TEAMS_CHANNEL_ID,
  tenantIdOf,
  type TeamsConversationKind,
} from './activity.js';
export {
  createEmployeeIdentity,
  type EmployeeIdentity,
  type EmployeeIdentityOptions,
  type EmployeeIdentityResolver,
  type MemberLookup,
} from './identity.js';
export {
  ADAPTIVE_CARD_ACTION,
  ADAPTIVE_CARD_CONTENT_TYPE,
  MESSAGE_CONTENT_TYPE,
  invokeError,
  invokeResponse,
  readCardAction,
  type AdaptiveCardJson,
  type CardAction,
} from './card-actions.js';
export { NoHandoffEventToTeams } from './no-handoff-to-teams.js';
export {
  MANIFEST_VERSION,
  buildManifest,
  toDomain,
  type ManifestOptions,
  type TeamsManifestJson,
} from './manifest.js';
export { assertValidManifest, loadBundledSchema, validateManifest } from './manifest-schema.js';
export { buildAppPackage, type AppPackage, type AppPackageOptions } from './app-package.js';
