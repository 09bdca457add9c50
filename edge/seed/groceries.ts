/**
 * Turns the Groceries baskets (edge/seed/data/groceries.csv) into the demo
 * shop: a catalogue, a month of orders and the SQL that loads them into D1.
 *
 * Everything here is pure and deterministic, with no Node or Workers API, so
 * the same module runs in the workerd tests, in the Node seed script and in
 * the worker (which draws the product pictures). Only the baskets are real
 * data; categories, prices, pictures, customers, devices and order times are
 * generated from hashes of the names and basket positions.
 */
import type { RecommendationSettings } from "../../templates/recommendations/settings";

// ---------------------------------------------------------------- baskets

/** Baskets of the CSV, one per non-empty line, item names trimmed. */
export function parseBaskets(csv: string): string[][] {
  const baskets: string[][] = [];
  for (const line of csv.split(/\r?\n/)) {
    const items = line
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item.length > 0);
    if (items.length > 0) baskets.push(items);
  }
  return baskets;
}

/** Every tenth basket is kept out of the shop so that the recommendation
 * evaluation can test on purchases the algorithms never saw. */
export function isHoldout(index: number): boolean {
  return index % 10 === 9;
}

export function splitBaskets(baskets: string[][]): {
  training: string[][];
  holdout: string[][];
} {
  return {
    training: baskets.filter((_, index) => !isHoldout(index)),
    holdout: baskets.filter((_, index) => isHoldout(index)),
  };
}

// ---------------------------------------------------------------- hashing

/** FNV-1a, 32 bits: tiny, stable across runtimes, good enough to spread
 * prices, colours and times. Not for anything secret. */
export function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

// ---------------------------------------------------------------- catalogue

export interface Product {
  id: string;
  name: string;
  category: string;
  /** Integer cents. */
  price: number;
  url: string;
  image: string;
}

/**
 * Aisles for the demo. The data set has no categories: these rules are ours.
 * An item goes to the first aisle with a word that starts a word of its
 * name, so "frozen fish" is Frozen before it could be Meat & fish. Each aisle
 * has a plausible price range in cents; prices end in 9.
 */
const AISLES: readonly { name: string; words: string[]; prices: [number, number] }[] = [
  { name: "Frozen", words: ["frozen", "ice cream"], prices: [199, 799] },
  {
    name: "Beer, wine & spirits",
    words: ["beer", "wine", "liquor", "liqueur", "rum", "whisky", "brandy", "prosecco"],
    prices: [299, 1299],
  },
  {
    name: "Drinks",
    words: ["juice", "water", "soda", "coffee", "tea", "beverages", "cocoa"],
    prices: [79, 599],
  },
  {
    name: "Pantry",
    words: [
      ...["canned", "pickled", "cooking chocolate", "powder", "specialty fat"],
      ...["instant food", "finished products", "potato products", "soups"],
      "sweetener",
    ],
    prices: [49, 699],
  },
  {
    name: "Health & beauty",
    words: [
      ...["dental", "hair", "skin", "soap", "make up", "cosmetics", "hygiene"],
      ...["sanitary", "rubbing alcohol"],
    ],
    prices: [149, 999],
  },
  {
    name: "Baby & pet",
    words: ["baby food", "cat food", "dog food", "pet care"],
    prices: [99, 899],
  },
  {
    name: "Household",
    words: [
      ...["clean", "detergent", "softener", "decalcifier", "napkins", "towels"],
      ...["bags", "film", "candles", "bulbs", "cookware", "dishes", "utensil"],
      ...["newspapers", "storage medium", "flower", "pot plants", "house keeping"],
      "preservation",
    ],
    prices: [99, 999],
  },
  {
    name: "Dairy & eggs",
    words: [
      ...["milk", "yogurt", "cream", "cheese", "curd", "butter", "margarine"],
      ...["eggs", "dessert"],
    ],
    prices: [59, 599],
  },
  {
    name: "Meat & fish",
    words: [
      ...["meat", "beef", "pork", "chicken", "turkey", "ham", "sausage"],
      ...["frankfurter", "fish", "liver loaf"],
    ],
    prices: [299, 1299],
  },
  {
    name: "Bakery",
    words: ["bread", "rolls", "roll products", "pastry", "zwieback", "bakery", "waffles"],
    prices: [99, 499],
  },
  {
    name: "Fruit & vegetables",
    words: [
      "fruit",
      "vegetables",
      "berries",
      "grapes",
      "onions",
      "herbs",
      "organic products",
    ],
    prices: [79, 399],
  },
  {
    name: "Snacks & sweets",
    words: [
      ...["chocolate", "candy", "chewing gum", "snack", "popcorn", "nuts"],
      ...["specialty bar", "cake bar", "tidbits"],
    ],
    prices: [49, 499],
  },
];

