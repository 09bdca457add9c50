-- Requests the per-operation ceiling turned away, one row per site,
-- operation and minute (minute = epoch ms of its start). Written by the
-- limiter objects once a minute closes, so a flood costs one row a minute.
CREATE TABLE limiter_rejections (
  site_id TEXT NOT NULL,
  operation TEXT NOT NULL,
  minute INTEGER NOT NULL,
  rejected INTEGER NOT NULL,
  PRIMARY KEY (site_id, operation, minute)
);
