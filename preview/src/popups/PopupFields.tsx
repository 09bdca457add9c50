import type { JSX } from "preact";
import { TextField } from "../editor/fields/TextField";
import type { FieldErrors } from "./check-draft";
import type { PopupDraft } from "./draft";
import { fieldId } from "./field-id";
import { TEMPLATE_LABELS } from "./labels";

interface Props {
  draft: PopupDraft;
  errors: FieldErrors;
  onChange(change: Partial<Pick<PopupDraft, "name" | "enabled" | "priority">>): void;
}

/** The pop-up's own fields: its name, whether the shop shows it, and its
 * rank among the pop-ups that could show on the same page view. */
export function PopupFields({ draft, errors, onChange }: Props): JSX.Element {
  return (
    <fieldset class="group">
      <legend>Pop-up</legend>
      <p class="hint">
        Template: <strong>{TEMPLATE_LABELS[draft.template].label}</strong>. Id{" "}
        <code>{draft.id}</code>.
      </p>
      <TextField
        id={fieldId("name")}
        label="Name"
        hint="For you and your team; shoppers do not see it."
        value={draft.name}
        error={errors.name}
        onValue={(name) => onChange({ name })}
      />
      <TextField
        id={fieldId("priority")}
        label="Priority"
        hint="0 to 1000. At most one pop-up shows per page view; when several could, the lower number is tried first."
        inputMode="numeric"
        value={draft.priority}
        error={errors.priority}
        onValue={(priority) => onChange({ priority })}
      />
      <div class="field check">
        <input
          id={fieldId("enabled")}
          type="checkbox"
          checked={draft.enabled}
          onChange={(event) => onChange({ enabled: event.currentTarget.checked })}
        />
        <label for={fieldId("enabled")}>Enabled: the shop shows it</label>
      </div>
    </fieldset>
  );
}