/** Where an item goes when no rule names it (salt, rice, jam, …). */
const FALLBACK_AISLE = { name: "Pantry", prices: [49, 699] as [number, number] };

function startsAWord(name: string, word: string): boolean {
  for (let at = name.indexOf(word); at >= 0; at = name.indexOf(word, at + 1)) {
    if (at === 0 || !/[a-z]/.test(name.charAt(at - 1))) return true;
  }
  return false;
}

function aisleOf(itemName: string): { name: string; prices: [number, number] } {
  const name = itemName.toLowerCase();
  const aisle = AISLES.find((each) => each.words.some((word) => startsAWord(name, word)));
  return aisle ?? FALLBACK_AISLE;
}

export function categorize(itemName: string): string {
  return aisleOf(itemName).name;
}

/** A stable price in cents within the aisle's range, ending in 9. */
export function priceFor(itemName: string): number {
  const [min, max] = aisleOf(itemName).prices;
  const steps = Math.floor((max - min) / 10) + 1;
  return min + (hash(`price:${itemName}`) % steps) * 10;
}

/** The data set writes names in lower case; a shop shelf label does not. */
function displayName(itemName: string): string {
  return itemName.charAt(0).toUpperCase() + itemName.slice(1);
}

/** One product per distinct item, in order of first appearance. */
export function buildCatalog(baskets: string[][]): Product[] {
  const byId = new Map<string, Product>();
  for (const basket of baskets) {
    for (const item of basket) {
      const id = slugify(item);
      const known = byId.get(id);
      if (known) {
        if (known.name !== displayName(item)) {
          throw new Error(`"${item}" and "${known.name}" would share the id ${id}`);
        }
        continue;
      }
      byId.set(id, {
        id,
        name: displayName(item),
        category: categorize(item),
        price: priceFor(item),
        url: `/demo/products/${id}`,
        image: `/demo/images/${id}.svg`,
      });
    }
  }
  return [...byId.values()];
}

// ---------------------------------------------------------------- orders

export interface OrderLine {
  product: string;
  quantity: number;
}

export interface Order {
  id: string;
  customer: string;
  device: string;
  /** Epoch milliseconds. */
  at: number;
  lines: OrderLine[];
}

export const DAY_MS = 86_400_000;
/** The orders fill the month before `now`, like the original data set. */
export const ORDER_WINDOW_DAYS = 30;
export const CUSTOMER_COUNT = 2000;
/** Coprime with CUSTOMER_COUNT, so every run of 2,000 consecutive orders
 * visits every customer once: each orders 4 or 5 times in the month. Real
 * shops are more skewed; the recommendations read baskets, not customers. */
const CUSTOMER_STRIDE = 1237;

function pad(value: number): string {
  return String(value).padStart(4, "0");
}

export function customerId(number: number): string {
  return `customer-${pad(number)}`;
}

/** One browser per customer: the device an order was placed from. */
export function deviceId(number: number): string {
  return `device-${pad(number)}`;
}

/** Merges repeated items of a basket into one line with a quantity. */
function linesOf(basket: string[]): OrderLine[] {
  const quantities = new Map<string, number>();
  for (const item of basket) {
    const id = slugify(item);
    quantities.set(id, (quantities.get(id) ?? 0) + 1);
  }
  return [...quantities].map(([product, quantity]) => ({ product, quantity }));
}

/** An order per training basket, ids numbered by CSV line, so order-0042 is
 * line 42 of the file. Holdout baskets are skipped. */
export function buildOrders(baskets: string[][], now: number): Order[] {
  const orders: Order[] = [];
  const windowSeconds = ORDER_WINDOW_DAYS * (DAY_MS / 1000);
  for (const [index, basket] of baskets.entries()) {
    if (isHoldout(index)) continue;
    const customer = ((orders.length * CUSTOMER_STRIDE) % CUSTOMER_COUNT) + 1;
    // Whole seconds, at least one before `now`, so no order is in the future.
    const secondsAgo = 1 + (hash(`at:${index}`) % windowSeconds);
    orders.push({
      id: `order-${pad(index + 1)}`,
      customer: customerId(customer),
      device: deviceId(customer),
      at: now - secondsAgo * 1000,
      lines: linesOf(basket),
    });
  }
  return orders;
}

