import type { JSX } from "preact";
import { useMemo, useState } from "preact/hooks";
import { POPUP_TEMPLATES, type PopupTemplate } from "../../../templates/popup/contract";
import { BASE } from "../app/routes";
import type { SectionProps } from "../app/sections";
import { Link } from "../ui/Link";
import { Gallery } from "./Gallery";
import { PopupEditor, SAVED } from "./PopupEditor";
import { PopupList } from "./PopupList";
import { popupsApi } from "./popups-api";
import { type Message, usePopups } from "./use-popups";
import { useShopSample } from "./use-shop-sample";

/** Paths under /editor/popups/: "" the list, "new" the gallery,
 * "new/<template>" a new pop-up's editor, "edit/<id>" a pop-up's. */
const NEW = /^new\/([^/]+)$/;
const EDIT = /^edit\/([^/]+)$/;

/** The Pop-ups section: the list, the gallery of templates, the editor. */
export function PopupsSection(props: SectionProps): JSX.Element {
  const api = useMemo(() => popupsApi(props.api), [props.api]);
  const sample = useShopSample(props.api);
  const [message, setMessage] = useState<Message>();
  // The pop-up just created, whose editor opens anew under its id.
  const [created, setCreated] = useState<string>();
  const go = (path: string) => {
    // Said once: coming back later says nothing.
    setMessage(undefined);
    props.go(path);
  };

  const picked = NEW.exec(props.path)?.[1];
  const template = POPUP_TEMPLATES.find((known) => known === picked);
  const edit = EDIT.exec(props.path)?.[1];
  const id = edit === undefined ? undefined : safeDecode(edit);

  if (props.path === "new") {
    return (
      <Gallery
        site={sample.site}
        products={sample.products}
        onPick={(chosen: PopupTemplate) => go(`new/${chosen}`)}
        onBack={() => go("")}
      />
    );
  }
  if (template !== undefined || id !== undefined) {
    return (
      <PopupEditor
        key={id ?? `new:${template}`}
        api={api}
        target={id !== undefined ? { id } : { template: template ?? "countdown" }}
        site={sample.site}
        products={sample.products}
        sampleProblem={sample.problem}
        notice={id !== undefined && id === created ? SAVED : undefined}
        onDirty={props.onDirty}
        onCreated={(saved) => {
          setCreated(saved);
          // Just saved: nothing to lose, and the address now names it.
          props.onDirty(false);
          props.go(`edit/${encodeURIComponent(saved)}`);
        }}
        onBack={() => go("")}
      />
    );
  }
  return <PopupsPage api={api} message={message} go={go} />;
}

function PopupsPage(props: {
  api: ReturnType<typeof popupsApi>;
  message: Message | undefined;
  go(path: string): void;
}): JSX.Element {
  const list = usePopups(props.api, props.message);
  const hrefOf = (id: string) => `${BASE}popups/edit/${encodeURIComponent(id)}`;

  return (
    <main class="popups">
      <div class="list-header">
        <h1>Pop-ups</h1>
        <Link
          href={`${BASE}popups/new`}
          class="button primary"
          onNavigate={() => props.go("new")}
        >
          New pop-up
        </Link>
      </div>
      <p class={list.message?.kind === "problem" ? "problem" : "done"} role="status">
        {list.message?.text}
      </p>
      {list.popups === undefined ? (
        <p>Loading the pop-ups…</p>
      ) : (
        <PopupList
          popups={list.popups}
          busy={list.busy}
          hrefOf={hrefOf}
          onEdit={(id) => props.go(`edit/${encodeURIComponent(id)}`)}
          onToggle={list.toggle}
          onDuplicate={list.duplicate}
          onDelete={list.remove}
        />
      )}
    </main>
  );
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
