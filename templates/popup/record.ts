import { type PopupSettings, validatePopupSettings } from "../popups";
import { invalid, isRecord, type Validated } from "../validation";
import { POPUP_TEMPLATES, type PopupTemplate } from "./contract";
import {
  type PopupFrequency,
  type PopupTargeting,
  validateFrequency,
  validateTargeting,
} from "./targeting";

/** A pop-up as stored and as the admin API shows it. */
export interface Popup<T extends PopupTemplate = PopupTemplate> {
  id: string;
  name: string;
  template: T;
  enabled: boolean;
  priority: number;
  settings: PopupSettings[T];
  targeting: PopupTargeting;
  frequency: PopupFrequency;
  updatedAt: number;
}

const FIELDS = [
  "name",
  "template",
  "enabled",
  "priority",
  "settings",
  "targeting",
  "frequency",
];

/** Checks a pop-up sent to the admin API (and, as the marketer types, the
 * editor's draft): the settings through the
 * template's own validation (the one the editor runs as you type), the
 * targeting and frequency through the rules every template shares. */
export function validatePopup(
  id: string,
  input: unknown,
): Validated<Omit<Popup, "updatedAt">> {
  if (!isRecord(input)) return invalid("body", "must be a pop-up object");
  const extra = Object.keys(input).find((key) => !FIELDS.includes(key));
  if (extra) return invalid(extra, "is not a field of a pop-up");

  const { name, template, enabled = true, priority = 100 } = input;
  if (typeof name !== "string" || name.trim().length < 1 || name.length > 80) {
    return invalid("name", "must be 1 to 80 characters");
  }
  if (!POPUP_TEMPLATES.includes(template as PopupTemplate)) {
    return invalid("template", `must be one of: ${POPUP_TEMPLATES.join(", ")}`);
  }
  if (typeof enabled !== "boolean") return invalid("enabled", "must be true or false");
  if (
    typeof priority !== "number" ||
    !Number.isInteger(priority) ||
    priority < 0 ||
    priority > 1000
  ) {
    return invalid("priority", "must be a whole number from 0 to 1000");
  }
  // Absent settings take the defaults; `null` is a mistake, not a reset.
  const settings = validatePopupSettings(
    template as PopupTemplate,
    input.settings === undefined ? {} : input.settings,
  );
  if (!settings.ok) return settings;
  const targeting = validateTargeting(input.targeting);
  if (!targeting.ok) return targeting;
  const frequency = validateFrequency(input.frequency);
  if (!frequency.ok) return frequency;

  return {
    ok: true,
    value: {
      id,
      name: name.trim(),
      template: template as PopupTemplate,
      enabled,
      priority,
      settings: settings.value,
      targeting: targeting.value,
      frequency: frequency.value,
    },
  };
}
