/** Versioned schema for SQLite; append new versions, never edit an applied one. */
export const SQLITE_MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'state, transcripts, feedback',
    sql: `
      CREATE TABLE state (key TEXT PRIMARY KEY, etag TEXT NOT NULL, data TEXT NOT NULL);
      CREATE TABLE transcript (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        conversation_id TEXT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('in','out')),
        activity TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX transcript_conversation ON transcript (conversation_id, id);
      CREATE TABLE feedback (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        data TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX feedback_kind_time ON feedback (kind, created_at);
    `,
  },
  // Handoff (src/handoff). Dates are epoch milliseconds like version 1; JSON is TEXT.
  {
    version: 2,
    name: 'handoff tickets, notes, agents, sessions',
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
        reference TEXT NOT NULL,
        summary TEXT NOT NULL,
        contact TEXT,
        csat TEXT,
        resolution_note TEXT,
        assigned_agent_id TEXT,
        created_at INTEGER NOT NULL,
        queued_at INTEGER NOT NULL,
        accepted_at INTEGER,
        closed_at INTEGER,
        last_customer_at INTEGER,
        notified_position INTEGER,
        offline_offered_at INTEGER,
        updated_at INTEGER NOT NULL
      );
      -- At most one open handoff per conversation, enforced by the database for every instance.
      CREATE UNIQUE INDEX handoff_ticket_one_open ON handoff_ticket (conversation_id) WHERE state IN ('queued','assigned');
      CREATE INDEX handoff_ticket_work ON handoff_ticket (state, queue, priority_rank DESC, created_at);
      CREATE INDEX handoff_ticket_agent ON handoff_ticket (assigned_agent_id, state);
      CREATE INDEX handoff_ticket_created ON handoff_ticket (created_at);
      CREATE TABLE handoff_note (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ticket_id TEXT NOT NULL REFERENCES handoff_ticket (id) ON DELETE CASCADE,
        agent_id TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX handoff_note_ticket ON handoff_note (ticket_id, id);
      CREATE TABLE agent (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        queues TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('agent','admin')),
        password_hash TEXT NOT NULL,
        presence TEXT NOT NULL DEFAULT 'away' CHECK (presence IN ('available','away')),
        last_active_at INTEGER,
        last_seen_at INTEGER,
        connected_at INTEGER,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE agent_session (
        token_hash TEXT PRIMARY KEY,
        agent_id TEXT NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
        csrf_token TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX agent_session_expiry ON agent_session (expires_at);
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
        created_at INTEGER NOT NULL
      );
      CREATE TABLE directline_activity (
        conversation_id TEXT NOT NULL REFERENCES directline_conversation (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        activity TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (conversation_id, seq)
      );
      CREATE INDEX directline_conversation_created ON directline_conversation (created_at);
    `,
  },
];
