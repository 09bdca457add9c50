import type { PageRule, PopupTargeting } from "../../../templates/popup/targeting";
import { PAGE_TYPE_LABELS } from "./labels";

// After "does not".
const VERBS: Record<PageRule["match"], string> = {
  contains: "contain",
  equals: "equal",
  matches: "match",
};

/** When the pop-up shows, in a few words for the list. */
export function triggerText(targeting: PopupTargeting): string {
  switch (targeting.trigger) {
    case "load":
      return targeting.delaySeconds === 0
        ? "On load"
        : `${targeting.delaySeconds} s after load`;
    case "scroll":
      return `At ${targeting.scrollPercent} % scrolled`;
    case "exit":
      return "On exit intent";
    case "add-to-cart":
      return "On add to cart";
  }
}

/** Where the pop-up shows, in a few words for the list. */
export function pagesText(targeting: PopupTargeting): string {
  const types = targeting.pageTypes.map((type) => PAGE_TYPE_LABELS[type]).join(", ");
  const rules = targeting.pages.map(
    (rule) =>
      `address ${rule.negate ? `does not ${VERBS[rule.match]}` : rule.match} "${rule.value}"`,
  );
  const parts = [types ? `${types} pages` : "Every page", ...rules];
  return parts.join("; ");
}
