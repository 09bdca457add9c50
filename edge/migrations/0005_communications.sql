-- Communications: campaigns, their messages, each customer's delivery of a
-- message, and the events the sending service reports about it.
--
-- delivery_events is the only source of truth. deliveries, delivery_daily
-- and address_status are derived from the set of events (by event time,
-- never by arrival order), so an event received twice or late gives the
-- same rows as the events received once and in order.

CREATE TABLE campaigns (
  site_id TEXT NOT NULL REFERENCES sites (id),
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (site_id, id)
);

CREATE TABLE messages (
  site_id TEXT NOT NULL REFERENCES sites (id),
  id TEXT NOT NULL,
  campaign_id TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('email', 'webpush', 'mobilepush')),
  -- The subject of an email, the title of a push notification.
  subject TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (site_id, id),
  FOREIGN KEY (site_id, campaign_id) REFERENCES campaigns (site_id, id)
);
CREATE INDEX messages_by_campaign ON messages (site_id, campaign_id);

-- One row per event id of the sending service: a resent event is ignored.
CREATE TABLE delivery_events (
  site_id TEXT NOT NULL,
  id TEXT NOT NULL,
  message_id TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  -- The email address, or the push subscription or device id.
  recipient TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('queued', 'sent', 'deferred', 'delivered',
    'bounced', 'opened', 'clicked', 'unsubscribed', 'complained')),
  at INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  -- The receiving server's answer, as the sending service reports it.
  smtp_status INTEGER,
  smtp_enhanced TEXT,
  smtp_text TEXT,
  bounce_kind TEXT CHECK (bounce_kind IN ('soft', 'hard')),
  url TEXT,
  PRIMARY KEY (site_id, id)
) WITHOUT ROWID;
-- A delivery's events, in time order: the derivation and the timeline.
CREATE INDEX delivery_events_by_delivery
  ON delivery_events (site_id, message_id, customer_id, at);
-- A customer's participation, newest first.
CREATE INDEX delivery_events_by_customer ON delivery_events (site_id, customer_id, at);
-- Soft and hard bounces of one address, for its deliverability.
CREATE INDEX delivery_events_bounces ON delivery_events (site_id, recipient, at)
  WHERE type = 'bounced';

-- One row per message and customer, derived from its events. Each *_at is
-- the time of the first event of that kind (NULL: none); `attempts` counts
-- deferrals plus the final delivery or bounce.
CREATE TABLE deliveries (
  site_id TEXT NOT NULL,
  message_id TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  recipient TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'deferred', 'delivered',
    'bounced')),
  attempts INTEGER NOT NULL,
  queued_at INTEGER,
  sent_at INTEGER,
  deferred_at INTEGER,
  delivered_at INTEGER,
  bounced_at INTEGER,
  bounce_kind TEXT,
  opened_at INTEGER,
  clicked_at INTEGER,
  unsubscribed_at INTEGER,
  complained_at INTEGER,
  last_event_at INTEGER NOT NULL,
  PRIMARY KEY (site_id, message_id, customer_id)
) WITHOUT ROWID;
CREATE INDEX deliveries_by_customer ON deliveries (site_id, customer_id);

-- Daily counts per message: how many deliveries had their first event of
-- each kind on that UTC day. Kept by the triggers below, so the dashboard
-- sums one row per message and day instead of scanning events; one row
-- with a column per kind rather than a row per kind, because the
-- dashboard reads them all and eight times fewer rows is what keeps a
-- month's overview of a busy site fast.
CREATE TABLE delivery_daily (
  site_id TEXT NOT NULL,
  day INTEGER NOT NULL, -- days since the Unix epoch, UTC
  message_id TEXT NOT NULL,
  sent INTEGER NOT NULL,
  delivered INTEGER NOT NULL,
  deferred INTEGER NOT NULL,
  bounced INTEGER NOT NULL,
  opened INTEGER NOT NULL,
  clicked INTEGER NOT NULL,
  unsubscribed INTEGER NOT NULL,
  complained INTEGER NOT NULL,
  PRIMARY KEY (site_id, day, message_id)
) WITHOUT ROWID;
-- One campaign's messages over a period.
CREATE INDEX delivery_daily_by_message ON delivery_daily (site_id, message_id, day);

-- A delivery adds one to each kind it has, on that kind's day.
CREATE TRIGGER deliveries_count_insert AFTER INSERT ON deliveries
BEGIN
  INSERT INTO delivery_daily (site_id, day, message_id, sent, delivered, deferred, bounced,
    opened, clicked, unsubscribed, complained)
  SELECT NEW.site_id, m.value / 86400000 AS d, NEW.message_id,
    sum(m.key = 'sent'), sum(m.key = 'delivered'), sum(m.key = 'deferred'),
    sum(m.key = 'bounced'), sum(m.key = 'opened'), sum(m.key = 'clicked'),
    sum(m.key = 'unsubscribed'), sum(m.key = 'complained')
  FROM json_each(json_object('sent', NEW.sent_at, 'delivered', NEW.delivered_at,
    'deferred', NEW.deferred_at, 'bounced', NEW.bounced_at, 'opened', NEW.opened_at,
    'clicked', NEW.clicked_at, 'unsubscribed', NEW.unsubscribed_at,
    'complained', NEW.complained_at)) AS m
  WHERE m.value IS NOT NULL
  GROUP BY d
  ON CONFLICT (site_id, day, message_id) DO UPDATE SET
    sent = sent + excluded.sent, delivered = delivered + excluded.delivered,
    deferred = deferred + excluded.deferred, bounced = bounced + excluded.bounced,
    opened = opened + excluded.opened, clicked = clicked + excluded.clicked,
    unsubscribed = unsubscribed + excluded.unsubscribed,
    complained = complained + excluded.complained;
