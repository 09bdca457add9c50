import type { JSX } from "preact";
import { useState } from "preact/hooks";
import type { SiteInfo } from "../api/types";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { Link } from "../ui/Link";
import { periodText, targetText, valueText } from "./format";
import { KIND_LABELS } from "./labels";
import type { PromotionRecord } from "./types";

interface Props {
  promotions: PromotionRecord[];
  site: SiteInfo | undefined;
  /** The promotion being saved or deleted, whose controls wait. */
  busy: string | undefined;
  hrefOf(id: string): string;
  onEdit(id: string): void;
  onToggle(promotion: PromotionRecord): void;
  onDelete(promotion: PromotionRecord): void;
}

/** The site's promotions, each with edit, enable or disable (saved at
 * once) and delete (after a confirmation). */
export function PromotionList(props: Props): JSX.Element {
  const { promotions, site, busy } = props;
  const [deleting, setDeleting] = useState<PromotionRecord>();
  const now = Date.now();

  if (promotions.length === 0) {
    return <p>No promotions yet. Carts are priced at the regular prices.</p>;
  }
  return (
    <>
      <table class="promotion-list">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Value</th>
            <th scope="col">Applies to</th>
            <th scope="col">Period</th>
            <th scope="col">Enabled</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {promotions.map((promotion) => (
            <tr key={promotion.id}>
              <th scope="row">
                <Link
                  href={props.hrefOf(promotion.id)}
                  onNavigate={() => props.onEdit(promotion.id)}
                >
                  {promotion.name}
                </Link>
                <code class="id">{promotion.id}</code>
              </th>
              <td>{KIND_LABELS[promotion.kind]}</td>
              <td>
                {valueText(promotion, site)}
                {site && promotion.currency !== site.currency && (
                  <p class="hint">
                    In {promotion.currency}, not the site's {site.currency}: never
                    applied.
                  </p>
                )}
              </td>
              <td>{targetText(promotion, site)}</td>
              <td>{periodText(promotion, site?.locale, now)}</td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Enabled: ${promotion.name}`}
                  checked={promotion.enabled}
                  disabled={busy === promotion.id}
                  onChange={() => props.onToggle(promotion)}
                />
              </td>
              <td>
                <button
                  type="button"
                  class="danger"
                  disabled={busy === promotion.id}
                  aria-label={`Delete ${promotion.name}`}
                  onClick={() => setDeleting(promotion)}
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
        title={`Delete ${deleting?.name ?? "the promotion"}?`}
        confirmLabel="Delete"
        onConfirm={() => {
          if (deleting) props.onDelete(deleting);
          setDeleting(undefined);
        }}
        onCancel={() => setDeleting(undefined)}
      >
        <p>
          Carts are priced without it from the next calculation. This cannot be undone; to
          pause it instead, untick Enabled.
        </p>
      </ConfirmDialog>
    </>
  );
}
