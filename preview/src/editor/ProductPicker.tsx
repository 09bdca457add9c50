import type { JSX } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import type { AdminApi } from "../api/admin-api";
import { ApiProblem } from "../api/problem";
import type { ProductCard } from "../api/types";

interface Props {
  api: AdminApi;
  /** The chosen product's id; undefined until one is chosen. */
  value: string | undefined;
  onValue(id: string): void;
}

const RESULTS = 30;
const SEARCH_DELAY_MS = 200;

/**
 * Picks the product whose page the preview shows: a search box and a list
 * of what it finds, best sellers first. Two native controls rather than a
 * custom combobox, so that keyboards and screen readers get what they know:
 * type, Tab, arrows. With nothing chosen yet, the first product found is.
 */
export function ProductPicker(props: Props): JSX.Element {
  const { api, value } = props;
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<ProductCard[]>([]);
  const [chosen, setChosen] = useState<ProductCard>();
  const [problem, setProblem] = useState<string>();
  // Read by the search's answer, which must not restart the search.
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    let current = true;
    const search = () =>
      api.searchProducts(query.trim(), RESULTS).then(
        (products) => {
          if (!current) return;
          setFound(products);
          setProblem(undefined);
          const first = products[0];
          if (latest.current.value === undefined && first) {
            setChosen(first);
            latest.current.onValue(first.id);
          }
        },
        (error: unknown) => {
          if (!current) return;
          setProblem(error instanceof ApiProblem ? error.message : String(error));
        },
      );
    const timer = setTimeout(search, query === "" ? 0 : SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, query]);

  function choose(id: string) {
    setChosen(found.find((product) => product.id === id) ?? chosen);
    props.onValue(id);
  }

  // The chosen product stays in the list when a search no longer finds it.
  const missing = value !== undefined && !found.some((product) => product.id === value);
  const kept = chosen?.id === value ? chosen : undefined;
  const options: { id: string; label: string }[] = found.map((product) => ({
    id: product.id,
    label: `${product.name} (${product.category})`,
  }));
  if (missing && value !== undefined) {
    options.unshift({
      id: value,
      label: kept ? `${kept.name} (${kept.category})` : value,
    });
  }

  return (
    <fieldset class="group product-picker">
      <legend>Preview product</legend>
      <p class="hint" id="product-hint">
        The preview shows the widget on this product's page, with the items the shop would
        show there. It is not saved with the widget.
      </p>
      <div class="field">
        <label for="product-search">Search products</label>
        <input
          id="product-search"
          type="search"
          value={query}
          autocomplete="off"
          aria-describedby="product-hint"
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="product-choice">Product</label>
        <select
          id="product-choice"
          value={value ?? ""}
          onChange={(event) => choose(event.currentTarget.value)}
        >
          {options.length === 0 && <option value="">No product matches</option>}
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
