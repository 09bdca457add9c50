import type { SiteSettings } from "../../edge/contract";
import { isRecord } from "../../templates/validation";

/**
 * A widget of a page answer as the base runtime checks it: its id, and its
 * template, which says what the rest must be. The template's chunk checks
 * the rest (templates/*-payload.ts), so the base runtime does not grow
 * with each template's settings.
 */
export interface PageWidget {
  id: string;
  template: string;
  settings: unknown;
  items: unknown[];
}

/** `GET /page`'s answer (edge/contract.ts PageResponse), as far as checked. */
export interface PageAnswer {
  site: SiteSettings;
  widgets: PageWidget[];
}

/**
 * Checks a page answer before anything renders from it. A malformed answer
 * gives undefined; a malformed widget is dropped alone.
 */
export function parsePageResponse(body: unknown): PageAnswer | undefined {
  if (!isRecord(body) || !Array.isArray(body.widgets) || !isRecord(body.site)) {
    return undefined;
  }
  const { id, name, locale, currency } = body.site;
  if (typeof id !== "string" || typeof name !== "string") return undefined;
  if (typeof locale !== "string" || typeof currency !== "string") return undefined;

  const widgets = body.widgets.filter(
    (widget): widget is PageWidget =>
      isRecord(widget) &&
      typeof widget.id === "string" &&
      typeof widget.template === "string" &&
      Array.isArray(widget.items),
  );
  return { site: { id, name, locale, currency }, widgets };
}
