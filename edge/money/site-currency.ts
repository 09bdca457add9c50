import { ApiError } from "../http/errors";
import type { Site } from "../sites/site";
import { type Currency, findCurrency } from "./currencies";

/** The site's currency. A site whose stored code Vitrine does not know
 * cannot take amounts: its settings need fixing first. */
export function siteCurrencyOrThrow(site: Site): Currency {
  const currency = findCurrency(site.currency);
  if (!currency) {
    throw new ApiError(
      409,
      "unknown_site_currency",
      `Site "${site.id}" prices in "${site.currency}", which is not a currency Vitrine knows; set the site's currency to an ISO 4217 code such as USD.`,
      "currency",
    );
  }
  return currency;
}
