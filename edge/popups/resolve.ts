import type {
  PopupData,
  PopupPayload,
  PopupTemplate,
} from "../../templates/popup/contract";
import type { PopupSettings } from "../../templates/popups";
import type { PageType } from "../contract";
import { frequentlyBoughtTogether } from "../recommendations/frequently-bought-together";
import { countdownEnd } from "./countdown-end";
import { listPopups, type Popup } from "./popup";
import { socialProofCount } from "./social-proof-count";
import { upsellProduct } from "./upsell-product";

const CROSS_SELL_WINDOW_MS = 30 * 86_400_000;

export interface PopupContext {
  siteId: string;
  type: PageType;
  product: string | null;
  cart: string[];
  device: string | null;
}

/**
 * The site's enabled pop-ups that may show on this page view, each with
 * what its template needs, in priority order. A pop-up whose data would be
 * empty or invented is left out: no upsell candidate, a count under the
 * minimum, a timer that has run out.
 */
export async function resolvePopups(
  db: D1Database,
  context: PopupContext,
  now: number,
): Promise<PopupPayload[]> {
  const candidates = (await listPopups(db, context.siteId, { enabledOnly: true })).filter(
    ({ targeting }) =>
      targeting.pageTypes.length === 0 || targeting.pageTypes.includes(context.type),
  );
  if (candidates.length === 0) return [];
  // Only segments and evergreen timers need to know who the visitor is.
  const needsCustomer = candidates.some(
    (popup) =>
      popup.targeting.segments.length > 0 ||
      (popup.template === "countdown" &&
        (popup.settings as PopupSettings["countdown"]).mode === "evergreen"),
  );
  const customer = needsCustomer ? await customerOf(db, context) : null;
  const segments = await segmentsOf(db, context.siteId, customer, candidates);

  const resolved = await Promise.all(
    candidates.map(async (popup): Promise<PopupPayload | null> => {
      const wanted = popup.targeting.segments;
      if (wanted.length > 0 && !wanted.some((segment) => segments.has(segment)))
        return null;
      const data = await dataOf(db, popup, context, customer, now);
      if (!data) return null;
      const { segments: _applied, ...targeting } = popup.targeting;
      return {
        id: popup.id,
        template: popup.template,
        settings: popup.settings,
        targeting,
        frequency: popup.frequency,
        data,
      } as PopupPayload;
    }),
  );
  return resolved.filter((popup): popup is PopupPayload => popup !== null);
}

async function customerOf(db: D1Database, context: PopupContext): Promise<string | null> {
  if (!context.device) return null;
  const row = await db
    .prepare("SELECT customer_id FROM devices WHERE site_id = ? AND id = ?")
    .bind(context.siteId, context.device)
    .first<{ customer_id: string | null }>();
  return row?.customer_id ?? null;
}

/** Which of the segments the candidates target the customer is in. */
async function segmentsOf(
  db: D1Database,
  site: string,
  customer: string | null,
  candidates: Popup[],
): Promise<Set<string>> {
  const targeted = [...new Set(candidates.flatMap((popup) => popup.targeting.segments))];
  if (!customer || targeted.length === 0) return new Set();
  const marks = targeted.map(() => "?").join(", ");
  const { results } = await db
    .prepare(
      `SELECT segment_id FROM segment_memberships
       WHERE site_id = ? AND customer_id = ? AND segment_id IN (${marks})`,
    )
    .bind(site, customer, ...targeted)
    .all<{ segment_id: string }>();
  return new Set(results.map((row) => row.segment_id));
}

async function dataOf(
  db: D1Database,
  popup: Popup,
  context: PopupContext,
  customer: string | null,
  now: number,
): Promise<PopupData[PopupTemplate] | null> {
  const site = context.siteId;
  switch (popup.template) {
    case "countdown": {
      const settings = popup.settings as PopupSettings["countdown"];
      const visitor = { device: context.device, customer };
      const endsAt = await countdownEnd(db, site, popup.id, settings, visitor, now);
      return endsAt !== null && endsAt > now ? { endsAt } : null;
    }
    case "social-proof": {
      const settings = popup.settings as PopupSettings["social-proof"];
      if (!context.product) return null;
      const count = await socialProofCount(db, site, context.product, settings, now);
      return count >= settings.minimum ? { count } : null;
    }
    case "upsell": {
      const settings = popup.settings as PopupSettings["upsell"];
      if (!context.product) return null;
      const product = await upsellProduct(db, site, context.product, settings, now);
      return product ? { product } : null;
    }
    case "cross-sell": {
      const settings = popup.settings as PopupSettings["cross-sell"];
      // Complements of what the shopper holds: an empty cart has none.
      if (context.cart.length === 0) return null;
      const items = await frequentlyBoughtTogether(db, {
        ...context,
        product: null,
        category: null,
        count: settings.count,
        since: now - CROSS_SELL_WINDOW_MS,
      });
      return items.length > 0 ? { items } : null;
    }
  }
}
