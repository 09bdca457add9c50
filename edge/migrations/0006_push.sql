-- Web push and the customer profile: the push state of each device, the
-- sites' VAPID keys, the pushes sent, discount cards and their per-site
-- custom fields. Devices themselves (id, customer, first and last seen from
-- actions) stay in `devices`; a device's push state is one row here.

-- One key pair per site (RFC 8292). The private key is a JWK that no route
-- answers; see edge/push/vapid-keys.ts for what would keep it out of D1.
CREATE TABLE push_vapid_keys (
  site_id TEXT PRIMARY KEY REFERENCES sites (id),
  -- Uncompressed P-256 point, base64url: the applicationServerKey.
  public_key TEXT NOT NULL,
  private_jwk TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE device_push (
  site_id TEXT NOT NULL REFERENCES sites (id),
  device_id TEXT NOT NULL,
  platform TEXT NOT NULL CHECK (platform IN ('web', 'ios', 'android')),
  permission TEXT NOT NULL
    CHECK (permission IN ('granted', 'denied', 'default', 'unsupported')),
  -- Web: the PushSubscription. Endpoints are checked against the known
  -- push services on write (edge/push/endpoint.ts).
  endpoint TEXT,
  p256dh TEXT,
  auth TEXT,
  -- PushSubscription.expirationTime, epoch ms, when the browser gave one.
  expires_at INTEGER,
  -- The site's VAPID public key the subscription was made with: once the
  -- key is rotated, the subscription can no longer be used.
  vapid_key TEXT,
  -- Mobile apps: the APNs or FCM registration token.
  token TEXT,
  browser TEXT,
  os TEXT,
  device_type TEXT CHECK (device_type IN ('desktop', 'mobile', 'tablet', 'unknown')),
  user_agent TEXT,
  first_seen INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  -- Set when a push service answered 404 or 410 (the subscription is gone)
  -- or refused the message; cleared by the next report of a subscription.
  unreachable_reason TEXT,
  unreachable_at INTEGER,
  PRIMARY KEY (site_id, device_id)
);
CREATE INDEX device_push_by_endpoint ON device_push (site_id, endpoint);

-- Each push sent to a customer: which device, why it was chosen, and what
-- the push service answered.
CREATE TABLE push_sends (
  site_id TEXT NOT NULL REFERENCES sites (id),
  id TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  device_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  -- delivered | gone | rejected | failed | skipped
  outcome TEXT NOT NULL,
  status INTEGER,
  sent_at INTEGER NOT NULL,
  PRIMARY KEY (site_id, id)
);
CREATE INDEX push_sends_by_customer ON push_sends (site_id, customer_id, sent_at);

-- Custom fields of discount cards, defined per site; card values are
-- validated against them on write (edge/customers/card-fields.ts).
CREATE TABLE card_fields (
  site_id TEXT NOT NULL REFERENCES sites (id),
  name TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('text', 'number', 'date', 'boolean', 'choice')),
  required INTEGER NOT NULL DEFAULT 0,
  -- JSON array of the allowed values, for type 'choice'; NULL otherwise.
  choices TEXT,
  position INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (site_id, name)
);

CREATE TABLE discount_cards (
  site_id TEXT NOT NULL REFERENCES sites (id),
  number TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active', 'blocked', 'expired')),
  -- A card holds a balance (minor units of the site's currency), a level,
  -- both or neither.
  balance_minor INTEGER,
  level TEXT,
  -- JSON object of custom field values, by field name.
  fields TEXT NOT NULL DEFAULT '{}',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (site_id, number)
);
CREATE INDEX discount_cards_by_customer ON discount_cards (site_id, customer_id);
