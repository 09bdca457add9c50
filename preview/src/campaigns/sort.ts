import type { CampaignRow, RateId } from "./types";

export type SortKey = "name" | "sent" | "delivered" | RateId;
export interface Sort {
  key: SortKey;
  descending: boolean;
}

/** Campaigns in the chosen order; rates without a value sort last either
 * way, names break ties. */
export function sortCampaigns(rows: CampaignRow[], sort: Sort): CampaignRow[] {
  const value = (row: CampaignRow): number | string | null => {
    if (sort.key === "name") return row.name.toLowerCase();
    if (sort.key === "sent" || sort.key === "delivered") return row.counts[sort.key];
    return row.rates[sort.key].value;
  };
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) {
      if (x === y) return a.name.localeCompare(b.name);
      return x === null ? 1 : -1;
    }
    const order = x < y ? -1 : x > y ? 1 : a.name.localeCompare(b.name);
    return sort.descending && x !== y ? -order : order;
  });
}
