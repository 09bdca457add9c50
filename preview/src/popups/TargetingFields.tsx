import type { JSX } from "preact";
import { ChoiceGroup } from "../editor/fields/ChoiceGroup";
import { TextField } from "../editor/fields/TextField";
import type { FieldErrors } from "./check-draft";
import type { TargetingDraft } from "./draft";
import { fieldId } from "./field-id";
import { DEVICE_LABELS, optionsOf, PAGE_TYPE_LABELS, TRIGGER_LABELS } from "./labels";
import { PageRules } from "./PageRules";

interface Props {
  targeting: TargetingDraft;
  errors: FieldErrors;
  onChange(change: Partial<TargetingDraft>): void;
  onRules(change: (rules: TargetingDraft["pages"]) => TargetingDraft["pages"]): void;
}

/** Where, when and to whom the pop-up shows. */
export function TargetingFields({
  targeting,
  errors,
  onChange,
  onRules,
}: Props): JSX.Element {
  const common = (name: keyof TargetingDraft, label: string, hint?: string) => ({
    id: fieldId(`targeting.${name}`),
    label,
    hint,
    error: errors[`targeting.${name}`],
  });

  return (
    <>
      <fieldset class="group">
        <legend>Where</legend>
        <PageRules rules={targeting.pages} errors={errors} onRules={onRules} />
        <ChoiceGroup
          {...common("pageTypes", "Page types", "None ticked: every type of page.")}
          kind="checkbox"
          options={optionsOf(PAGE_TYPE_LABELS)}
          selected={targeting.pageTypes}
          onSelected={(pageTypes) => onChange({ pageTypes })}
        />
      </fieldset>
      <fieldset class="group">
        <legend>When</legend>
        <ChoiceGroup
          {...common("trigger", "Trigger")}
          kind="radio"
          options={optionsOf(TRIGGER_LABELS)}
          selected={[targeting.trigger]}
          onSelected={([trigger]) => onChange({ trigger: trigger ?? targeting.trigger })}
        />
        {(targeting.trigger === "load" || errors["targeting.delaySeconds"]) && (
          <TextField
            {...common(
              "delaySeconds",
              "Delay (seconds)",
              "0 to 600 after the page loads.",
            )}
            inputMode="numeric"
            value={targeting.delaySeconds}
            onValue={(delaySeconds) => onChange({ delaySeconds })}
          />
        )}
        {(targeting.trigger === "scroll" || errors["targeting.scrollPercent"]) && (
          <TextField
            {...common(
              "scrollPercent",
              "Scrolled (%)",
              "1 to 100 % of the page's height.",
            )}
            inputMode="numeric"
            value={targeting.scrollPercent}
            onValue={(scrollPercent) => onChange({ scrollPercent })}
          />
        )}
      </fieldset>
      <fieldset class="group">
        <legend>Who</legend>
        <ChoiceGroup
          {...common("devices", "Devices", "None ticked: every device.")}
          kind="checkbox"
          options={optionsOf(DEVICE_LABELS)}
          selected={targeting.devices}
          onSelected={(devices) => onChange({ devices })}
        />
        <TextField
          {...common(
            "segments",
            "Segments",
            "Segment ids, separated by commas: the visitor is in at least one. Empty: anyone.",
          )}
          value={targeting.segments}
          onValue={(segments) => onChange({ segments })}
        />
      </fieldset>
    </>
  );
}