// ---------------------------------------------------------------- widgets

export interface DemoWidget {
  id: string;
  settings: RecommendationSettings;
}

function widget(
  id: string,
  settings: Pick<RecommendationSettings, "title" | "algorithm" | "pages" | "count"> &
    Partial<RecommendationSettings>,
): DemoWidget {
  return {
    id,
    settings: {
      layout: "grid",
      // A year, not a month: the seed is written once, and a local database
      // kept for weeks should still show pairs. Bestsellers override it.
      windowDays: 365,
      buttonText: "View",
      accentColor: "#1f6f5c",
      ...settings,
    },
  };
}

/** The widgets of the demo shop; the placeholders in edge/demo use these ids. */
export const DEMO_WIDGETS: readonly DemoWidget[] = [
  widget("product-fbt", {
    title: "Frequently bought together",
    algorithm: "frequently-bought-together",
    pages: ["product"],
    count: 4,
  }),
  widget("product-similar", {
    title: "More from this aisle",
    algorithm: "similar",
    pages: ["product"],
    count: 4,
  }),
  widget("home-bestsellers", {
    title: "Bestsellers this month",
    algorithm: "bestsellers",
    pages: ["home", "category"],
    count: 8,
    // A month, as the title says. The seeded orders age out of it: a local
    // database seeded more than 30 days ago shows no bestsellers.
    windowDays: 30,
  }),
  widget("recently-viewed", {
    title: "Recently viewed",
    algorithm: "recently-viewed",
    pages: ["home", "product", "category", "cart"],
    count: 6,
  }),
  widget("cart-fbt", {
    title: "Complete your basket",
    algorithm: "frequently-bought-together",
    pages: ["cart"],
    count: 4,
  }),
];

// ---------------------------------------------------------------- SQL

export type SqlValue = string | number | null;

/** A SQLite literal. Strings are quoted with single quotes doubled, which is
 * the whole of SQLite's string escaping; numbers must be safe integers. */
export function sqlLiteral(value: SqlValue): string {
  if (value === null) return "NULL";
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) throw new Error(`${value} is not an integer`);
    return String(value);
  }
  if (value.includes("\0")) throw new Error("SQL text cannot hold a NUL character");
  return `'${value.replaceAll("'", "''")}'`;
}

/** Rows per INSERT, and bytes: D1 refuses statements over 100 KB. */
const MAX_ROWS = 500;
const MAX_BYTES = 90_000;

/** Multi-row INSERTs, split so that none is too long for D1. */
export function insertStatements(
  table: string,
  columns: readonly string[],
  rows: readonly SqlValue[][],
): string[] {
  const head = `INSERT INTO ${table} (${columns.join(", ")}) VALUES\n`;
  const statements: string[] = [];
  let tuples: string[] = [];
  let bytes = head.length;
  for (const row of rows) {
    const tuple = `(${row.map(sqlLiteral).join(", ")})`;
    if (tuples.length === MAX_ROWS || bytes + tuple.length + 2 > MAX_BYTES) {
      statements.push(head + tuples.join(",\n"));
      tuples = [];
      bytes = head.length;
    }
    tuples.push(tuple);
    bytes += tuple.length + 2;
  }
  if (tuples.length > 0) statements.push(head + tuples.join(",\n"));
  return statements;
}

export interface SeedOptions {
  /** Epoch milliseconds; orders fall in the 30 days before it. */
  now: number;
  siteId: string;
  /** Exact origins the site's CORS answers, e.g. "http://127.0.0.1:8787". */
  allowedOrigins: string[];
  /** `hashSecret()` of the admin key; the key itself is never stored. */
  adminSecretHash: string;
}

export const DEMO_SITE_NAME = "Green Basket (demo)";

/** Every statement that loads the demo shop into an empty, migrated
 * database, without trailing semicolons. Same input, same statements. */
