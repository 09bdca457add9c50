import type { JSX } from "preact";
import { POPUP_DEFAULTS } from "../../../templates/popups";
import { ChoiceGroup } from "../editor/fields/ChoiceGroup";
import { ColorField } from "../editor/fields/ColorField";
import { SelectField } from "../editor/fields/SelectField";
import { TextField } from "../editor/fields/TextField";
import type { FieldErrors } from "./check-draft";
import type { PopupDraft } from "./draft";
import { fieldId } from "./field-id";
import { METRIC_LABELS, MODE_LABELS, optionsOf, SETTING_LABELS } from "./labels";

interface Props {
  draft: PopupDraft;
  errors: FieldErrors;
  onChange(name: string, value: string): void;
}

// Settings that are a choice among a few words, with the words.
const CHOICES: Record<string, Record<string, string>> = {
  mode: MODE_LABELS,
  metric: METRIC_LABELS,
};

/** Every setting of the pop-up's template, in the template's own order:
 * the order of its defaults, which its documentation follows. */
export function TemplateSettings({ draft, errors, onChange }: Props): JSX.Element {
  const defaults: Record<string, unknown> = { ...POPUP_DEFAULTS[draft.template] };
  const labels: Record<string, { label: string; hint?: string }> =
    SETTING_LABELS[draft.template];

  return (
    <fieldset class="group">
      <legend>Content</legend>
      {Object.keys(defaults).map((name) => {
        const field = `settings.${name}`;
        const common = {
          id: fieldId(field),
          label: labels[name]?.label ?? name,
          hint: labels[name]?.hint,
          error: errors[field],
        };
        const value = draft.settings[name] ?? "";
        const choices = CHOICES[name];
        if (name === "mode" && choices) {
          return (
            <ChoiceGroup
              key={name}
              {...common}
              kind="radio"
              options={optionsOf(choices)}
              selected={[value]}
              onSelected={([next]) => onChange(name, next ?? value)}
            />
          );
        }
        if (choices) {
          return (
            <SelectField
              key={name}
              {...common}
              value={value}
              options={optionsOf(choices)}
              onValue={(next) => onChange(name, next)}
            />
          );
        }
        if (name === "accentColor") {
          return (
            <ColorField
              key={name}
              {...common}
              value={value}
              onValue={(next) => onChange(name, next)}
            />
          );
        }
        return (
          <TextField
            key={name}
            {...common}
            inputMode={typeof defaults[name] === "number" ? "numeric" : undefined}
            value={value}
            onValue={(next) => onChange(name, next)}
          />
        );
      })}
    </fieldset>
  );
}
