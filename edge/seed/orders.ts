import { isHoldout } from "./baskets";
import { hash } from "./hash";
import { slugify } from "./slug";

export interface OrderLine {
  product: string;
  quantity: number;
}

export interface Order {
  id: string;
  customer: string;
  device: string;
  /** Epoch milliseconds. */
  at: number;
  lines: OrderLine[];
}

export const DAY_MS = 86_400_000;
/** The orders fill the month before `now`, like the original data set. */
export const ORDER_WINDOW_DAYS = 30;
export const CUSTOMER_COUNT = 2000;
/** Coprime with CUSTOMER_COUNT, so every run of 2,000 consecutive orders
 * visits every customer once: each orders 4 or 5 times in the month. Real
 * shops are more skewed; the recommendations read baskets, not customers. */
const CUSTOMER_STRIDE = 1237;

function pad(value: number): string {
  return String(value).padStart(4, "0");
}

export function customerId(number: number): string {
  return `customer-${pad(number)}`;
}

/** One browser per customer: the device an order was placed from. */
export function deviceId(number: number): string {
  return `device-${pad(number)}`;
}

/** Merges repeated items of a basket into one line with a quantity. */
function linesOf(basket: string[]): OrderLine[] {
  const quantities = new Map<string, number>();
  for (const item of basket) {
    const id = slugify(item);
    quantities.set(id, (quantities.get(id) ?? 0) + 1);
  }
  return [...quantities].map(([product, quantity]) => ({ product, quantity }));
}

/** An order per training basket, ids numbered by CSV line, so order-0042 is
 * line 42 of the file. Holdout baskets are skipped. */
export function buildOrders(baskets: string[][], now: number): Order[] {
  const orders: Order[] = [];
  const windowSeconds = ORDER_WINDOW_DAYS * (DAY_MS / 1000);
  for (const [index, basket] of baskets.entries()) {
    if (isHoldout(index)) continue;
    const customer = ((orders.length * CUSTOMER_STRIDE) % CUSTOMER_COUNT) + 1;
    // Whole seconds, at least one before `now`, so no order is in the future.
    const secondsAgo = 1 + (hash(`at:${index}`) % windowSeconds);
    orders.push({
      id: `order-${pad(index + 1)}`,
      customer: customerId(customer),
      device: deviceId(customer),
      at: now - secondsAgo * 1000,
      lines: linesOf(basket),
    });
  }
  return orders;
}
