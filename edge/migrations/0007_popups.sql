-- Pop-ups (countdown, social proof, upsell, cross-sell) and the start times
-- of evergreen countdowns, which the edge keeps so that a visitor clearing
-- the browser's storage does not get a fresh timer.

CREATE TABLE popups (
  site_id TEXT NOT NULL REFERENCES sites (id),
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  template TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1,
  -- Lower shows first when several pop-ups could show on one page view.
  priority INTEGER NOT NULL DEFAULT 100,
  -- JSON, each validated on write: the template's settings, then the
  -- targeting and frequency rules shared by every template.
  settings TEXT NOT NULL,
  targeting TEXT NOT NULL,
  frequency TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (site_id, id)
);

-- One row per visitor and evergreen countdown: `subject` is "d:<device>"
-- or "c:<customer>". The earliest start of the visitor's subjects wins.
CREATE TABLE popup_timers (
  site_id TEXT NOT NULL,
  popup_id TEXT NOT NULL,
  subject TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  PRIMARY KEY (site_id, popup_id, subject)
);
