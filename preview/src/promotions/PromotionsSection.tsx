import type { JSX } from "preact";
import { useEffect, useMemo, useState } from "preact/hooks";
import type { SiteInfo } from "../api/types";
import { BASE } from "../app/routes";
import type { SectionProps } from "../app/sections";
import { Link } from "../ui/Link";
import { PromotionForm } from "./PromotionForm";
import { PromotionList } from "./PromotionList";
import { promotionsApi } from "./promotions-api";
import { RoundingPanel } from "./RoundingPanel";
import { type Message, usePromotions } from "./use-promotions";

/** Paths under /editor/promotions/: "" the list and the rounding setting,
 * "new", "edit/<id>". */
const EDIT = /^edit\/([^/]+)$/;

/**
 * The Promotions section: the site's promotions and its rounding setting
 * with a live example on one page, and a page per promotion's form. What
 * a save has to say is kept here, to be shown on the list it returns to.
 */
export function PromotionsSection(props: SectionProps): JSX.Element {
  const api = useMemo(() => promotionsApi(props.api), [props.api]);
  const [site, setSite] = useState<SiteInfo>();
  const [message, setMessage] = useState<Message>();

  useEffect(() => {
    let current = true;
    // Only for words and formats (locale, currency): pages do without.
    api.settings().then(
      (info) => current && setSite(info),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api]);

  const edit = EDIT.exec(props.path)?.[1];
  const id = edit === undefined ? undefined : safeDecode(edit);
  if (props.path === "new" || id !== undefined) {
    return (
      <PromotionForm
        key={id ?? "new"}
        api={api}
        site={site}
        id={id}
        onDirty={props.onDirty}
        onSaved={(saved, created) => {
          setMessage({
            kind: "done",
            text: `${created ? "Created" : "Saved"} ${saved.name}. Carts are priced with it from their next calculation.`,
          });
          props.go("");
        }}
        onBack={() => props.go("")}
      />
    );
  }
  return (
    <PromotionsPage
      {...props}
      api={api}
      site={site}
      message={message}
      go={(path) => {
        // Said once: coming back later says nothing.
        setMessage(undefined);
        props.go(path);
      }}
    />
  );
}

function PromotionsPage(
  props: Omit<SectionProps, "api"> & {
    api: ReturnType<typeof promotionsApi>;
    site: SiteInfo | undefined;
    message: Message | undefined;
  },
): JSX.Element {
  const { api, site } = props;
  const list = usePromotions(api, props.message);
  const hrefOf = (id: string) => `${BASE}promotions/edit/${encodeURIComponent(id)}`;

  return (
    <main class="promotions">
      <section aria-labelledby="promotions-title">
        <div class="list-header">
          <h1 id="promotions-title">Promotions</h1>
          <Link
            href={`${BASE}promotions/new`}
            class="button primary"
            onNavigate={() => props.go("new")}
          >
            New promotion
          </Link>
        </div>
        <p class={list.message?.kind === "problem" ? "problem" : "done"} role="status">
          {list.message?.text}
        </p>
        {list.promotions === undefined ? (
          <p>Loading the promotions…</p>
        ) : (
          <PromotionList
            promotions={list.promotions}
            site={site}
            busy={list.busy}
            hrefOf={hrefOf}
            onEdit={(id) => props.go(`edit/${encodeURIComponent(id)}`)}
            onToggle={list.toggle}
            onDelete={list.remove}
          />
        )}
      </section>
      <RoundingPanel
        api={api}
        site={site}
        promotions={list.promotions}
        onDirty={props.onDirty}
      />
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
