import type { JSX } from "preact";
import type { FieldName } from "./check-draft";
import type { SettingName, SettingsDraft } from "./draft";
import { ChoiceGroup } from "./fields/ChoiceGroup";
import { ColorField } from "./fields/ColorField";
import { SelectField } from "./fields/SelectField";
import { TextField } from "./fields/TextField";
import {
  ALGORITHM_LABELS,
  LAYOUT_LABELS,
  optionsOf,
  PAGE_LABELS,
  SETTING_LABELS,
} from "./labels";

interface Props {
  settings: SettingsDraft;
  errors: Partial<Record<FieldName, string>>;
  onChange<K extends SettingName>(name: K, value: SettingsDraft[K]): void;
}

/** The id of a setting's control, which errors and tests find it by. */
export const fieldId = (name: FieldName) => `field-${name}`;

/** Every setting of the recommendations template, in the order a marketer
 * thinks of them: what it says, what it shows, how it looks, where. */
export function SettingsFields({ settings, errors, onChange }: Props): JSX.Element {
  const common = (name: SettingName) => ({
    id: fieldId(name),
    ...SETTING_LABELS[name],
    error: errors[name],
  });

  return (
    <>
      <fieldset class="group">
        <legend>Texts</legend>
        <TextField
          {...common("title")}
          value={settings.title}
          onValue={(value) => onChange("title", value)}
        />
        <TextField
          {...common("buttonText")}
          value={settings.buttonText}
          onValue={(value) => onChange("buttonText", value)}
        />
      </fieldset>
      <fieldset class="group">
        <legend>Items</legend>
        <SelectField
          {...common("algorithm")}
          value={settings.algorithm}
          options={optionsOf(ALGORITHM_LABELS)}
          onValue={(value) => onChange("algorithm", value)}
        />
        <TextField
          {...common("count")}
          inputMode="numeric"
          value={settings.count}
          onValue={(value) => onChange("count", value)}
        />
        <TextField
          {...common("windowDays")}
          inputMode="numeric"
          value={settings.windowDays}
          onValue={(value) => onChange("windowDays", value)}
        />
      </fieldset>
      <fieldset class="group">
        <legend>Look</legend>
        <ChoiceGroup
          {...common("layout")}
          kind="radio"
          options={optionsOf(LAYOUT_LABELS)}
          selected={[settings.layout]}
          onSelected={([value]) => onChange("layout", value ?? settings.layout)}
        />
        <ColorField
          {...common("accentColor")}
          value={settings.accentColor}
          onValue={(value) => onChange("accentColor", value)}
        />
      </fieldset>
      <ChoiceGroup
        {...common("pages")}
        kind="checkbox"
        options={optionsOf(PAGE_LABELS)}
        selected={settings.pages}
        onSelected={(value) => onChange("pages", value)}
      />
    </>
  );
}
