-- Promotions and the rounding of promotional prices. Amounts are integer
-- minor units of the currency named on the row (the site's currency when
-- the row was written): a row of another currency than the site's is never
-- applied, so changing a site's currency cannot turn 2.50 USD into 250 JPY.

CREATE TABLE promotions (
  site_id TEXT NOT NULL REFERENCES sites (id),
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('percent-off', 'amount-off', 'fixed-price')),
  -- percent-off: ten-thousandths of a percent (12.5 % is 125000);
  -- amount-off and fixed-price: minor units of currency.
  value INTEGER NOT NULL CHECK (value >= 0),
  currency TEXT NOT NULL,
  target_type TEXT NOT NULL CHECK (target_type IN ('product', 'category', 'order')),
  -- The product id or the category name; NULL for order promotions.
  target TEXT,
  min_order_value INTEGER,
  -- Epoch ms; live from starts_at (inclusive) to ends_at (exclusive).
  starts_at INTEGER,
  ends_at INTEGER,
  -- JSON {mode?, step?, scope?} replacing the site's rounding settings for
  -- this promotion; step in minor units. NULL: the site's settings.
  rounding TEXT,
  enabled INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (site_id, id)
);

-- One row per site that chose its rounding; a site without a row uses the
-- defaults written in edge/promotions/rounding.ts (half-up, one minor
-- unit, per unit price), so the defaults can improve without a migration.
CREATE TABLE rounding_settings (
  site_id TEXT PRIMARY KEY REFERENCES sites (id),
  mode TEXT NOT NULL CHECK (mode IN ('half-up', 'half-even')),
  step INTEGER NOT NULL CHECK (step >= 1),
  scope TEXT NOT NULL CHECK (scope IN ('unit', 'line', 'order')),
  currency TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
