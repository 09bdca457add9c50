/** A segment as the admin API lists it (edge/segments/store.ts). */
export interface SegmentRecord {
  id: string;
  name: string;
  rule: SegmentRule;
  createdAt: number;
  updatedAt: number;
  computedAt: number | null;
  members: number;
  historyKept: boolean;
}

export type SegmentRule =
  | { type: "bought_within_days"; days: number }
  | { type: "orders_at_least"; orders: number; days: number }
  | { type: "inactive_for_days"; days: number }
  | { type: "discount_card_field"; field: string; equals: string | number | boolean };

export interface Retention {
  historyDays: number | null;
  exceptions: string[];
}

export interface RetentionPreview extends Retention {
  rows: number;
  cutoff: number | null;
  maxRowsPerRun: number;
}
