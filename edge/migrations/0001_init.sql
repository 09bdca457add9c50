-- Vitrine's first schema. Times are Unix epoch milliseconds (INTEGER);
-- money is integer minor units of the site's currency. Every table that holds
-- a site's data leads its primary key with site_id, so no query can reach
-- across sites by accident and every index is naturally per site.

CREATE TABLE sites (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  -- JSON array of exact origins ("https://shop.example"), answered by CORS.
  allowed_origins TEXT NOT NULL DEFAULT '[]',
  locale TEXT NOT NULL DEFAULT 'en-US',
  currency TEXT NOT NULL DEFAULT 'USD',
  operation_ceiling INTEGER NOT NULL DEFAULT 15000,
  -- Bumped on every change to widgets or settings; part of the page ETag.
  config_version INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
);

CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL REFERENCES sites (id),
  name TEXT NOT NULL,
  -- SHA-256 of the secret, hex. Secrets are 32 random bytes, so a fast hash
  -- is enough: there is nothing to brute-force.
  secret_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);

CREATE TABLE products (
  site_id TEXT NOT NULL REFERENCES sites (id),
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  category TEXT NOT NULL,
  price_minor INTEGER NOT NULL,
  url TEXT NOT NULL,
  image_url TEXT NOT NULL,
  PRIMARY KEY (site_id, id)
);
CREATE INDEX products_by_category ON products (site_id, category);

CREATE TABLE customers (
  site_id TEXT NOT NULL REFERENCES sites (id),
  id TEXT NOT NULL,
  first_seen INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  PRIMARY KEY (site_id, id)
);

CREATE TABLE devices (
  site_id TEXT NOT NULL REFERENCES sites (id),
  id TEXT NOT NULL,
  customer_id TEXT,
  first_seen INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  PRIMARY KEY (site_id, id)
);
CREATE INDEX devices_by_customer ON devices (site_id, customer_id);

-- One row per visitor action, keyed by the id the client generated, so a
-- resent batch never stores a second row.
CREATE TABLE actions (
  site_id TEXT NOT NULL REFERENCES sites (id),
  id TEXT NOT NULL,
  operation TEXT NOT NULL,
  at INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  device_id TEXT,
  customer_id TEXT,
  product_id TEXT,
  data TEXT NOT NULL,
  PRIMARY KEY (site_id, id)
);
CREATE INDEX actions_by_device ON actions (site_id, device_id, operation, at);
CREATE INDEX actions_by_product ON actions (site_id, product_id, operation, at);
CREATE INDEX actions_by_customer ON actions (site_id, customer_id, at);

-- Order lines, derived from Order actions: the input of every
-- purchase-based recommendation. Keyed by order and product so that an order
-- reported twice (under two action ids) still counts once.
CREATE TABLE order_lines (
  site_id TEXT NOT NULL REFERENCES sites (id),
  order_id TEXT NOT NULL,
  product_id TEXT NOT NULL,
  quantity INTEGER NOT NULL,
  at INTEGER NOT NULL,
  customer_id TEXT,
  PRIMARY KEY (site_id, order_id, product_id)
);
CREATE INDEX order_lines_by_product ON order_lines (site_id, product_id, at);
CREATE INDEX order_lines_by_time ON order_lines (site_id, at);

CREATE TABLE widgets (
  site_id TEXT NOT NULL REFERENCES sites (id),
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  template TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1,
  -- JSON, validated by the template's own settings validation on write.
  settings TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (site_id, id)
);

-- Daily sales per product and per site, kept by triggers on order_lines so
-- they count exactly the lines stored (a deduplicated line never counts).
-- Bestsellers and the popularity prior of frequently-bought-together read
-- these few thousand rows instead of aggregating every order line.
CREATE TABLE product_sales (
  site_id TEXT NOT NULL,
  day INTEGER NOT NULL, -- days since the Unix epoch, UTC
  product_id TEXT NOT NULL,
  orders INTEGER NOT NULL,
  units INTEGER NOT NULL,
  PRIMARY KEY (site_id, day, product_id)
);

CREATE TABLE site_sales (
  site_id TEXT NOT NULL,
  day INTEGER NOT NULL,
  orders INTEGER NOT NULL,
  PRIMARY KEY (site_id, day)
);

CREATE TRIGGER order_lines_count_product AFTER INSERT ON order_lines
BEGIN
  INSERT INTO product_sales (site_id, day, product_id, orders, units)
  VALUES (NEW.site_id, NEW.at / 86400000, NEW.product_id, 1, NEW.quantity)
  ON CONFLICT (site_id, day, product_id) DO UPDATE SET
    orders = orders + 1,
    units = units + excluded.units;
END;

-- An order counts once, on its first stored line.
CREATE TRIGGER order_lines_count_order AFTER INSERT ON order_lines
WHEN NOT EXISTS (
  SELECT 1 FROM order_lines
  WHERE site_id = NEW.site_id AND order_id = NEW.order_id AND product_id <> NEW.product_id
)
BEGIN
  INSERT INTO site_sales (site_id, day, orders)
  VALUES (NEW.site_id, NEW.at / 86400000, 1)
  ON CONFLICT (site_id, day) DO UPDATE SET orders = orders + 1;
END;
