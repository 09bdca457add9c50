import { ID_RULE, isId } from "../../../edge/http/identifiers";
import {
  type RecommendationSettings,
  validateRecommendationSettings,
} from "../../../templates/recommendations/settings";
import {
  type Draft,
  inputOf,
  type SettingName,
  settingNames,
  settingsInput,
} from "./draft";

/** Fields of the form that can be wrong: a setting, or the widget's own. */
export type FieldName = SettingName | "id" | "name";

export interface Checked {
  /** What is wrong with each field, as the validation words it
   * ("must be between 1 and 12"). */
  errors: Partial<Record<FieldName, string>>;
  /** The settings as they would be saved, when every one is valid. */
  settings?: RecommendationSettings;
}

const NAME_MAX = 80;

/**
 * Checks a draft with the template's own validation, the one the edge runs
 * on save. That validation stops at the first problem, so each setting is
 * also checked alone (the others take their defaults) to get an error per
 * field as the marketer types.
 *
 * The name's rule (1 to 80 characters) is edge/widgets/validate.ts's; that
 * module cannot be imported here because its types pull in the worker's
 * D1 types. The edge checks it again on save and the form shows its answer.
 */
export function checkDraft(draft: Draft): Checked {
  const errors: Checked["errors"] = {};
  if (!isId(draft.id)) errors.id = ID_RULE;
  const name = draft.name.trim();
  if (name.length < 1 || name.length > NAME_MAX) {
    errors.name = `must be 1 to ${NAME_MAX} characters`;
  }

  for (const setting of settingNames) {
    const alone = validateRecommendationSettings(
      { [setting]: inputOf(draft.settings, setting) },
      "settings",
    );
    if (!alone.ok) errors[fieldOf(alone.field) ?? setting] = alone.message;
  }

  const whole = validateRecommendationSettings(settingsInput(draft.settings), "settings");
  if (!whole.ok) {
    // Only if checking the fields one by one missed it (a rule across
    // fields): the form must never look valid when a save would fail.
    const field = fieldOf(whole.field);
    if (field && !errors[field]) errors[field] = whole.message;
    return { errors };
  }
  return { errors, settings: whole.value };
}

/** The form field an API error names: `settings.pages.2` is `pages`. */
export function fieldOf(apiField: string | undefined): FieldName | undefined {
  if (apiField === "id" || apiField === "name") return apiField;
  const setting = /^settings\.([A-Za-z]+)/.exec(apiField ?? "")?.[1];
  return settingNames.find((name) => name === setting);
}
