import { useEffect, useState } from "preact/hooks";
import type { PromotionsApi } from "./promotions-api";

const SEARCH_DELAY_MS = 200;
const SUGGESTIONS = 20;
/** The categories offered are those of the site's best sellers. */
const CATEGORY_SAMPLE = 100;

type Suggestion = { value: string; label: string };

/** Products matching what is typed in the product field, and the site's
 * categories, for the form's suggestion lists. A failed search offers
 * nothing: typing the id still works. */
export function useTargetSuggestions(api: PromotionsApi, product: string) {
  const [products, setProducts] = useState<Suggestion[]>([]);
  const [categories, setCategories] = useState<Suggestion[]>([]);

  useEffect(() => {
    let current = true;
    api.products("", CATEGORY_SAMPLE).then((found) => {
      if (!current) return;
      const names = [...new Set(found.map((each) => each.category))].sort();
      setCategories(names.map((name) => ({ value: name, label: name })));
    }, none);
    return () => {
      current = false;
    };
  }, [api]);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      api.products(product.trim(), SUGGESTIONS).then((found) => {
        if (!current) return;
        setProducts(
          found.map((each) => ({
            value: each.id,
            label: `${each.name} (${each.category})`,
          })),
        );
      }, none);
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, product]);

  return { products, categories };
}

function none(): void {
  // Suggestions are a help, not a need.
}
