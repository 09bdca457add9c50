import type { JSX } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { AdminApi } from "../api/admin-api";
import type { WidgetRecord } from "../api/types";
import { pathOf } from "../app/routes";
import { ALGORITHM_LABELS } from "../editor/labels";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { Link } from "../ui/Link";
import { copyId, copyName } from "./copy-id";

interface Props {
  api: AdminApi;
  onEdit(id: string): void;
  onCreate(): void;
  /** Opens the Integrations section, where a back end gets its key. */
  onIntegrations(): void;
}

type Message = { kind: "done" | "problem"; text: string };

/**
 * The site's widgets, with what can be done to each: edit, enable or
 * disable, duplicate, delete (after a confirmation). Every change is saved
 * at once and bumps the site's config version.
 */
export function WidgetList({
  api,
  onEdit,
  onCreate,
  onIntegrations,
}: Props): JSX.Element {
  const [widgets, setWidgets] = useState<WidgetRecord[]>();
  const [message, setMessage] = useState<Message>();
  const [deleting, setDeleting] = useState<WidgetRecord>();
  const [busy, setBusy] = useState<string>();

  useEffect(() => {
    let current = true;
    api.listWidgets().then(
      (list) => current && setWidgets(list),
      (error: unknown) => current && setMessage(problem(error)),
    );
    return () => {
      current = false;
    };
  }, [api]);

  async function act(id: string, work: () => Promise<Message>) {
    setBusy(id);
    try {
      setMessage(await work());
    } catch (error) {
      setMessage(problem(error));
    } finally {
      setBusy(undefined);
    }
  }

  const replace = (saved: WidgetRecord) =>
    setWidgets((list) =>
      [...(list ?? []).filter((each) => each.id !== saved.id), saved].sort((a, b) =>
        a.id < b.id ? -1 : 1,
      ),
    );

  const toggle = (widget: WidgetRecord) =>
    act(widget.id, async () => {
      const { name, settings } = widget;
      const saved = await api.saveWidget(widget.id, {
        name,
        settings,
        enabled: !widget.enabled,
      });
      replace(saved);
      return {
        kind: "done",
        text: `${saved.name} is ${saved.enabled ? "enabled" : "disabled"}.`,
      };
    });

  // A copy starts disabled: the shop does not change until it is edited
  // and enabled on purpose.
  const duplicate = (widget: WidgetRecord) =>
    act(widget.id, async () => {
      const id = copyId(widget.id, new Set((widgets ?? []).map((each) => each.id)));
      const saved = await api.saveWidget(id, {
        name: copyName(widget.name),
        settings: widget.settings,
        enabled: false,
      });
      replace(saved);
      return { kind: "done", text: `Copied ${widget.name} to "${id}", disabled.` };
    });

  const remove = (widget: WidgetRecord) =>
    act(widget.id, async () => {
      setDeleting(undefined);
      await api.deleteWidget(widget.id);
      setWidgets((list) => list?.filter((each) => each.id !== widget.id));
      return { kind: "done", text: `Deleted ${widget.name}.` };
    });

  return (
    <main class="widget-list">
      <div class="list-header">
        <h1>Widgets</h1>
        <Link href={pathOf({ name: "new" })} class="button primary" onNavigate={onCreate}>
          New widget
        </Link>
      </div>
      <p class="hint">
        Your store's back end sends orders and customers with a key of its own:{" "}
        <Link
          href={pathOf({ name: "section", section: "integrations", path: "" })}
          onNavigate={onIntegrations}
        >
          create an integration
        </Link>
        .
      </p>
      <p class={message?.kind === "problem" ? "problem" : "done"} role="status">
        {message?.text}
      </p>
      {widgets === undefined ? (
        <p>Loading the widgets…</p>
      ) : widgets.length === 0 ? (
        <p>No widgets yet. Create one, then place its placeholder in your shop.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Id</th>
              <th scope="col">Algorithm</th>
              <th scope="col">Enabled</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {widgets.map((widget) => (
              <tr key={widget.id}>
                <th scope="row">
                  <Link
                    href={pathOf({ name: "edit", id: widget.id })}
                    onNavigate={() => onEdit(widget.id)}
                  >
                    {widget.name}
                  </Link>
                </th>
                <td>
                  <code>{widget.id}</code>
                </td>
                <td>{ALGORITHM_LABELS[widget.settings.algorithm]}</td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Enabled: ${widget.name}`}
                    checked={widget.enabled}
                    disabled={busy === widget.id}
                    onChange={() => toggle(widget)}
                  />
                </td>
                <td>
                  <div class="actions">
                    <button
                      type="button"
                      disabled={busy === widget.id}
                      aria-label={`Duplicate ${widget.name}`}
                      onClick={() => duplicate(widget)}
                    >
                      Duplicate
                    </button>
                    <button
                      type="button"
                      class="danger"
                      disabled={busy === widget.id}
                      aria-label={`Delete ${widget.name}`}
                      onClick={() => setDeleting(widget)}
                    >
                      Delete
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ConfirmDialog
        open={deleting !== undefined}
        title={`Delete ${deleting?.name ?? "the widget"}?`}
        confirmLabel="Delete"
        onConfirm={() => deleting && remove(deleting)}
        onCancel={() => setDeleting(undefined)}
      >
        <p>
          The shop stops showing it from its next page view, and its placeholder stays
          empty. This cannot be undone.
        </p>
      </ConfirmDialog>
    </main>
  );
}

function problem(error: unknown): Message {
  return {
    kind: "problem",
    text: error instanceof Error ? error.message : String(error),
  };
}
