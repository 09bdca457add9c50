import { describe, expect, it } from "vitest";
import { ROUNDING_MODES } from "../../edge/money/round";
import { type CartLine, priceCart } from "../../edge/promotions/price-cart";
import {
  PROMOTION_KINDS,
  type Promotion,
  type PromotionTarget,
} from "../../edge/promotions/promotion";
import { ROUNDING_SCOPES } from "../../edge/promotions/rounding";

const SEED = 424_242;
const CARTS = 2_000;

function generator(seed: number) {
  let state = seed;
  const int = (low: number, high: number) => {
    state = (state * 48_271) % 2_147_483_647;
    return low + (state % (high - low + 1));
  };
  const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)] as T;
  return { int, pick };
}

const CATEGORIES = ["dairy", "bakery", "pantry"];

function randomPromotion(random: ReturnType<typeof generator>, id: number): Promotion {
  const kind = random.pick(PROMOTION_KINDS);
  const targetType = random.pick(["product", "category", "order"] as const);
  const target: PromotionTarget =
    targetType === "product"
      ? { type: "product", product: `p${random.int(0, 9)}` }
      : targetType === "category"
        ? { type: "category", category: random.pick(CATEGORIES) }
        : { type: "order" };
  return {
    id: `promo-${id}`,
    name: `Promotion ${id}`,
    kind,
    value: BigInt(
      kind === "percent-off" ? random.int(1, 1_000_000) : random.int(0, 5_000),
    ),
    currency: "USD",
    target,
    minOrderValue: random.int(0, 3) === 0 ? BigInt(random.int(0, 20_000)) : null,
    startsAt: null,
    endsAt: null,
    rounding:
      random.int(0, 1) === 0
        ? null
        : {
            mode: random.pick(ROUNDING_MODES),
            // Steps up to 100.00, far above some prices on purpose.
            step: BigInt(
              random.pick([1, 5, 10, 25, 100, 1_000, 10_000, random.int(1, 3_000)]),
            ),
            ...(targetType === "order" ? {} : { scope: random.pick(ROUNDING_SCOPES) }),
          },
    enabled: true,
  };
}

describe("pricing random carts", () => {
  it(`keeps every line between zero and its price and the lines adding up, over ${CARTS} carts`, () => {
    const random = generator(SEED);
    for (let n = 0; n < CARTS; n++) {
      const lines: CartLine[] = Array.from({ length: random.int(1, 15) }, (_, index) => ({
        product: `p${index}`,
        category: random.pick(CATEGORIES),
        quantity: random.int(1, 999),
        unitPrice: BigInt(random.int(0, 50_000)),
      }));
      const promotions = Array.from({ length: random.int(0, 6) }, (_, id) =>
        randomPromotion(random, id),
      );
      const cart = priceCart(lines, promotions, {
        currency: "USD",
        now: 0,
        rounding: {
          mode: random.pick(ROUNDING_MODES),
          step: BigInt(random.pick([1, 5, 10, 100])),
          scope: random.pick(ROUNDING_SCOPES),
        },
      });

      const context = `seed ${SEED}, cart ${n}`;
      let final = 0n;
      for (const [index, line] of cart.lines.entries()) {
        const source = lines[index] as CartLine;
        const taken = line.discounts.reduce((sum, discount) => sum + discount.amount, 0n);
        expect(line.base, context).toBe(BigInt(source.quantity) * source.unitPrice);
        expect(line.base - taken, context).toBe(line.final);
        expect(line.final >= 0n && line.final <= line.base, context).toBe(true);
        expect(line.discounts.length, context).toBeLessThanOrEqual(2);
        for (const discount of line.discounts)
          expect(discount.amount > 0n, context).toBe(true);
        final += line.final;
      }
      expect(final, context).toBe(cart.totals.final);
      expect(cart.totals.base - cart.totals.discount, context).toBe(cart.totals.final);
      const promoted = cart.promotions.reduce((sum, applied) => sum + applied.amount, 0n);
      expect(promoted, context).toBe(cart.totals.discount);
      const orderPromotions = cart.promotions.filter(
        (applied) => applied.promotion.target.type === "order",
      );
      expect(orderPromotions.length, context).toBeLessThanOrEqual(1);
    }
  });

  it("applies nothing in another currency, disabled, or outside its dates", () => {
    const base: Promotion = {
      id: "p",
      name: "P",
      kind: "amount-off",
      value: 50n,
      currency: "USD",
      target: { type: "order" },
      minOrderValue: null,
      startsAt: null,
      endsAt: null,
      rounding: null,
      enabled: true,
    };
    const lines = [{ product: "a", category: "c", quantity: 1, unitPrice: 500n }];
    const context = {
      currency: "USD",
      now: 1_000,
      rounding: { mode: "half-up" as const, step: 1n, scope: "unit" as const },
    };
    const discount = (promotion: Promotion) =>
      priceCart(lines, [promotion], context).totals.discount;

    expect(discount(base)).toBe(50n);
    expect(discount({ ...base, currency: "EUR" })).toBe(0n);
    expect(discount({ ...base, enabled: false })).toBe(0n);
    expect(discount({ ...base, startsAt: 1_001 })).toBe(0n);
    expect(discount({ ...base, endsAt: 1_000 })).toBe(0n);
    expect(discount({ ...base, startsAt: 1_000, endsAt: 1_001 })).toBe(50n);
    expect(discount({ ...base, minOrderValue: 501n })).toBe(0n);
    expect(discount({ ...base, minOrderValue: 500n })).toBe(50n);
  });
});
