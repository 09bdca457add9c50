import type { ProductCard } from "../contract";
import { categorize, priceFor } from "./aisles";
import { slugify } from "./slug";

/** A seeded product has exactly the fields a widget shows (price in cents). */
export type Product = ProductCard;

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
