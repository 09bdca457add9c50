import type { JSX } from "preact";
import { RULE_MATCHES } from "../../../templates/popup/page-rules";
import type { PageRule } from "../../../templates/popup/targeting";
import { describedBy } from "../editor/fields/described-by";
import { FieldMessages } from "../editor/fields/FieldMessages";
import type { FieldErrors } from "./check-draft";
import { fieldId } from "./field-id";
import { MATCH_LABELS } from "./labels";

interface Props {
  rules: PageRule[];
  errors: FieldErrors;
  /** Takes the change as a function of the rules it applies to: two
   * changes before a render must not undo each other. */
  onRules(change: (rules: PageRule[]) => PageRule[]): void;
}

/** The edge accepts at most this many (templates/popup/targeting.ts). */
const MAX_RULES = 10;

/** Conditions on the page's address, all of which must hold: each says
 * how to compare, what with, and may be turned into its opposite. */
export function PageRules({ rules, errors, onRules }: Props): JSX.Element {
  const change = (index: number, next: Partial<PageRule>) =>
    onRules((before) =>
      before.map((rule, at) => (at === index ? { ...rule, ...next } : rule)),
    );
  const listError = errors["targeting.pages"];
  const listId = fieldId("targeting.pages");
  const hint = "Every condition must hold. None: every address.";

  return (
    <fieldset
      id={listId}
      class={listError ? "field page-rules invalid" : "field page-rules"}
      aria-describedby={describedBy(listId, hint, listError)}
    >
      <legend>Page address</legend>
      {rules.map((rule, index) => {
        const at = `targeting.pages.${index}`;
        const number = index + 1;
        const valueError = errors[`${at}.value`] ?? errors[`${at}.match`] ?? errors[at];
        return (
          <div class="page-rule" key={index}>
            <select
              id={fieldId(`${at}.negate`)}
              aria-label={`Condition ${number}: does or does not`}
              value={rule.negate ? "not" : "is"}
              onChange={(event) =>
                change(index, { negate: event.currentTarget.value === "not" })
              }
            >
              <option value="is">Address</option>
              <option value="not">Address does not</option>
            </select>
            <select
              id={fieldId(`${at}.match`)}
              aria-label={`Condition ${number}: how to compare`}
              value={rule.match}
              onChange={(event) =>
                change(index, { match: event.currentTarget.value as PageRule["match"] })
              }
            >
              {RULE_MATCHES.map((match) => (
                <option key={match} value={match}>
                  {MATCH_LABELS[match]}
                </option>
              ))}
            </select>
            <input
              class="page-rule-value"
              id={fieldId(`${at}.value`)}
              aria-label={`Condition ${number}: text`}
              value={rule.value}
              autocomplete="off"
              spellcheck={false}
              aria-invalid={valueError ? "true" : undefined}
              aria-describedby={
                valueError ? `${fieldId(`${at}.value`)}-error` : undefined
              }
              onInput={(event) => change(index, { value: event.currentTarget.value })}
            />
            <button
              type="button"
              class="link"
              aria-label={`Remove condition ${number}`}
              onClick={() => onRules((before) => before.filter((_, at) => at !== index))}
            >
              Remove
            </button>
            {valueError && (
              <p id={`${fieldId(`${at}.value`)}-error`} class="field-error">
                Condition {number} {valueError}.
              </p>
            )}
          </div>
        );
      })}
      <button
        type="button"
        disabled={rules.length >= MAX_RULES}
        onClick={() =>
          onRules((before) => [
            ...before,
            { match: "contains", negate: false, value: "" },
          ])
        }
      >
        Add a condition
      </button>
      <FieldMessages id={listId} label="Page address" hint={hint} error={listError} />
    </fieldset>
  );
}
