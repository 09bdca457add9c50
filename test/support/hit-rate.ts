import { parseBaskets, splitBaskets } from "../../edge/seed/baskets";
import { slugify } from "../../edge/seed/slug";

/** One evaluation case: a basket with one product hidden. The rest is what
 * the shopper has in the cart; the hidden product is what they also bought. */
export interface HoldoutCase {
  cart: string[];
  hidden: string;
}

/**
 * Leave-one-out cases from the baskets the seed held out (never stored in
 * the shop): every basket of two or more distinct products yields one case
 * per product, that product hidden and the others as the cart. Hiding each
 * product in turn matters: the CSV lists a basket's items in a fixed
 * category order, so hiding only the first or the last item would test that
 * order instead of the recommendations.
 */
export function holdoutCases(csv: string): HoldoutCase[] {
  const { holdout } = splitBaskets(parseBaskets(csv));
  return holdout
    .map((basket) => [...new Set(basket.map(slugify))])
    .filter((products) => products.length >= 2)
    .flatMap((products) =>
      products.map((hidden) => ({
        hidden,
        cart: products.filter((product) => product !== hidden),
      })),
    );
}

/** Share of cases whose hidden product is among the first `k`
 * recommendations for the cart. */
export async function hitRate(
  cases: HoldoutCase[],
  k: number,
  recommend: (cart: string[]) => Promise<string[]>,
): Promise<number> {
  let hits = 0;
  for (const { cart, hidden } of cases) {
    const top = (await recommend(cart)).slice(0, k);
    if (top.includes(hidden)) hits += 1;
  }
  return hits / cases.length;
}
