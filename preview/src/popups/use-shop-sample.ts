import { useEffect, useState } from "preact/hooks";
import type { AdminApi } from "../api/admin-api";
import type { ProductCard, SiteInfo } from "../api/types";

/** As many products as a cross-sell offers at most. */
const SAMPLE_PRODUCTS = 6;

/**
 * What the previews draw with: the site's locale and currency, and its
 * best sellers for the pop-ups that offer products. `problem` says what
 * did not load; the previews show it instead of the pop-up.
 */
export function useShopSample(api: AdminApi) {
  const [site, setSite] = useState<SiteInfo>();
  const [products, setProducts] = useState<ProductCard[]>();
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    let current = true;
    const failed = (what: string) => (error: unknown) => {
      const text = error instanceof Error ? error.message : String(error);
      if (current) setProblem(`The preview has no ${what}: ${text}`);
    };
    api.settings().then((info) => current && setSite(info), failed("site settings"));
    api
      .searchProducts("", SAMPLE_PRODUCTS)
      .then((list) => current && setProducts(list), failed("products"));
    return () => {
      current = false;
    };
  }, [api]);

  return { site, products, problem };
}