export function seedStatements(csv: string, options: SeedOptions): string[] {
  const { now, siteId } = options;
  const baskets = parseBaskets(csv);
  const products = buildCatalog(baskets);
  const orders = buildOrders(baskets, now);

  // First and last order per customer, which is also their device's span.
  const seen = new Map<string, { device: string; first: number; last: number }>();
  for (const order of orders) {
    const known = seen.get(order.customer);
    if (!known) {
      seen.set(order.customer, { device: order.device, first: order.at, last: order.at });
      continue;
    }
    known.first = Math.min(known.first, order.at);
    known.last = Math.max(known.last, order.at);
  }
  const customers = [...seen].sort(([a], [b]) => a.localeCompare(b));

  return [
    ...insertStatements(
      "sites",
      ["id", "name", "allowed_origins", "locale", "currency", "created_at"],
      [
        [
          siteId,
          DEMO_SITE_NAME,
          JSON.stringify(options.allowedOrigins),
          "en-US",
          "USD",
          now,
        ],
      ],
    ),
    ...insertStatements(
      "api_keys",
      ["id", "site_id", "name", "secret_hash", "created_at"],
      [[`${siteId}-admin`, siteId, "Demo admin key", options.adminSecretHash, now]],
    ),
    ...insertStatements(
      "products",
      ["site_id", "id", "name", "category", "price_minor", "url", "image_url"],
      products.map((p) => [siteId, p.id, p.name, p.category, p.price, p.url, p.image]),
    ),
    ...insertStatements(
      "customers",
      ["site_id", "id", "first_seen", "last_seen"],
      customers.map(([id, span]) => [siteId, id, span.first, span.last]),
    ),
    ...insertStatements(
      "devices",
      ["site_id", "id", "customer_id", "first_seen", "last_seen"],
      customers.map(([id, span]) => [siteId, span.device, id, span.first, span.last]),
    ),
    ...insertStatements(
      "actions",
      [
        "site_id",
        "id",
        "operation",
        "at",
        "received_at",
        "device_id",
        "customer_id",
        "product_id",
        "data",
      ],
      orders.map((order) => [
        siteId,
        `seed-${order.id}`,
        "Order",
        order.at,
        order.at,
        order.device,
        order.customer,
        null,
        JSON.stringify({ order: order.id, items: order.lines }),
      ]),
    ),
    ...insertStatements(
      "order_lines",
      ["site_id", "order_id", "product_id", "quantity", "at", "customer_id"],
      orders.flatMap((order) =>
        order.lines.map((line) => [
          siteId,
          order.id,
          line.product,
          line.quantity,
          order.at,
          order.customer,
        ]),
      ),
    ),
    ...insertStatements(
      "widgets",
      ["site_id", "id", "name", "template", "settings", "created_at", "updated_at"],
      DEMO_WIDGETS.map((w) => [
        siteId,
        w.id,
        w.settings.title,
        "recommendations",
        JSON.stringify(w.settings),
        now,
        now,
      ]),
    ),
  ];
}

// ---------------------------------------------------------------- pictures

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function initials(name: string): string {
  return name
    .split(/[\s/().-]+/)
    .filter((word) => word.length > 0)
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase())
    .join("");
}

/** A generated picture for a product: its initials on a disc, its name
 * below, colours from a hash of the id. No photos: the data set has none. */
export function productImageSvg(product: { id: string; name: string }): string {
  const hue = hash(`hue:${product.id}`) % 360;
  const name = escapeXml(product.name);
  const text = `x="120" text-anchor="middle" font-family="system-ui, sans-serif"`;
  // Long names are squeezed to fit rather than cut.
  const fit =
    product.name.length > 22 ? ` textLength="216" lengthAdjust="spacingAndGlyphs"` : "";
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 240" width="240"`,
    ` height="240" role="img" aria-label="${name}">\n`,
    `<title>${name}</title>\n`,
    `<rect width="240" height="240" fill="hsl(${hue}, 60%, 90%)"/>\n`,
    `<circle cx="120" cy="100" r="64" fill="hsl(${hue}, 45%, 36%)"/>\n`,
    `<text ${text} y="100" dy="0.35em" font-size="44" font-weight="700" fill="#fff">`,
    `${escapeXml(initials(product.name))}</text>\n`,
    `<text ${text} y="204" font-size="16" fill="hsl(${hue}, 40%, 22%)"${fit}>`,
    `${name}</text>\n`,
    "</svg>\n",
  ].join("");
}
