/** Baskets of the CSV, one per non-empty line, item names trimmed. */
export function parseBaskets(csv: string): string[][] {
  const baskets: string[][] = [];
  for (const line of csv.split(/\r?\n/)) {
    const items = line
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item.length > 0);
    if (items.length > 0) baskets.push(items);
  }
  return baskets;
}

/** Every tenth basket is kept out of the shop so that the recommendation
 * evaluation can test on purchases the algorithms never saw. */
export function isHoldout(index: number): boolean {
  return index % 10 === 9;
}

export function splitBaskets(baskets: string[][]): {
  training: string[][];
  holdout: string[][];
} {
  return {
    training: baskets.filter((_, index) => !isHoldout(index)),
    holdout: baskets.filter((_, index) => isHoldout(index)),
  };
}
