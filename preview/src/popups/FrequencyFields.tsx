import type { JSX } from "preact";
import { ChoiceGroup } from "../editor/fields/ChoiceGroup";
import { TextField } from "../editor/fields/TextField";
import type { FieldErrors } from "./check-draft";
import type { FrequencyDraft } from "./draft";
import { fieldId } from "./field-id";
import { CAP_LABELS, optionsOf } from "./labels";

interface Props {
  frequency: FrequencyDraft;
  errors: FieldErrors;
  onChange(change: Partial<FrequencyDraft>): void;
}

/** How often one visitor may see the pop-up. */
export function FrequencyFields({ frequency, errors, onChange }: Props): JSX.Element {
  const common = (name: keyof FrequencyDraft, label: string, hint?: string) => ({
    id: fieldId(`frequency.${name}`),
    label,
    hint,
    error: errors[`frequency.${name}`],
  });

  return (
    <fieldset class="group">
      <legend>How often</legend>
      <ChoiceGroup
        {...common(
          "cap",
          "Show it",
          "At most one pop-up shows per page view, whatever this says.",
        )}
        kind="radio"
        options={optionsOf(CAP_LABELS)}
        selected={[frequency.cap]}
        onSelected={([cap]) => onChange({ cap: cap ?? frequency.cap })}
      />
      {(frequency.cap === "days" || errors["frequency.days"]) && (
        <TextField
          {...common("days", "Every (days)", "1 to 365.")}
          inputMode="numeric"
          value={frequency.days}
          onValue={(days) => onChange({ days })}
        />
      )}
      <TextField
        {...common(
          "maxCloses",
          "Stop after this many closes",
          "0 to 100; 0 is no limit.",
        )}
        inputMode="numeric"
        value={frequency.maxCloses}
        onValue={(maxCloses) => onChange({ maxCloses })}
      />
      <div class="field check">
        <input
          id={fieldId("frequency.stopAfterConversion")}
          type="checkbox"
          checked={frequency.stopAfterConversion}
          onChange={(event) =>
            onChange({ stopAfterConversion: event.currentTarget.checked })
          }
        />
        <label for={fieldId("frequency.stopAfterConversion")}>
          Never again once the visitor acted on it
        </label>
      </div>
    </fieldset>
  );
}
