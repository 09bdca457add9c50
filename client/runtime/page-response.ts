import type {
  PageResponse,
  ProductCard,
  SiteSettings,
  WidgetPayload,
} from "../../edge/contract";
import {
  LAYOUTS,
  MAX_ITEMS,
  type RecommendationSettings,
  recommendationDefaults,
} from "../../templates/recommendations/settings";
import { isRecord } from "../../templates/validation";

/**
 * Checks a page answer before anything renders from it. A malformed answer
 * gives undefined; a malformed widget or item is dropped alone.
 */
export function parsePageResponse(body: unknown): PageResponse | undefined {
  if (!isRecord(body) || !Array.isArray(body.widgets)) return undefined;
  const site = parseSite(body.site);
  if (!site) return undefined;

  const widgets: WidgetPayload[] = [];
  for (const widget of body.widgets) {
    const parsed = parseWidget(widget);
    if (parsed) widgets.push(parsed);
  }
  return { site, widgets };
}

function parseSite(site: unknown): SiteSettings | undefined {
  if (!isRecord(site)) return undefined;
  const { id, name, locale, currency } = site;
  if (typeof id !== "string" || typeof name !== "string") return undefined;
  if (typeof locale !== "string" || typeof currency !== "string") return undefined;
  return { id, name, locale, currency };
}

function parseWidget(widget: unknown): WidgetPayload | undefined {
  if (!isRecord(widget) || typeof widget.id !== "string") return undefined;
  if (widget.template !== "recommendations" || !isRecord(widget.settings))
    return undefined;
  if (!Array.isArray(widget.items)) return undefined;

  const settings = parseSettings(widget.settings);
  if (!settings) return undefined;

  const items = widget.items.filter(isProductCard);
  return { id: widget.id, template: "recommendations", settings, items };
}

/**
 * Checks the settings the widget renders. The edge validated them in full
 * when they were saved; the full validator would cost every shopper ~0.5 KB
 * gzipped, so the fields the widget does not read take their defaults.
 * Unknown fields are ignored: an edge newer than a cached runtime may add
 * some.
 */
function parseSettings(
  input: Record<string, unknown>,
): RecommendationSettings | undefined {
  const { title, count, buttonText, accentColor } = input;
  const layout = LAYOUTS.find((known) => known === input.layout);
  if (typeof title !== "string" || typeof buttonText !== "string") return undefined;
  if (typeof accentColor !== "string" || !layout) return undefined;
  if (typeof count !== "number" || !Number.isInteger(count)) return undefined;
  if (count < 1 || count > MAX_ITEMS) return undefined;
  return { ...recommendationDefaults, title, count, layout, buttonText, accentColor };
}

function isProductCard(item: unknown): item is ProductCard {
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
