// No imports: the runtime's pop-up chunk uses this file, and anything it
// imported that the base runtime also uses would tie the two together.

export const RULE_MATCHES = ["contains", "equals", "matches"] as const;

/**
 * A condition on the page's URL (origin, path and query). `matches` takes
 * a pattern where `*` stands for any run of characters, not a regular
 * expression: a pathological expression would freeze the shop's page in
 * the shopper's browser, and a wildcard says what marketers mean.
 */
export interface PageRule {
  match: (typeof RULE_MATCHES)[number];
  /** Shows the pop-up where the condition does NOT hold. */
  negate: boolean;
  value: string;
}

/** Whether `url` satisfies `rule`. Comparison ignores case. */
export function ruleHolds(rule: PageRule, url: string): boolean {
  const subject = url.toLowerCase();
  const value = rule.value.toLowerCase();
  let holds: boolean;
  if (rule.match === "equals") holds = subject === value;
  else if (rule.match === "contains") holds = subject.includes(value);
  else holds = wildcardMatch(value, subject);
  return holds !== rule.negate;
}

/** `*` matches any run; linear in practice: each piece is found once,
 * left to right, the first and last anchored. */
function wildcardMatch(pattern: string, subject: string): boolean {
  const pieces = pattern.split("*");
  const first = pieces.shift() ?? "";
  if (!subject.startsWith(first)) return false;
  if (pieces.length === 0) return subject === first;
  const last = pieces.pop() ?? "";
  let at = first.length;
  for (const piece of pieces) {
    const found = subject.indexOf(piece, at);
    if (found < 0) return false;
    at = found + piece.length;
  }
  return subject.length - last.length >= at && subject.endsWith(last);
}
