import type { JSX } from "preact";
import type { ProductCard, SiteInfo } from "../api/types";
import { AddProduct } from "./AddProduct";
import { moneyFormat } from "./format";
import { MODE_LABELS, SCOPE_LABELS } from "./labels";
import type { PromotionsApi } from "./promotions-api";
import { RoundingWarning } from "./RoundingWarning";
import type { CartView, RoundingExample, RoundingMode } from "./types";
import type { SampleLine } from "./use-sample-cart";

interface Props {
  api: PromotionsApi;
  site: SiteInfo | undefined;
  lines: SampleLine[] | undefined;
  answer: RoundingExample | undefined;
  pending: boolean;
  /** A refusal of the example that no field shows. */
  problem: string | undefined;
  /** Errors of a line's quantity or product, by product id. */
  lineErrors: Record<string, string>;
  /** The mode chosen in the form, marked in its column. */
  mode: RoundingMode;
  onQuantity(product: string, quantity: string): void;
  onRemove(product: string): void;
  onAdd(product: ProductCard): void;
}

const MODES: readonly RoundingMode[] = ["half-up", "half-even"];

/**
 * The live example: a sample cart priced by the edge half-up and half-even
 * side by side, with the step and scope being edited. Lines whose prices
 * differ are marked, in words as well as colour.
 */
