import type { JSX } from "preact";
import { useState } from "preact/hooks";
import type { Operation } from "../../../edge/contract";
import {
  INTEGRATION_KINDS,
  INTEGRATION_OPERATIONS,
  type IntegrationKind,
} from "../../../edge/integrations/integration";
import { ApiProblem } from "../api/problem";
import type { IntegrationsApi } from "./integrations-api";
import { KIND_LABELS, SUGGESTED_OPERATIONS } from "./labels";
import type { WithKey } from "./types";

interface Props {
  api: IntegrationsApi;
  onCreated(created: WithKey): void;
}

const MAX_NAME = 80;

/** The form that creates an integration: its name, its kind, and the
 * operations it may call. Errors show at their field. */
export function CreateIntegration({ api, onCreated }: Props): JSX.Element {
  const [name, setName] = useState("");
  const [kind, setKind] = useState<IntegrationKind>("backend_api");
  const [operations, setOperations] = useState<Operation[]>(
    SUGGESTED_OPERATIONS.backend_api,
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  function chooseKind(next: IntegrationKind) {
    setKind(next);
    setOperations(SUGGESTED_OPERATIONS[next]);
  }

  function toggle(operation: Operation, on: boolean) {
    setOperations((chosen) =>
      on ? [...chosen, operation] : chosen.filter((each) => each !== operation),
    );
  }

  async function submit(event: Event) {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed.length < 1 || trimmed.length > MAX_NAME) {
      setErrors({ name: `Give it a name of 1 to ${MAX_NAME} characters.` });
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const created = await api.create({ name: trimmed, kind, operations });
      setName("");
      onCreated(created);
    } catch (error) {
      // "operations.2" shows at the operations; anything else above the button.
      const named = error instanceof ApiProblem ? error.field?.split(".")[0] : undefined;
      const field = named === "name" || named === "operations" ? named : "form";
      setErrors({ [field]: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="integration-form" onSubmit={submit} aria-labelledby="create-title">
      <h2 id="create-title">New integration</h2>
      <div class="field">
        <label for="integration-name">Name</label>
        <input
          id="integration-name"
          value={name}
          maxLength={MAX_NAME}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errors.name ? "integration-name-error" : undefined}
          onInput={(event) => setName(event.currentTarget.value)}
        />
        {errors.name && (
          <p id="integration-name-error" class="field-error">
            {errors.name}
          </p>
        )}
      </div>
      <fieldset class="choices">
        <legend>Kind</legend>
        {INTEGRATION_KINDS.map((each) => (
          <label key={each} class="choice">
            <input
              type="radio"
              name="integration-kind"
              value={each}
              checked={kind === each}
              onChange={() => chooseKind(each)}
            />
            {KIND_LABELS[each]}
          </label>
        ))}
      </fieldset>
      <fieldset class="choices">
        <legend>Operations it may call</legend>
        <p class="hint">
          A call naming any other operation is refused whole with 403, and nothing of it
          is stored.
        </p>
        {INTEGRATION_OPERATIONS.map((operation) => (
          <label key={operation} class="choice">
            <input
              type="checkbox"
              value={operation}
              checked={operations.includes(operation)}
              onChange={(event) => toggle(operation, event.currentTarget.checked)}
            />
            {operation}
          </label>
        ))}
        {errors.operations && <p class="field-error">{errors.operations}</p>}
      </fieldset>
      {errors.form && <p class="problem">{errors.form}</p>}
      <button type="submit" class="primary" disabled={busy}>
        Create and show its key
      </button>
    </form>
  );
}
