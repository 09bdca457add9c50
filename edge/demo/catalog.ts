/** The demo shop's reads of its catalogue, straight from the `products`
 * table the seed fills (edge/seed/seed-statements.ts). */
import type { ProductCard } from "../contract";
import { slugify } from "../seed/slug";

/** The site whose catalogue the demo shows. */
export const DEMO_SITE = "demo";

export interface Aisle {
  name: string;
  slug: string;
  count: number;
}

interface ProductRow {
  id: string;
  name: string;
  category: string;
  price_minor: number;
  url: string;
  image_url: string;
}

const COLUMNS = "id, name, category, price_minor, url, image_url";

function toCard(row: ProductRow): ProductCard {
  return {
    id: row.id,
    name: row.name,
    category: row.category,
    price: row.price_minor,
    url: row.url,
    image: row.image_url,
  };
}

export async function listAisles(db: D1Database): Promise<Aisle[]> {
  const { results } = await db
    .prepare(
      `SELECT category, count(*) AS count FROM products WHERE site_id = ?
       GROUP BY category ORDER BY category`,
    )
    .bind(DEMO_SITE)
    .all<{ category: string; count: number }>();
  return results.map((row) => ({
    name: row.category,
    slug: slugify(row.category),
    count: row.count,
  }));
}

export async function findProduct(
  db: D1Database,
  id: string,
): Promise<ProductCard | null> {
  const row = await db
    .prepare(`SELECT ${COLUMNS} FROM products WHERE site_id = ? AND id = ?`)
    .bind(DEMO_SITE, id)
    .first<ProductRow>();
  return row ? toCard(row) : null;
}

export async function productsInAisle(
  db: D1Database,
  category: string,
  limit = 200,
): Promise<ProductCard[]> {
  const { results } = await db
    .prepare(
      `SELECT ${COLUMNS} FROM products WHERE site_id = ? AND category = ?
       ORDER BY name LIMIT ?`,
    )
    .bind(DEMO_SITE, category, limit)
    .all<ProductRow>();
  return results.map(toCard);
}
