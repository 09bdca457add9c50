import type { JSX } from "preact";
import type { FieldName } from "./check-draft";
import type { Draft } from "./draft";
import { TextField } from "./fields/TextField";
import { fieldId } from "./SettingsFields";

interface Props {
  draft: Draft;
  isNew: boolean;
  errors: Partial<Record<FieldName, string>>;
  onChange(change: Partial<Omit<Draft, "settings">>): void;
}

/** The widget's own fields: its id (fixed once created), name and whether
 * the shop shows it. */
export function WidgetFields({ draft, isNew, errors, onChange }: Props): JSX.Element {
  const placeholder = `<div data-vitrine-widget="${draft.id || "id"}">`;
  const fixed = isNew ? "" : " It cannot change.";
  return (
    <fieldset class="group">
      <legend>Widget</legend>
      <TextField
        id={fieldId("id")}
        label="Id"
        hint={`The shop's placeholder names it: ${placeholder}.${fixed}`}
        value={draft.id}
        readOnly={!isNew}
        error={errors.id}
        onValue={(id) => onChange({ id: id.trim() })}
      />
      <TextField
        id={fieldId("name")}
        label="Name"
        hint="For you and your team; shoppers do not see it."
        value={draft.name}
        error={errors.name}
        onValue={(name) => onChange({ name })}
      />
      <div class="field check">
        <input
          id="field-enabled"
          type="checkbox"
          checked={draft.enabled}
          onChange={(event) => onChange({ enabled: event.currentTarget.checked })}
        />
        <label for="field-enabled">Enabled: the shop shows it</label>
      </div>
    </fieldset>
  );
}
