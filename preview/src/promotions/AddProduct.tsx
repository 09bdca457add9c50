import type { JSX } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { ProductCard } from "../api/types";
import type { PromotionsApi } from "./promotions-api";

interface Props {
  api: PromotionsApi;
  /** Products already in the cart, not offered again. */
  present: readonly string[];
  onAdd(product: ProductCard): void;
}

const RESULTS = 30;
const SEARCH_DELAY_MS = 200;

/** A search box and a list of what it finds (best sellers first), as the
 * widget editor's product picker: native controls, keyboard as usual. */
export function AddProduct({ api, present, onAdd }: Props): JSX.Element {
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<ProductCard[]>([]);
  const [chosen, setChosen] = useState("");

  useEffect(() => {
    let current = true;
    const timer = setTimeout(
      () =>
        api.products(query.trim(), RESULTS).then(
          (products) => current && setFound(products),
          () => current && setFound([]),
        ),
      query === "" ? 0 : SEARCH_DELAY_MS,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, query]);

  const offered = found.filter((product) => !present.includes(product.id));
  const selected = offered.find((product) => product.id === chosen) ?? offered[0];
  return (
    <div class="add-product">
      <div class="field">
        <label for="example-search">Find a product</label>
        <input
          id="example-search"
          type="search"
          value={query}
          autocomplete="off"
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="example-product">Product to add</label>
        <select
          id="example-product"
          value={selected?.id ?? ""}
          onChange={(event) => setChosen(event.currentTarget.value)}
        >
          {offered.length === 0 && <option value="">No other product matches</option>}
          {offered.map((product) => (
            <option key={product.id} value={product.id}>
              {product.name} ({product.category})
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        disabled={!selected}
        onClick={() => selected && onAdd(selected)}
      >
        Add to the cart
      </button>
    </div>
  );
}
