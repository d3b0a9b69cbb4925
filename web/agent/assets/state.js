// Shared console state and the small selectors that many parts read.
import { ApiError } from './api.js';

export const BASE_TITLE = 'Tulay · Agent console';

export const state = {
  me: null,
  presence: 'away',
  /** id → { ticket, receivedAt } for queued, assigned and offline tickets */
  tickets: new Map(),
  unread: new Map(),
  tab: 'queue',
  view: 'inbox',
  /** the ticket in the workspace: { id, ticket, ids: Set of transcript item ids, noteIds } */
  open: null,
  openSeq: 0,
  canned: [],
  agents: [],
  socket: null,
  tickTimer: null,
  refetchTimer: null,
  lastTypingSentAt: 0,
  customerTypingTimer: null,
  lastPingAt: 0,
};

export const errorText = (err) =>
  err instanceof ApiError || err instanceof Error ? err.message : String(err);
export const customerName = (t) => t?.summary?.customer?.name || t?.contact?.name || 'Customer';
export const ticketQuestion = (t) => t?.summary?.question || t?.contact?.message || '';
export const isMine = (t) => t?.state === 'assigned' && t.assignedAgentId === state.me?.id;

export function presenceStatus(p) {
  const s = typeof p === 'string' ? p : p?.status;
  return s === 'available' ? 'available' : 'away';
}

/** Other agents can also be "offline" (no console open). */
export function presenceLabel(p) {
  const s = typeof p === 'string' ? p : p?.status;
  return s === 'available' || s === 'offline' ? s : 'away';
}

export function agentName(id) {
  if (id === state.me?.id) return 'You';
  return state.agents.find((a) => a.id === id)?.displayName ?? 'Agent';
}
