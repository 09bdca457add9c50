import type { JSX } from "preact";
import { useState } from "preact/hooks";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { Link } from "../ui/Link";
import { TEMPLATE_LABELS } from "./labels";
import { pagesText, triggerText } from "./summary";
import type { PopupRecord } from "./types";

interface Props {
  popups: PopupRecord[];
  /** The pop-up being saved or deleted, whose controls wait. */
  busy: string | undefined;
  hrefOf(id: string): string;
  onEdit(id: string): void;
  onToggle(popup: PopupRecord): void;
  onDuplicate(popup: PopupRecord): void;
  onDelete(popup: PopupRecord): void;
}

/** The site's pop-ups in the order they compete for a page view, each
 * with edit, enable or disable (saved at once), duplicate and delete
 * (after a confirmation). */
export function PopupList(props: Props): JSX.Element {
  const { popups, busy } = props;
  const [deleting, setDeleting] = useState<PopupRecord>();

  if (popups.length === 0) {
    return <p>No pop-ups yet. Create one from a template with New pop-up.</p>;
  }
  return (
    <>
      <table class="popup-list">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Template</th>
            <th scope="col">Trigger</th>
            <th scope="col">Pages</th>
            <th scope="col">Enabled</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {popups.map((popup) => (
            <tr key={popup.id}>
              <th scope="row">
                <Link
                  href={props.hrefOf(popup.id)}
                  onNavigate={() => props.onEdit(popup.id)}
                >
                  {popup.name}
                </Link>
              </th>
              <td>{TEMPLATE_LABELS[popup.template]?.label ?? popup.template}</td>
              <td>{triggerText(popup.targeting)}</td>
              <td>{pagesText(popup.targeting)}</td>
              <td>
                <input
                  type="checkbox"
                  role="switch"
                  aria-checked={popup.enabled}
                  aria-label={`Enabled: ${popup.name}`}
                  checked={popup.enabled}
                  disabled={busy === popup.id}
                  onChange={() => props.onToggle(popup)}
                />
              </td>
              <td class="actions">
                <button
                  type="button"
                  disabled={busy === popup.id}
                  aria-label={`Duplicate ${popup.name}`}
                  onClick={() => props.onDuplicate(popup)}
                >
                  Duplicate
                </button>{" "}
                <button
                  type="button"
                  class="danger"
                  disabled={busy === popup.id}
                  aria-label={`Delete ${popup.name}`}
                  onClick={() => setDeleting(popup)}
                >
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ConfirmDialog
        open={deleting !== undefined}
        title={`Delete ${deleting?.name ?? "the pop-up"}?`}
        confirmLabel="Delete"
        onConfirm={() => {
          if (deleting) props.onDelete(deleting);
          setDeleting(undefined);
        }}
        onCancel={() => setDeleting(undefined)}
      >
        <p>
          The shop stops showing it from its next page view, and the timers of its
          visitors are deleted. This cannot be undone; to pause it instead, untick
          Enabled.
        </p>
      </ConfirmDialog>
    </>
  );
}