export function RoundingExampleView(props: Props): JSX.Element {
  const { answer, lines } = props;
  if (lines === undefined) return <p role="status">Choosing a sample cart…</p>;

  const carts = answer?.carts;
  const money = moneyFormat(props.site, carts?.["half-up"].currency);
  const lineOf = (cart: CartView | undefined, id: string) =>
    cart?.lines.find((line) => line.product === id);
  const priced = (mode: RoundingMode, id: string) => {
    const line = lineOf(carts?.[mode], id);
    return line ? money(line.final) : "…";
  };
  const differs = (id: string) =>
    lineOf(carts?.["half-up"], id)?.final !== lineOf(carts?.["half-even"], id)?.final;
  const totalsDiffer =
    carts !== undefined &&
    carts["half-up"].totals.final !== carts["half-even"].totals.final;
  const promotionNames = new Map(
    MODES.flatMap((mode) => carts?.[mode].promotions ?? []).map((each) => [
      each.id,
      each.name,
    ]),
  );
  const discounted = carts?.["half-up"].promotions.length ?? 0;
  const warned = new Set(
    (answer?.warnings?.[props.mode] ?? []).map((warning) => warning.product),
  );

  return (
    <div class="rounding-example" aria-busy={props.pending ? "true" : undefined}>
      <h3 id="example-title">Live example</h3>
      <p class="hint">
        {answer
          ? `The same cart, priced by the edge both ways with the promotions that run now, to a step of ${answer.rounding.step} rounding ${SCOPE_LABELS[answer.rounding.scope].toLowerCase()}.`
          : "The same cart, priced by the edge both ways with the promotions that run now."}{" "}
        Change the step, the scope or the quantities and it follows; nothing is saved.
      </p>
      {answer && (
        <RoundingWarning
          title={`with this step, rounding ${MODE_LABELS[props.mode].toLowerCase()} changes some lines by more than half.`}
          lines={(answer.warnings?.[props.mode] ?? []).map((warning) => {
            const name =
              lines.find((line) => line.product.id === warning.product)?.product.name ??
              warning.product;
            return `${name}: ${warning.message} (${money(warning.unrounded)} without rounding, ${money(warning.rounded)} rounded)`;
          })}
        />
      )}
      {lines.length === 0 ? (
        <p>Add a product to see the example.</p>
      ) : (
        <table aria-labelledby="example-title">
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col">Quantity</th>
              <th scope="col">Regular</th>
              {MODES.map((mode) => (
                <th
                  scope="col"
                  key={mode}
                  class={mode === props.mode ? "chosen" : undefined}
                >
                  {MODE_LABELS[mode]}
                  {mode === props.mode && <span class="tag">chosen</span>}
                </th>
              ))}
              <th scope="col">
                <span class="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map(({ product, quantity }) => {
              const line = lineOf(carts?.["half-up"], product.id);
              const error = props.lineErrors[product.id];
              const different =
                carts !== undefined && line !== undefined && differs(product.id);
              const inputId = `example-quantity-${product.id}`;
              return (
                <tr key={product.id} class={different ? "differs" : undefined}>
                  <th scope="row">
                    {product.name}
                    {line?.discounts.map((discount) => (
                      <span class="tag promotion" key={discount.promotion}>
                        {promotionNames.get(discount.promotion) ?? discount.promotion}
                      </span>
                    ))}
                    {different && <span class="tag differs-tag">differs</span>}
                    {warned.has(product.id) && (
                      <span class="tag warning-tag">rounding warning</span>
                    )}
                  </th>
                  <td>
                    <input
                      id={inputId}
                      class="quantity"
                      value={quantity}
                      inputMode="numeric"
                      autocomplete="off"
                      aria-label={`Quantity of ${product.name}`}
                      aria-invalid={error ? "true" : undefined}
                      aria-describedby={error ? `${inputId}-error` : undefined}
                      onInput={(event) =>
                        props.onQuantity(product.id, event.currentTarget.value)
                      }
                    />
                    {error && (
                      <p id={`${inputId}-error`} class="field-error">
                        {error}
                      </p>
                    )}
                  </td>
                  <td>{line ? money(line.base) : "…"}</td>
                  {MODES.map((mode) => (
                    <td key={mode} class={mode === props.mode ? "chosen" : undefined}>
                      {priced(mode, product.id)}
                    </td>
                  ))}
                  <td>
                    <button
                      type="button"
                      class="link"
                      aria-label={`Remove ${product.name}`}
                      onClick={() => props.onRemove(product.id)}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
          {carts && (
            <tfoot>
              <tr class={totalsDiffer ? "differs" : undefined}>
                <th scope="row">
                  Total
                  {totalsDiffer && <span class="tag differs-tag">differs</span>}
                </th>
                <td />
                <td>{money(carts["half-up"].totals.base)}</td>
                {MODES.map((mode) => (
                  <td key={mode} class={mode === props.mode ? "chosen" : undefined}>
                    {money(carts[mode].totals.final)}
                  </td>
                ))}
                <td />
              </tr>
            </tfoot>
          )}
        </table>
      )}
      <p class="example-status" role="status">
        {props.pending ? "Updating…" : ""}
      </p>
      {props.problem && (
        <p class="problem" role="alert">
          {props.problem}
        </p>
      )}
      {answer && lines.length > 0 && discounted === 0 && (
        <p class="hint">
          No promotion that runs now discounts this cart, so there is nothing to round:
          add a product a promotion applies to.
        </p>
      )}
      {answer && <OwnSettings example={answer} />}
      <AddProduct
        api={props.api}
        present={lines.map((line) => line.product.id)}
        onAdd={props.onAdd}
      />
    </div>
  );
}

/** Promotions that override the site's setting, whose lines the setting
 * being tried does not change the same way. */
function OwnSettings({ example }: { example: RoundingExample }): JSX.Element | null {
  const { step, scope } = example.rounding;
  const notes = MODES.flatMap((mode) =>
    example.carts[mode].promotions
      .filter(
        (each) =>
          each.rounding.mode !== mode ||
          each.rounding.step !== step ||
          (each.target.type !== "order" && each.rounding.scope !== scope),
      )
      .map((each) => ({ id: each.id, name: each.name, rounding: each.rounding })),
  ).filter((note, index, all) => all.findIndex((each) => each.id === note.id) === index);
  if (notes.length === 0) return null;
  return (
    <ul class="hint own-settings">
      {notes.map(({ id, name, rounding }) => (
        <li key={id}>
          {name} rounds with its own setting ({rounding.mode}, step {rounding.step},{" "}
          {rounding.scope}), so the site's setting changes its lines less or not at all.
        </li>
      ))}
    </ul>
  );
}
