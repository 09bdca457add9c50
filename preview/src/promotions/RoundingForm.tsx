import type { JSX } from "preact";
import { TextField } from "../editor/fields/TextField";
import { DescribedChoices } from "./DescribedChoices";
import {
  MODE_DESCRIPTIONS,
  MODE_LABELS,
  optionsWith,
  SCOPE_DESCRIPTIONS,
  SCOPE_LABELS,
} from "./labels";
import { RoundingWarning } from "./RoundingWarning";
import type { RoundingMode, RoundingScope } from "./types";

export interface RoundingDraft {
  mode: RoundingMode;
  /** As typed, in units of the currency ("0.05"). */
  step: string;
  scope: RoundingScope;
}

export type RoundingField = keyof RoundingDraft;

interface Props {
  draft: RoundingDraft;
  currency: string;
  errors: Partial<Record<RoundingField, string>>;
  /** The edge's warnings about the saved step, which carts use now. */
  warnings: string[];
  dirty: boolean;
  saving: boolean;
  notice: { kind: "saved" | "problem"; text: string } | undefined;
  onChange(patch: Partial<RoundingDraft>): void;
  onSave(): void;
  onRevert(): void;
}

export const ROUNDING_FIELD_IDS: Record<RoundingField, string> = {
  mode: "rounding-mode",
  step: "rounding-step",
  scope: "rounding-scope",
};

/** The site's rounding setting: mode, step and scope, each said in words. */
export function RoundingForm(props: Props): JSX.Element {
  const { draft, errors } = props;
  const step = (amount: string) =>
    props.currency ? `${amount} ${props.currency}` : amount;
  return (
    <form
      class="rounding-form"
      noValidate
      aria-labelledby="rounding-title"
      onSubmit={(event) => {
        event.preventDefault();
        props.onSave();
      }}
    >
      <DescribedChoices
        id={ROUNDING_FIELD_IDS.mode}
        label="Mode: what a price exactly halfway between two steps becomes"
        options={optionsWith(MODE_LABELS, MODE_DESCRIPTIONS)}
        value={draft.mode}
        error={errors.mode}
        onValue={(mode) => props.onChange({ mode })}
      />
      <TextField
        id={ROUNDING_FIELD_IDS.step}
        label="Step"
        inputMode="numeric"
        hint={`Discounted prices end on a multiple of it: ${step("0.01")} is to the cent, ${step("0.05")} to five cents, ${step("1")} to whole units.`}
        value={draft.step}
        error={errors.step}
        onValue={(value) => props.onChange({ step: value })}
      />
      <RoundingWarning
        id="rounding-step-warning"
        title="the saved step can change the prices of cheap products a lot."
        lines={props.warnings}
      />
      <DescribedChoices
        id={ROUNDING_FIELD_IDS.scope}
        label="Scope: what is rounded"
        options={optionsWith(SCOPE_LABELS, SCOPE_DESCRIPTIONS)}
        value={draft.scope}
        error={errors.scope}
        onValue={(scope) => props.onChange({ scope })}
      />
      <div class="editor-actions">
        <button type="submit" class="primary" disabled={props.saving || !props.dirty}>
          {props.saving ? "Saving…" : "Save rounding"}
        </button>
        <button type="button" disabled={!props.dirty} onClick={props.onRevert}>
          Revert
        </button>
        <span class="dirty" aria-live="polite">
          {props.dirty ? "Unsaved changes: carts are still rounded the saved way" : ""}
        </span>
      </div>
      {props.notice && (
        <p
          class={props.notice.kind === "saved" ? "saved" : "problem"}
          role={props.notice.kind === "saved" ? "status" : "alert"}
        >
          {props.notice.text}
        </p>
      )}
    </form>
  );
}
