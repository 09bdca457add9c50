-- Integrations (the back ends that call the API with a key of their own),
-- the record of their calls, rule-based segments with their history, and
-- the auto-deletion of that history.

CREATE TABLE integrations (
  site_id TEXT NOT NULL REFERENCES sites (id),
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL
    CHECK (kind IN ('website', 'backend_api', 'sending_service_webhook')),
  -- JSON array of the operation names this integration may call.
  operations TEXT NOT NULL,
  -- SHA-256 of the current key, hex (edge/auth/secret.ts). Rotation
  -- replaces it, so the old key stops working at once.
  secret_hash TEXT NOT NULL UNIQUE,
  -- The key's last four characters, so a merchant can tell keys apart.
  key_hint TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  key_created_at INTEGER NOT NULL,
  revoked_at INTEGER,
  PRIMARY KEY (site_id, id)
);

-- One row per call made with an integration's key. Kept 30 days: the
-- scheduled handler removes older rows by `at`, across sites.
CREATE TABLE integration_log (
  site_id TEXT NOT NULL,
  integration_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  request_id TEXT NOT NULL,
  method TEXT NOT NULL,
  path TEXT NOT NULL,
  -- JSON array of the operations the call named (empty when the body
  -- could not be read).
  operations TEXT NOT NULL,
  status INTEGER NOT NULL,
  duration_ms INTEGER NOT NULL,
  error_code TEXT,
  error_message TEXT,
  -- The request body with secrets masked, cut to 4 KB.
  payload TEXT NOT NULL,
  payload_truncated INTEGER NOT NULL DEFAULT 0,
  -- JSON object of a few request headers, Authorization masked.
  headers TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX integration_log_by_site ON integration_log (site_id, at);
CREATE INDEX integration_log_by_integration ON integration_log (site_id, integration_id, at);
CREATE INDEX integration_log_by_age ON integration_log (at);

CREATE TABLE segments (
  site_id TEXT NOT NULL REFERENCES sites (id),
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  -- JSON {type, ...}, validated by edge/segments/rule.ts on write.
  rule TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  -- When the members were last recomputed; NULL before the first time.
  computed_at INTEGER,
  PRIMARY KEY (site_id, id)
);

-- Who is in each segment now: what the next recompute compares against.
CREATE TABLE segment_memberships (
  site_id TEXT NOT NULL,
  segment_id TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  since INTEGER NOT NULL,
  PRIMARY KEY (site_id, segment_id, customer_id)
);

-- Every entry into and exit from a segment. Auto-deletion removes old rows
-- segment by segment, so the index leads with the segment.
CREATE TABLE segment_history (
  site_id TEXT NOT NULL,
  segment_id TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  change TEXT NOT NULL CHECK (change IN ('entered', 'exited')),
  at INTEGER NOT NULL
);
CREATE INDEX segment_history_by_segment ON segment_history (site_id, segment_id, at);
CREATE INDEX segment_history_by_customer ON segment_history (site_id, customer_id, at);

-- Auto-deletion of segment history, per site. No row, or history_days
-- NULL: nothing is deleted.
CREATE TABLE retention_settings (
  site_id TEXT PRIMARY KEY REFERENCES sites (id),
  history_days INTEGER CHECK (history_days IS NULL OR history_days >= 1),
  updated_at INTEGER NOT NULL
);

-- Segments whose history auto-deletion never touches.
CREATE TABLE retention_exceptions (
  site_id TEXT NOT NULL,
  segment_id TEXT NOT NULL,
  PRIMARY KEY (site_id, segment_id)
);
