import type { RoundingMode } from "../../../edge/money/round";
import type { CartView } from "../../../edge/promotions/cart-view";
import type { PromotionKind, PromotionTarget } from "../../../edge/promotions/promotion";
import type { RoundingScope } from "../../../edge/promotions/rounding";
import type { promotionView } from "../../../edge/promotions/view";

/** Rounding settings as the API writes them: the step in units ("0.05"). */
export interface RoundingView {
  mode?: RoundingMode;
  step?: string;
  scope?: RoundingScope;
}

/** A promotion as the admin API answers it (edge/promotions/view.ts). */
export type PromotionRecord = Omit<ReturnType<typeof promotionView>, "rounding"> & {
  rounding: RoundingView | null;
};

/** What `PUT /admin/promotions/:id` takes. Amounts are decimal strings in
 * the site's currency, as the marketer typed them: the edge reads them. */
export interface PromotionBody {
  name: string;
  kind: PromotionKind;
  value: string;
  target: PromotionTarget;
  minOrderValue: string | null;
  startsAt: number | null;
  endsAt: number | null;
  rounding: RoundingView | null;
  enabled: boolean;
}

/** `GET` and `PUT /admin/rounding`: the site's setting, step in units. */
export interface SiteRounding {
  mode: RoundingMode;
  step: string;
  scope: RoundingScope;
  currency: string;
  /** Said when the step is larger than the site's cheapest product. */
  warnings: string[];
}

/** `POST /admin/rounding/example` (edge/routes/admin/rounding-example.ts,
 * whose own type pulls in the worker's bindings). */
export interface RoundingExample {
  rounding: { step: string; scope: RoundingScope };
  carts: Record<RoundingMode, CartView>;
  /** Per mode, the lines the step makes free or moves by more than half. */
  warnings: Record<RoundingMode, LineWarning[]>;
}

/** A line of the example the step changes too much (edge/promotions/
 * rounding-warnings.ts); amounts in minor units. */
export interface LineWarning {
  product: string;
  unrounded: number;
  rounded: number;
  message: string;
}

export interface ExampleRequest {
  items: { product: string; quantity: unknown }[];
  rounding: { step: string; scope: RoundingScope };
}

export type { CartView, PromotionKind, PromotionTarget, RoundingMode, RoundingScope };
