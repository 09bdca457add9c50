import {
  type RecommendationSettings,
  recommendationDefaults,
} from "../../../templates/recommendations/settings";
import type { WidgetRecord } from "../api/types";

export type SettingName = keyof RecommendationSettings;

/**
 * The settings as the form holds them while the marketer types: numbers
 * as the text of their field, so that "1" on the way to "12" or an empty
 * field is kept as typed and judged by the template's validation rather
 * than lost in a conversion.
 */
export type SettingsDraft = {
  [K in SettingName]: RecommendationSettings[K] extends number
    ? string
    : RecommendationSettings[K] extends string[]
      ? string[]
      : string;
};

/** A widget as the form holds it. */
export interface Draft {
  id: string;
  name: string;
  enabled: boolean;
  settings: SettingsDraft;
}

const NAMES = Object.keys(recommendationDefaults) as SettingName[];

/** Whether a setting is a number, judged by its default. */
export const isNumeric = (name: SettingName) =>
  typeof recommendationDefaults[name] === "number";

export function settingsDraft(settings: RecommendationSettings): SettingsDraft {
  const draft: Record<string, string | string[]> = {};
  for (const name of NAMES) {
    const value = settings[name];
    draft[name] = Array.isArray(value) ? [...value] : String(value);
  }
  return draft as SettingsDraft;
}

export function draftOf(widget: WidgetRecord): Draft {
  return {
    id: widget.id,
    name: widget.name,
    enabled: widget.enabled,
    settings: settingsDraft(widget.settings),
  };
}

export function newDraft(): Draft {
  return {
    id: "",
    name: "New widget",
    enabled: true,
    settings: settingsDraft(recommendationDefaults),
  };
}

/** A number's text as a number when it reads as one; otherwise the text
 * itself, for the validation to name what is wrong with it. */
function numberOrText(text: string): number | string {
  const trimmed = text.trim();
  return /^[+-]?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : text;
}

/** The value of one setting as the validation and the API take it. */
export function inputOf(draft: SettingsDraft, name: SettingName): unknown {
  const value = draft[name];
  return typeof value === "string" && isNumeric(name) ? numberOrText(value) : value;
}

/** The settings object as the validation and the API take it. */
export function settingsInput(draft: SettingsDraft): Record<string, unknown> {
  return Object.fromEntries(NAMES.map((name) => [name, inputOf(draft, name)]));
}

export const settingNames: readonly SettingName[] = NAMES;
