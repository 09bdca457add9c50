import { invalid, isRecord, type Validated } from "../../templates/validation";
import { ACTION_ID, ACTION_ID_RULE } from "../actions/validate";
import { ID_RULE, isId } from "../http/identifiers";
import { parseAmount } from "../money/amount";
import { type Currency, findCurrency, UNKNOWN_CURRENCY_RULE } from "../money/currencies";

const MAX_CUSTOMER = 128;
export const MAX_CART_LINES = 100;
export const MAX_QUANTITY = 999;

export interface CartItem {
  product: string;
  quantity: number;
  /** The index of the item in the request, for errors. */
  index: number;
  /** The unit price the caller showed (minor units) and the index of the
   * item that said so: checked against the stored price, never used to
   * price. */
  price: { value: bigint; index: number } | null;
}

export interface CartRequest {
  id: string | null;
  device: string | null;
  customer: string | null;
  items: CartItem[];
}

/**
 * Checks the body of `POST /operations/CalculateCart`:
 * `{id?, device?, customer?, currency?, items: [{product, quantity?, price?}]}`.
 *
 * `currency`, when sent, must be the site's: stored prices and promotions
 * are in it and Vitrine converts nothing. `price`, when sent, is a decimal
 * string the caller expects the product to cost; the route refuses the cart
 * when it differs from the stored price. A product listed twice is one line
 * with the quantities added.
 */
export function validateCartRequest(
  body: unknown,
  currency: Currency,
): Validated<CartRequest> {
  if (!isRecord(body)) return invalid("body", "must be an object with an items list");
  const extra = Object.keys(body).find(
    (key) => !["id", "device", "customer", "currency", "items"].includes(key),
  );
  if (extra) return invalid(extra, "is not a field of CalculateCart");

  const { id, device, customer } = body;
  if (id !== undefined && (typeof id !== "string" || !ACTION_ID.test(id))) {
    return invalid("id", ACTION_ID_RULE);
  }
  if (device !== undefined && !isId(device)) return invalid("device", ID_RULE);
  if (
    customer !== undefined &&
    (typeof customer !== "string" ||
      customer.length < 1 ||
      customer.length > MAX_CUSTOMER)
  ) {
    return invalid("customer", `must be 1 to ${MAX_CUSTOMER} characters`);
  }
  if (body.currency !== undefined) {
    const named = typeof body.currency === "string" ? findCurrency(body.currency) : null;
    if (!named) return invalid("currency", UNKNOWN_CURRENCY_RULE);
    if (named.code !== currency.code) {
      return invalid(
        "currency",
        `must be ${currency.code}, the site's currency: its prices and promotions are in it`,
      );
    }
  }

  const items = cartItems(body.items, currency);
  if (!items.ok) return items;
  return {
    ok: true,
    value: {
      id: id ?? null,
      device: device ?? null,
      customer: customer ?? null,
      items: items.value,
    },
  };
}

function cartItems(input: unknown, currency: Currency): Validated<CartItem[]> {
  if (!Array.isArray(input) || input.length < 1 || input.length > MAX_CART_LINES) {
    return invalid("items", `must be a list of 1 to ${MAX_CART_LINES} items`);
  }
  const items: CartItem[] = [];
  for (const [index, item] of input.entries()) {
    const at = `items.${index}`;
    if (!isRecord(item))
      return invalid(at, "must be an object {product, quantity, price}");
    const extra = Object.keys(item).find(
      (key) => !["product", "quantity", "price"].includes(key),
    );
    if (extra) return invalid(`${at}.${extra}`, "is not a field of a cart item");
    if (!isId(item.product)) return invalid(`${at}.product`, ID_RULE);
    const quantity = item.quantity ?? 1;
    if (
      typeof quantity !== "number" ||
      !Number.isInteger(quantity) ||
      quantity < 1 ||
      quantity > MAX_QUANTITY
    ) {
      return invalid(
        `${at}.quantity`,
        `must be a whole number from 1 to ${MAX_QUANTITY}`,
      );
    }
    let price: CartItem["price"] = null;
    if (item.price !== undefined) {
      const parsed = parseAmount(item.price, `${at}.price`, currency);
      if (!parsed.ok) return parsed;
      price = { value: parsed.value, index };
    }

    const same = items.find((known) => known.product === item.product);
    if (!same) {
      items.push({ product: item.product, quantity, price, index });
      continue;
    }
    if (same.quantity + quantity > MAX_QUANTITY) {
      return invalid(
        `${at}.quantity`,
        `brings ${item.product} to more than ${MAX_QUANTITY} units in the cart`,
      );
    }
    if (price && same.price && price.value !== same.price.value) {
      return invalid(
        `${at}.price`,
        `differs from the price given for ${item.product} before`,
      );
    }
    same.quantity += quantity;
    same.price ??= price;
  }
  return { ok: true, value: items };
}
