import type { JSX } from "preact";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { formatTime, KIND_LABELS } from "./labels";
import type { IntegrationRecord } from "./types";

interface Props {
  integrations: IntegrationRecord[];
  busy: string | undefined;
  asking: { action: "rotate" | "revoke"; integration: IntegrationRecord } | undefined;
  onAsk(action: "rotate" | "revoke", integration: IntegrationRecord): void;
  onConfirm(): void;
  onCancel(): void;
}

/** The site's integrations, with rotate and revoke, each after a question:
 * both break the calls made with the current key. */
export function IntegrationList(props: Props): JSX.Element {
  const { integrations, busy, asking } = props;
  return (
    <>
      {integrations.length === 0 ? (
        <p>No integrations yet. Create one for each system that calls the API.</p>
      ) : (
        <table class="integration-list">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">Operations</th>
              <th scope="col">Key</th>
              <th scope="col">Status</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {integrations.map((integration) => {
              const revoked = integration.revokedAt !== null;
              return (
                <tr key={integration.id} class={revoked ? "revoked" : undefined}>
                  <th scope="row">
                    {integration.name}
                    <div class="hint">
                      <code>{integration.id}</code>
                    </div>
                  </th>
                  <td>{KIND_LABELS[integration.kind]}</td>
                  <td>{integration.operations.join(", ") || "none"}</td>
                  <td>
                    <code>…{integration.keyHint}</code>
                    <div class="hint">since {formatTime(integration.keyCreatedAt)}</div>
                  </td>
                  <td>
                    {revoked ? `Revoked ${formatTime(integration.revokedAt)}` : "Active"}
                  </td>
                  <td>
                    {!revoked && (
                      <div class="actions">
                        <button
                          type="button"
                          disabled={busy === integration.id}
                          aria-label={`Rotate the key of ${integration.name}`}
                          onClick={() => props.onAsk("rotate", integration)}
                        >
                          Rotate key
                        </button>
                        <button
                          type="button"
                          class="danger"
                          disabled={busy === integration.id}
                          aria-label={`Revoke ${integration.name}`}
                          onClick={() => props.onAsk("revoke", integration)}
                        >
                          Revoke
                        </button>
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <ConfirmDialog
        open={asking !== undefined}
        title={
          asking?.action === "revoke"
            ? `Revoke ${asking.integration.name}?`
            : `Rotate the key of ${asking?.integration.name ?? "the integration"}?`
        }
        confirmLabel={asking?.action === "revoke" ? "Revoke" : "Rotate the key"}
        onConfirm={props.onConfirm}
        onCancel={props.onCancel}
      >
        {asking?.action === "revoke" ? (
          <p>
            Its key stops working at once, for good: every call made with it gets 401. Its
            records stay in monitoring. This cannot be undone.
          </p>
        ) : (
          <p>
            The current key stops working at once; calls made with it get 401 until the
            integration uses the new key, which is shown once.
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
