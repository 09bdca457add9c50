import type { PopupTemplate } from "../../../templates/popup/contract";
import {
  frequencyDefaults,
  type PageRule,
  type PopupFrequency,
  type PopupTargeting,
  targetingDefaults,
} from "../../../templates/popup/targeting";
import { POPUP_DEFAULTS } from "../../../templates/popups";
import type { PopupRecord } from "./types";

/**
 * A pop-up as the form holds it while the marketer types. Every number is
 * the text of its field, so that "1" on the way to "12", or an empty
 * field, is kept as typed and judged by the validation rather than lost
 * in a conversion. Every template's settings are text or numbers.
 */
export interface PopupDraft {
  id: string;
  name: string;
  template: PopupTemplate;
  enabled: boolean;
  priority: string;
  settings: Record<string, string>;
  targeting: TargetingDraft;
  frequency: FrequencyDraft;
}

export interface TargetingDraft {
  pages: PageRule[];
  pageTypes: string[];
  trigger: string;
  delaySeconds: string;
  scrollPercent: string;
  devices: string[];
  /** Segment ids as typed, separated by commas or spaces. */
  segments: string;
}

export interface FrequencyDraft {
  cap: string;
  days: string;
  stopAfterConversion: boolean;
  maxCloses: string;
}

/** New pop-ups start like this: the edge's defaults (templates/popup/record.ts). */
const DEFAULT_PRIORITY = 100;

function textsOf(values: object): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, String(value)]),
  );
}

function targetingDraft(targeting: PopupTargeting): TargetingDraft {
  return {
    pages: targeting.pages.map((rule) => ({ ...rule })),
    pageTypes: [...targeting.pageTypes],
    trigger: targeting.trigger,
    delaySeconds: String(targeting.delaySeconds),
    scrollPercent: String(targeting.scrollPercent),
    devices: [...targeting.devices],
    segments: targeting.segments.join(", "),
  };
}

function frequencyDraft(frequency: PopupFrequency): FrequencyDraft {
  return {
    ...frequency,
    days: String(frequency.days),
    maxCloses: String(frequency.maxCloses),
  };
}

export function draftOf(popup: PopupRecord): PopupDraft {
  return {
    id: popup.id,
    name: popup.name,
    template: popup.template,
    enabled: popup.enabled,
    priority: String(popup.priority),
    settings: textsOf(popup.settings),
    targeting: targetingDraft(popup.targeting),
    frequency: frequencyDraft(popup.frequency),
  };
}

/**
 * A new pop-up of `template`, with the template's defaults. Its id is made
 * up here, since `PUT` names it: the template and a random part, which
 * makes taking an existing pop-up's id practically impossible.
 */
export function newDraft(template: PopupTemplate, label: string): PopupDraft {
  // getRandomValues, unlike randomUUID, works outside secure contexts too.
  const bytes = crypto.getRandomValues(new Uint8Array(5));
  const random = [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return {
    id: `${template}-${random}`,
    name: label,
    template,
    enabled: true,
    priority: String(DEFAULT_PRIORITY),
    settings: textsOf(POPUP_DEFAULTS[template]),
    targeting: targetingDraft(targetingDefaults),
    frequency: frequencyDraft(frequencyDefaults),
  };
}

/** A number's text as a number when it reads as one; otherwise the text
 * itself, for the validation to name what is wrong with it. */
export function numberOrText(text: string): number | string {
  const trimmed = text.trim();
  return /^[+-]?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : text;
}

/** The settings as the validation and the API take them: numbers where
 * the template's default is a number. */
export function settingsInput(draft: PopupDraft): Record<string, unknown> {
  const defaults: Record<string, unknown> = { ...POPUP_DEFAULTS[draft.template] };
  return Object.fromEntries(
    Object.entries(draft.settings).map(([key, value]) => [
      key,
      typeof defaults[key] === "number" ? numberOrText(value) : value,
    ]),
  );
}

export function targetingInput(draft: TargetingDraft): Record<string, unknown> {
  return {
    ...draft,
    delaySeconds: numberOrText(draft.delaySeconds),
    scrollPercent: numberOrText(draft.scrollPercent),
    segments: draft.segments.split(/[\s,]+/).filter(Boolean),
  };
}

export function frequencyInput(draft: FrequencyDraft): Record<string, unknown> {
  return {
    ...draft,
    days: numberOrText(draft.days),
    maxCloses: numberOrText(draft.maxCloses),
  };
}
