import { useEffect, useRef, useState } from "preact/hooks";
import type { ProductCard } from "../api/types";
import { runsNow } from "./format";
import type { PromotionsApi } from "./promotions-api";
import type { PromotionRecord } from "./types";

export interface SampleLine {
  product: ProductCard;
  /** As typed; the edge says whether it is a quantity. */
  quantity: string;
}

const BEST_SELLERS = 100;
const SAMPLE_SIZE = 3;
const MAX_PROMOTED = 4;
const QUANTITIES = ["1", "2", "3"];

/**
 * The example's cart, which the marketer edits and nothing saves. It
 * starts with a product of each promotion that runs now (up to four), so
 * that the example has discounts to round, then best sellers up to three
 * lines, in quantities 1, 2, 3 so that unit and line rounding can differ.
 */
export function useSampleCart(
  api: PromotionsApi,
  promotions: PromotionRecord[] | undefined,
) {
  const [lines, setLines] = useState<SampleLine[]>();
  const [problem, setProblem] = useState<string>();
  const started = useRef(false);

  useEffect(() => {
    if (!promotions || started.current) return;
    started.current = true;
    sampleProducts(api, promotions).then(
      (products) =>
        setLines(
          products.map((product, index) => ({
            product,
            quantity: QUANTITIES[index % QUANTITIES.length] ?? "1",
          })),
        ),
      (error: unknown) =>
        setProblem(error instanceof Error ? error.message : String(error)),
    );
  }, [api, promotions]);

  const update = (next: (lines: SampleLine[]) => SampleLine[]) =>
    setLines((before) => next(before ?? []));
  return {
    lines,
    problem,
    setQuantity: (id: string, quantity: string) =>
      update((all) =>
        all.map((line) => (line.product.id === id ? { ...line, quantity } : line)),
      ),
    remove: (id: string) => update((all) => all.filter((line) => line.product.id !== id)),
    add: (product: ProductCard) =>
      update((all) =>
        all.some((line) => line.product.id === product.id)
          ? all
          : [...all, { product, quantity: "1" }],
      ),
  };
}

async function sampleProducts(
  api: PromotionsApi,
  promotions: PromotionRecord[],
): Promise<ProductCard[]> {
  const best = await api.products("", BEST_SELLERS);
  const picked: ProductCard[] = [];
  const pick = (product: ProductCard | undefined) => {
    if (product && !picked.some((each) => each.id === product.id)) picked.push(product);
  };
  const now = Date.now();
  for (const { target } of promotions.filter((each) => runsNow(each, now))) {
    if (picked.length >= MAX_PROMOTED) break;
    if (target.type === "product") {
      const known = best.find((each) => each.id === target.product);
      pick(
        known ??
          (await api.products(target.product, 10)).find(
            (each) => each.id === target.product,
          ),
      );
    } else if (target.type === "category") {
      pick(
        best.find((each) => each.category === target.category && !picked.includes(each)),
      );
    }
  }
  for (const product of best) {
    if (picked.length >= SAMPLE_SIZE) break;
    pick(product);
  }
  return picked;
}
