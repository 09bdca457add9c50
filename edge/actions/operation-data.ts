import { invalid, isRecord, type Validated } from "../../templates/validation";
import type { Operation } from "../contract";
import { PAGE_TYPES, type PageType, POPUP_EVENTS, type PopupEvent } from "../contract";
import { ID_RULE, isId } from "../http/identifiers";
import type { Line } from "./action";
import { MAX_LINES } from "./limits";

/** What each operation's `data` holds once validated. */
export interface OperationData {
  data: Record<string, unknown>;
  product: string | null;
  order: string | null;
  lines: Line[];
}

type Checker = (data: Record<string, unknown>, field: string) => Validated<OperationData>;

const MAX_URL_LENGTH = 2048;

function only(
  data: Record<string, unknown>,
  field: string,
  keys: string[],
): Validated<true> {
  const extra = Object.keys(data).find((key) => !keys.includes(key));
  if (extra) return invalid(`${field}.${extra}`, "is not a field of this operation");
  return { ok: true, value: true };
}

function id(value: unknown, field: string): Validated<string> {
  return isId(value) ? { ok: true, value } : invalid(field, ID_RULE);
}

function lines(value: unknown, field: string, min: number): Validated<Line[]> {
  if (!Array.isArray(value)) return invalid(field, "must be a list of lines");
  if (value.length < min || value.length > MAX_LINES) {
    return invalid(field, `must hold ${min} to ${MAX_LINES} lines`);
  }
  const result: Line[] = [];
  for (const [index, line] of value.entries()) {
    const at = `${field}.${index}`;
    if (!isRecord(line)) return invalid(at, "must be an object");
    const fields = only(line, at, ["product", "quantity"]);
    if (!fields.ok) return fields;
    const product = id(line.product, `${at}.product`);
    if (!product.ok) return product;
    const quantity = line.quantity ?? 1;
    if (typeof quantity !== "number" || !Number.isInteger(quantity)) {
      return invalid(`${at}.quantity`, "must be a whole number");
    }
    if (quantity < 1 || quantity > 999) {
      return invalid(`${at}.quantity`, "must be between 1 and 999");
    }
    const existing = result.find((item) => item.product === product.value);
    // Repeated lines of one product merge; the limit holds for the sum, so
    // splitting a quantity over lines cannot get past it.
    if (existing && existing.quantity + quantity > 999) {
      return invalid(`${at}.quantity`, "brings this product's total above 999");
    }
    if (existing) existing.quantity += quantity;
    else result.push({ product: product.value, quantity });
  }
  return { ok: true, value: result };
}

function httpUrl(value: unknown, field: string): Validated<string> {
  if (typeof value !== "string" || value.length > MAX_URL_LENGTH) {
    return invalid(field, `must be a URL of at most ${MAX_URL_LENGTH} characters`);
  }
  if (!URL.canParse(value)) return invalid(field, "must be an absolute URL");
  const protocol = new URL(value).protocol;
  if (protocol !== "http:" && protocol !== "https:") {
    return invalid(field, "must be an http or https URL");
  }
  return { ok: true, value };
}

const none = { product: null, order: null, lines: [] };

const checkers: Record<Operation, Checker> = {
  ViewPage(data, field) {
    const fields = only(data, field, ["url", "type"]);
    if (!fields.ok) return fields;
    const url = httpUrl(data.url, `${field}.url`);
    if (!url.ok) return url;
    const type = data.type ?? "other";
    if (!PAGE_TYPES.includes(type as PageType)) {
      return invalid(`${field}.type`, `must be one of: ${PAGE_TYPES.join(", ")}`);
    }
    return { ok: true, value: { ...none, data: { url: url.value, type } } };
  },
  ViewProduct(data, field) {
    const fields = only(data, field, ["product"]);
    if (!fields.ok) return fields;
    const product = id(data.product, `${field}.product`);
    if (!product.ok) return product;
    return {
      ok: true,
      value: { ...none, product: product.value, data: { product: product.value } },
    };
  },
  ViewCategory(data, field) {
    const fields = only(data, field, ["category"]);
    if (!fields.ok) return fields;
    const category = data.category;
    if (typeof category !== "string" || category.length < 1 || category.length > 100) {
      return invalid(`${field}.category`, "must be a name of 1 to 100 characters");
    }
    return { ok: true, value: { ...none, data: { category } } };
  },
  SetCart(data, field) {
    const fields = only(data, field, ["items"]);
    if (!fields.ok) return fields;
    const items = lines(data.items, `${field}.items`, 0);
    if (!items.ok) return items;
    return { ok: true, value: { ...none, data: { items: items.value } } };
  },
  Order(data, field) {
    const fields = only(data, field, ["order", "items"]);
    if (!fields.ok) return fields;
    const order = id(data.order, `${field}.order`);
    if (!order.ok) return order;
    const items = lines(data.items, `${field}.items`, 1);
    if (!items.ok) return items;
    return {
      ok: true,
      value: {
        product: null,
        order: order.value,
        lines: items.value,
        data: { order: order.value, items: items.value },
      },
    };
  },
  AuthorizeCustomer(data, field) {
    const fields = only(data, field, []);
    if (!fields.ok) return fields;
    return { ok: true, value: { ...none, data: {} } };
  },
  PopupEvent(data, field) {
    const fields = only(data, field, ["popup", "event"]);
    if (!fields.ok) return fields;
    const popup = id(data.popup, `${field}.popup`);
    if (!popup.ok) return popup;
    if (!POPUP_EVENTS.includes(data.event as PopupEvent)) {
      return invalid(`${field}.event`, `must be one of: ${POPUP_EVENTS.join(", ")}`);
    }
    return {
      ok: true,
      value: { ...none, data: { popup: popup.value, event: data.event } },
    };
  },
  // Never reached from a batch (validate.ts accepts only OPERATIONS); it
  // is here so that no path can store a CalculateCart it did not price.
  CalculateCart(_data, field) {
    return invalid(
      field,
      "cannot be sent in a batch: POST the cart to /v1/sites/:site/operations/CalculateCart",
    );
  },
};

export function checkOperationData(
  operation: Operation,
  data: Record<string, unknown>,
  field: string,
): Validated<OperationData> {
  return checkers[operation](data, field);
}
