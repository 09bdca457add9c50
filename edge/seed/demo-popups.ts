import type { PopupTemplate } from "../../templates/popup/contract";
import {
  frequencyDefaults,
  type PopupFrequency,
  type PopupTargeting,
  targetingDefaults,
} from "../../templates/popup/targeting";
import { POPUP_DEFAULTS, type PopupSettings } from "../../templates/popups";
import { insertStatements } from "./sql";

interface DemoPopup<T extends PopupTemplate = PopupTemplate> {
  id: string;
  name: string;
  template: T;
  priority: number;
  settings: PopupSettings[T];
  targeting: PopupTargeting;
  frequency: PopupFrequency;
}

function popup<T extends PopupTemplate>(
  id: string,
  name: string,
  template: T,
  priority: number,
  changes: {
    settings?: Partial<PopupSettings[T]>;
    targeting?: Partial<PopupTargeting>;
    frequency?: Partial<PopupFrequency>;
  },
): DemoPopup {
  return {
    id,
    name,
    template,
    priority,
    settings: { ...POPUP_DEFAULTS[template], ...changes.settings },
    targeting: { ...targetingDefaults, ...changes.targeting },
    frequency: { ...frequencyDefaults, ...changes.frequency },
  };
}

/** One campaign of each pop-up template, on the pages where it belongs. */
export const DEMO_POPUPS: readonly DemoPopup[] = [
  popup("free-delivery-timer", "Free delivery countdown", "countdown", 40, {
    settings: {
      title: "Free delivery, for a little while",
      text: "Order before the timer runs out and we deliver for free.",
      mode: "evergreen",
      durationMinutes: 30,
    },
    targeting: { pageTypes: ["home"], trigger: "load", delaySeconds: 4 },
  }),
  popup("bought-today", "Bought today", "social-proof", 20, {
    settings: {
      text: "{count} people bought this in the last {hours} hours",
      metric: "bought",
      windowHours: 24,
      minimum: 3,
    },
    targeting: { pageTypes: ["product"], trigger: "load", delaySeconds: 2 },
    frequency: { cap: "page-view", maxCloses: 3 },
  }),
  popup("better-choice", "A step up", "upsell", 10, {
    settings: { minIncreasePercent: 10, maxIncreasePercent: 80 },
    targeting: { pageTypes: ["product"], trigger: "exit" },
    frequency: { cap: "days", days: 1 },
  }),
  popup("complete-basket", "Goes well with your basket", "cross-sell", 30, {
    targeting: { pageTypes: ["cart"], trigger: "load", delaySeconds: 1 },
  }),
];

export function demoPopupStatements(siteId: string, now: number): string[] {
  return insertStatements(
    "popups",
    [
      "site_id",
      "id",
      "name",
      "template",
      "priority",
      "settings",
      "targeting",
      "frequency",
      "created_at",
      "updated_at",
    ],
    DEMO_POPUPS.map((demo) => [
      siteId,
      demo.id,
      demo.name,
      demo.template,
      demo.priority,
      JSON.stringify(demo.settings),
      JSON.stringify(demo.targeting),
      JSON.stringify(demo.frequency),
      now,
      now,
    ]),
  );
}
