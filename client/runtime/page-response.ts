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
  /** Pop-ups, unchecked: the pop-up chunk (client/runtime/popups) reads
   * them, so that the base does not grow with their shape. */
  popups: unknown[];
  /** The edge's clock when it answered, epoch ms, if it sent it. */
  now?: number;
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
  const popups = Array.isArray(body.popups) ? body.popups : [];
  const now = typeof body.now === "number" ? body.now : undefined;
  return { site: { id, name, locale, currency }, widgets, popups, now };
}
