import { validatePopup } from "../../../templates/popup/record";
import { validateFrequency, validateTargeting } from "../../../templates/popup/targeting";
import { validatePopupSettings } from "../../../templates/popups";
import type { Validated } from "../../../templates/validation";
import {
  frequencyInput,
  numberOrText,
  type PopupDraft,
  settingsInput,
  targetingInput,
} from "./draft";
import type { PopupBody } from "./types";

/** What is wrong, by the field the API would name (`settings.title`,
 * `targeting.pages.0.value`), as the validation words it. */
export type FieldErrors = Record<string, string>;

export interface Checked {
  errors: FieldErrors;
  /** The body a save sends, when every field is valid. */
  body?: PopupBody;
  /** The template's settings when they are valid, whatever the rest. */
  settings?: PopupBody["settings"];
}

// Lists of plain values are one control each: an error about their third
// entry belongs to the control.
const WHOLE_LISTS = ["targeting.pageTypes", "targeting.devices", "targeting.segments"];

/** The control an API field belongs to: `targeting.segments.2` is
 * `targeting.segments`; a page rule keeps its index. */
export function controlOf(field: string): string {
  return WHOLE_LISTS.find((list) => field.startsWith(`${list}.`)) ?? field;
}

/**
 * Checks a draft with the templates' own validation, the one the edge runs
 * on save. That validation stops at the first problem, so each part is
 * also checked alone (the others take their defaults) to get an error per
 * field as the marketer types; a rule across fields (a fixed timer needs
 * a deadline) is caught by the check of the whole.
 */
export function checkDraft(draft: PopupDraft): Checked {
  const errors: FieldErrors = {};
  const note = (result: Validated<unknown>, own?: string) => {
    if (result.ok) return;
    const control = controlOf(result.field);
    // Alone, another field's default may be what is wrong; not this one's.
    if (own && control !== own && !control.startsWith(`${own}.`)) return;
    errors[control] ??= result.message;
  };

  // The pop-up's own fields, by the admin API's own rules, one at a time
  // (the check stops at the first problem).
  const name = draft.name.trim();
  const priority = numberOrText(draft.priority);
  const template = draft.template;
  note(validatePopup("draft", { name: draft.name, template }), "name");
  note(validatePopup("draft", { name: "-", template, priority }), "priority");

  const settings = settingsInput(draft);
  const targeting = targetingInput(draft.targeting);
  const frequency = frequencyInput(draft.frequency);
  for (const [key, value] of Object.entries(settings)) {
    note(validatePopupSettings(draft.template, { [key]: value }), `settings.${key}`);
  }
  for (const [key, value] of Object.entries(targeting)) {
    note(validateTargeting({ [key]: value }), `targeting.${key}`);
  }
  for (const [key, value] of Object.entries(frequency)) {
    note(validateFrequency({ [key]: value }), `frequency.${key}`);
  }

  const wholeSettings = validatePopupSettings(draft.template, settings);
  const wholeTargeting = validateTargeting(targeting);
  const wholeFrequency = validateFrequency(frequency);
  note(wholeSettings);
  note(wholeTargeting);
  note(wholeFrequency);
  if (
    !wholeSettings.ok ||
    !wholeTargeting.ok ||
    !wholeFrequency.ok ||
    Object.keys(errors).length > 0 ||
    typeof priority !== "number"
  ) {
    return { errors, settings: wholeSettings.ok ? wholeSettings.value : undefined };
  }
  return {
    errors,
    settings: wholeSettings.value,
    body: {
      name,
      template: draft.template,
      enabled: draft.enabled,
      priority,
      settings: wholeSettings.value,
      targeting: wholeTargeting.value,
      frequency: wholeFrequency.value,
    },
  };
}
