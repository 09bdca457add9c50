import { priceFormatter } from "../../../templates/recommendations";
import type { SiteInfo } from "../api/types";
import type { PromotionRecord } from "./types";

/** Minor units as the shop writes prices ("$2.13"), the widget's way. */
export function moneyFormat(site: SiteInfo | undefined, currency?: string) {
  return priceFormatter(site?.locale ?? "en-US", currency ?? site?.currency ?? "USD");
}

/** An amount as the admin API writes it ("2.50", in the currency's own
 * decimals) in minor units: its digits without the point. */
export function minorOf(amount: string): number {
  return Number(amount.replace(".", ""));
}

export function valueText(promotion: PromotionRecord, site: SiteInfo | undefined) {
  if (promotion.kind === "percent-off") return `${promotion.value} %`;
  const money = moneyFormat(site, promotion.currency)(minorOf(promotion.value));
  return promotion.kind === "amount-off" ? `${money} off` : `for ${money}`;
}

export function targetText(promotion: PromotionRecord, site: SiteInfo | undefined) {
  const { target, minOrderValue } = promotion;
  const what =
    target.type === "product"
      ? `Product ${target.product}`
      : target.type === "category"
        ? `Category ${target.category}`
        : "The whole order";
  if (minOrderValue === null) return what;
  const money = moneyFormat(site, promotion.currency)(minorOf(minOrderValue));
  return `${what}, orders from ${money}`;
}

/** When it applies, and whether that is now. */
export function periodText(
  promotion: PromotionRecord,
  locale: string | undefined,
  now: number,
): string {
  const { startsAt, endsAt } = promotion;
  const format = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
  });
  const at = (ms: number) => format.format(ms);
  const period =
    startsAt !== null && endsAt !== null
      ? `${at(startsAt)} – ${at(endsAt)}`
      : startsAt !== null
        ? `From ${at(startsAt)}`
        : endsAt !== null
          ? `Until ${at(endsAt)}`
          : "Always";
  if (endsAt !== null && endsAt <= now) return `${period} (ended)`;
  if (startsAt !== null && startsAt > now) return `${period} (not started)`;
  return period;
}

/** Whether it is enabled and within its period: a rough "applies now",
 * for choosing sample products only; the example's prices are the edge's. */
export function runsNow(promotion: PromotionRecord, now: number) {
  const { startsAt, endsAt } = promotion;
  return (
    promotion.enabled &&
    (startsAt === null || startsAt <= now) &&
    (endsAt === null || now < endsAt)
  );
}
