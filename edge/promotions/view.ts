import { findCurrency } from "../money/currencies";
import { formatScaled, formatTrimmed } from "../money/format";
import { PERCENT_DECIMALS, type Promotion } from "./promotion";
import { roundingView } from "./rounding";

/** A promotion as the admin API shows it: amounts written the way they are
 * sent ("2.50", "12.5"), so a GET can be edited and sent back as a PUT. */
export function promotionView(promotion: Promotion) {
  // Amounts are in the promotion's own currency, the site's when it was
  // saved; every stored code is one findCurrency knows.
  const currency = findCurrency(promotion.currency) ?? {
    code: promotion.currency,
    exponent: 0,
  };
  const amount = (value: bigint) => formatScaled(value, currency.exponent);
  return {
    id: promotion.id,
    name: promotion.name,
    kind: promotion.kind,
    value:
      promotion.kind === "percent-off"
        ? formatTrimmed(promotion.value, PERCENT_DECIMALS)
        : amount(promotion.value),
    currency: promotion.currency,
    target: promotion.target,
    minOrderValue:
      promotion.minOrderValue === null ? null : amount(promotion.minOrderValue),
    startsAt: promotion.startsAt,
    endsAt: promotion.endsAt,
    rounding:
      promotion.rounding === null ? null : roundingView(promotion.rounding, currency),
    enabled: promotion.enabled,
  };
}
