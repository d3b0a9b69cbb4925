/** Versioned schema for PostgreSQL; append new versions, never edit an applied one. */
export const POSTGRES_MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'state, transcripts, feedback',
    sql: `
      CREATE TABLE state (key TEXT PRIMARY KEY, etag TEXT NOT NULL, data JSONB NOT NULL);
      CREATE TABLE transcript (
        id BIGSERIAL PRIMARY KEY,
        conversation_id TEXT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('in','out')),
        activity JSONB NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE INDEX transcript_conversation ON transcript (conversation_id, id);
      CREATE TABLE feedback (
        id BIGSERIAL PRIMARY KEY,
        kind TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        data JSONB NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE INDEX feedback_kind_time ON feedback (kind, created_at);
    `,
  },
  // Handoff (src/handoff). handoff_event holds NOTIFY payloads too large for the 8000-byte limit.
  {
    version: 2,
    name: 'handoff tickets, notes, agents, sessions, events',
    sql: `
      CREATE TABLE handoff_ticket (
        id TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('queued','assigned','resolved','cancelled','abandoned','offline')),
        queue TEXT NOT NULL,
        priority TEXT NOT NULL CHECK (priority IN ('low','normal','high','urgent')),
        priority_rank INTEGER NOT NULL,
        channel TEXT NOT NULL,
        lang TEXT NOT NULL,
        reference JSONB NOT NULL,
        summary JSONB NOT NULL,
        contact JSONB,
        csat JSONB,
        resolution_note TEXT,
        assigned_agent_id TEXT,
        created_at TIMESTAMPTZ NOT NULL,
        queued_at TIMESTAMPTZ NOT NULL,
        accepted_at TIMESTAMPTZ,
        closed_at TIMESTAMPTZ,
        last_customer_at TIMESTAMPTZ,
        notified_position INTEGER,
        offline_offered_at TIMESTAMPTZ,
        updated_at TIMESTAMPTZ NOT NULL
      );
      -- At most one open handoff per conversation, enforced by the database for every instance.
      CREATE UNIQUE INDEX handoff_ticket_one_open ON handoff_ticket (conversation_id) WHERE state IN ('queued','assigned');
      CREATE INDEX handoff_ticket_work ON handoff_ticket (state, queue, priority_rank DESC, created_at);
      CREATE INDEX handoff_ticket_agent ON handoff_ticket (assigned_agent_id, state);
      CREATE INDEX handoff_ticket_created ON handoff_ticket (created_at);
      CREATE TABLE handoff_note (
        id BIGSERIAL PRIMARY KEY,
        ticket_id TEXT NOT NULL REFERENCES handoff_ticket (id) ON DELETE CASCADE,
        agent_id TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX handoff_note_ticket ON handoff_note (ticket_id, id);
      CREATE TABLE agent (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        queues JSONB NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('agent','admin')),
        password_hash TEXT NOT NULL,
        presence TEXT NOT NULL DEFAULT 'away' CHECK (presence IN ('available','away')),
        last_active_at TIMESTAMPTZ,
        last_seen_at TIMESTAMPTZ,
        connected_at TIMESTAMPTZ,
        created_at TIMESTAMPTZ NOT NULL
      );
      CREATE TABLE agent_session (
        token_hash TEXT PRIMARY KEY,
        agent_id TEXT NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
        csrf_token TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL,
        expires_at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX agent_session_expiry ON agent_session (expires_at);
      CREATE TABLE handoff_event (
        id BIGSERIAL PRIMARY KEY,
        payload JSONB NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE INDEX transcript_time ON transcript (created_at);
    `,
  },
  // Local Direct Line (src/channels/web): per-conversation watermarks survive restarts.
  {
    version: 10,
    name: 'directline conversations and activities',
    sql: `
      CREATE TABLE directline_conversation (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        locale TEXT,
        last_seq INTEGER NOT NULL DEFAULT 0,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE TABLE directline_activity (
        conversation_id TEXT NOT NULL REFERENCES directline_conversation (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        activity JSONB NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        PRIMARY KEY (conversation_id, seq)
      );
      CREATE INDEX directline_conversation_created ON directline_conversation (created_at);
    `,
  },
];
