import type { ProductCard } from "../../../edge/contract";
import {
  LAYOUTS,
  MAX_ITEMS,
  type RecommendationSettings,
  recommendationDefaults,
} from "../../../templates/recommendations/settings";

// A copy of templates/validation.ts's isRecord: the base runtime imports
// that module too, and a module shared by the base and a chunk is moved by
// the bundler into a chunk of its own, one more request on every page.
// scripts/bench-size.ts fails when the base imports anything.
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Checks the settings the widget renders. The edge validated them in full
 * when they were saved; the full validator would cost every shopper ~0.5 KB
 * gzipped, so the fields the widget does not read take their defaults.
 * Unknown fields are ignored: an edge newer than a cached runtime may add
 * some.
 */
export function parseSettings(input: unknown): RecommendationSettings | undefined {
  if (!isRecord(input)) return undefined;
  const { title, count, buttonText, accentColor } = input;
  const layout = LAYOUTS.find((known) => known === input.layout);
  if (typeof title !== "string" || typeof buttonText !== "string") return undefined;
  if (typeof accentColor !== "string" || !layout) return undefined;
  if (typeof count !== "number" || !Number.isInteger(count)) return undefined;
  if (count < 1 || count > MAX_ITEMS) return undefined;
  return { ...recommendationDefaults, title, count, layout, buttonText, accentColor };
}

/** Whether `item` is a product card; malformed items are dropped alone. */
export function isProductCard(item: unknown): item is ProductCard {
  return (
    isRecord(item) &&
    typeof item.id === "string" &&
    typeof item.name === "string" &&
    typeof item.category === "string" &&
    Number.isSafeInteger(item.price) &&
    typeof item.url === "string" &&
    typeof item.image === "string"
  );
}
