import type { Operation } from "../contract";

export interface Line {
  product: string;
  quantity: number;
}

/** An action after validation: every field checked, `data` holds only the
 * fields the operation defines. */
export interface ValidAction {
  id: string;
  operation: Operation;
  at: number;
  device: string | null;
  customer: string | null;
  /** The product this action is about, for per-product queries. */
  product: string | null;
  data: Record<string, unknown>;
  /** Order lines, for `Order` actions. */
  lines: Line[];
  /** The order id, for `Order` actions. */
  order: string | null;
}
