import type { SegmentRule } from "./rule";

export interface Segment {
  id: string;
  name: string;
  rule: SegmentRule;
  createdAt: number;
  updatedAt: number;
  /** When the members were last recomputed; null before the first time. */
  computedAt: number | null;
}

export interface SegmentRow {
  id: string;
  name: string;
  rule: string;
  created_at: number;
  updated_at: number;
  computed_at: number | null;
}

export const SEGMENT_COLUMNS = "id, name, rule, created_at, updated_at, computed_at";

export function segmentFromRow(row: SegmentRow): Segment {
  return {
    id: row.id,
    name: row.name,
    rule: JSON.parse(row.rule) as SegmentRule,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    computedAt: row.computed_at,
  };
}