END;

-- A late event can move a first time earlier or add one: take the old
-- row's counts back and add the new row's.
CREATE TRIGGER deliveries_count_update AFTER UPDATE ON deliveries
WHEN OLD.sent_at IS NOT NEW.sent_at OR OLD.delivered_at IS NOT NEW.delivered_at
  OR OLD.deferred_at IS NOT NEW.deferred_at OR OLD.bounced_at IS NOT NEW.bounced_at
  OR OLD.opened_at IS NOT NEW.opened_at OR OLD.clicked_at IS NOT NEW.clicked_at
  OR OLD.unsubscribed_at IS NOT NEW.unsubscribed_at
  OR OLD.complained_at IS NOT NEW.complained_at
BEGIN
  INSERT INTO delivery_daily (site_id, day, message_id, sent, delivered, deferred, bounced,
    opened, clicked, unsubscribed, complained)
  SELECT OLD.site_id, m.value / 86400000 AS d, OLD.message_id,
    -sum(m.key = 'sent'), -sum(m.key = 'delivered'), -sum(m.key = 'deferred'),
    -sum(m.key = 'bounced'), -sum(m.key = 'opened'), -sum(m.key = 'clicked'),
    -sum(m.key = 'unsubscribed'), -sum(m.key = 'complained')
  FROM json_each(json_object('sent', OLD.sent_at, 'delivered', OLD.delivered_at,
    'deferred', OLD.deferred_at, 'bounced', OLD.bounced_at, 'opened', OLD.opened_at,
    'clicked', OLD.clicked_at, 'unsubscribed', OLD.unsubscribed_at,
    'complained', OLD.complained_at)) AS m
  WHERE m.value IS NOT NULL
  GROUP BY d
  ON CONFLICT (site_id, day, message_id) DO UPDATE SET
    sent = sent + excluded.sent, delivered = delivered + excluded.delivered,
    deferred = deferred + excluded.deferred, bounced = bounced + excluded.bounced,
    opened = opened + excluded.opened, clicked = clicked + excluded.clicked,
    unsubscribed = unsubscribed + excluded.unsubscribed,
    complained = complained + excluded.complained;
  INSERT INTO delivery_daily (site_id, day, message_id, sent, delivered, deferred, bounced,
    opened, clicked, unsubscribed, complained)
  SELECT NEW.site_id, m.value / 86400000 AS d, NEW.message_id,
    sum(m.key = 'sent'), sum(m.key = 'delivered'), sum(m.key = 'deferred'),
    sum(m.key = 'bounced'), sum(m.key = 'opened'), sum(m.key = 'clicked'),
    sum(m.key = 'unsubscribed'), sum(m.key = 'complained')
  FROM json_each(json_object('sent', NEW.sent_at, 'delivered', NEW.delivered_at,
    'deferred', NEW.deferred_at, 'bounced', NEW.bounced_at, 'opened', NEW.opened_at,
    'clicked', NEW.clicked_at, 'unsubscribed', NEW.unsubscribed_at,
    'complained', NEW.complained_at)) AS m
  WHERE m.value IS NOT NULL
  GROUP BY d
  ON CONFLICT (site_id, day, message_id) DO UPDATE SET
    sent = sent + excluded.sent, delivered = delivered + excluded.delivered,
    deferred = deferred + excluded.deferred, bounced = bounced + excluded.bounced,
    opened = opened + excluded.opened, clicked = clicked + excluded.clicked,
    unsubscribed = unsubscribed + excluded.unsubscribed,
    complained = complained + excluded.complained;
END;

-- Addresses the site should stop sending to, derived from bounces: a hard
-- bounce, or soft bounces on 3 distinct UTC days within 7 days. `since` is
-- the event that decided it (the hard bounce, or the third day's bounce).
CREATE TABLE address_status (
  site_id TEXT NOT NULL,
  recipient TEXT NOT NULL,
  deliverable INTEGER NOT NULL,
  reason TEXT,
  since INTEGER,
  PRIMARY KEY (site_id, recipient)
) WITHOUT ROWID;

-- The secret the sending service sends to the delivery webhook, one per
-- site, stored as SHA-256 like the admin keys.
CREATE TABLE webhook_secrets (
  site_id TEXT PRIMARY KEY REFERENCES sites (id),
  secret_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
