/** Product ids from item names, and the demo shop's aisle paths from
 * category names; the evaluation slugs baskets with it too, so its ids
 * match the ones in D1. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
