import type { JSX } from "preact";
import { useCallback, useMemo, useRef, useState } from "preact/hooks";
import { type AdminApi, createAdminApi } from "../api/admin-api";
import type { SiteInfo } from "../api/types";
import { WidgetEditor } from "../editor/WidgetEditor";
import { SignIn } from "../session/SignIn";
import type { Session, SessionStore } from "../session/session-store";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { Link } from "../ui/Link";
import { WidgetList } from "../widgets/WidgetList";
import { pathOf, type Route, routeOf } from "./routes";
import { SECTION_IDS, SECTIONS } from "./sections";
import { useNavigation } from "./use-navigation";

interface Props {
  request: typeof fetch;
  sessions: SessionStore;
}

/** The editor: sign-in, then the widget list and the widget editor. */
export function App({ request, sessions }: Props): JSX.Element {
  const [session, setSession] = useState<Session | undefined>(() => sessions.read());
  const [site, setSite] = useState<SiteInfo>();
  const [product, setProduct] = useState<string>();
  const dirty = useRef(false);
  const onDirty = useCallback((value: boolean) => {
    dirty.current = value;
  }, []);
  const nav = useNavigation(routeOf(location.pathname, SECTION_IDS), dirty);

  const api = useMemo<AdminApi | undefined>(
    () => session && createAdminApi(session, request),
    [session, request],
  );
  const signOut = useCallback(() => {
    sessions.write(undefined);
    setSession(undefined);
    setSite(undefined);
  }, [sessions]);

  if (!session || !api) {
    return (
      <SignIn
        request={request}
        site={session?.site ?? "demo"}
        onSignedIn={(next, info) => {
          sessions.write(next);
          setSite(info);
          setSession(next);
        }}
      />
    );
  }

  const { route, go } = nav;
  return (
    <>
      <header class="top">
        <span class="brand">Vitrine editor</span>
        <nav aria-label="Back office">
          <NavLink route={{ name: "list" }} current={route} go={go} label="Widgets" />
          {SECTIONS.map((section) => (
            <NavLink
              key={section.id}
              route={{ name: "section", section: section.id, path: "" }}
              current={route}
              go={go}
              label={section.label}
            />
          ))}
        </nav>
        <span class="site">
          Site <strong>{site?.name ?? session.site}</strong>
        </span>
        <button type="button" class="link" onClick={() => go("sign-out", signOut)}>
          Sign out
        </button>
      </header>
      {page(route, api, {
        product,
        setProduct,
        onDirty,
        go: (to: Route, options?: { force?: boolean }) => go(to, undefined, options),
      })}
      <ConfirmDialog
        open={nav.asking}
        title="Leave without saving?"
        confirmLabel="Leave and lose the changes"
        cancelLabel="Stay"
        onConfirm={nav.confirm}
        onCancel={nav.cancel}
      >
        <p>This page has changes that are not saved. The shop does not see them.</p>
      </ConfirmDialog>
    </>
  );
}

function page(
  route: Route,
  api: AdminApi,
  shared: {
    product: string | undefined;
    setProduct(id: string): void;
    onDirty(dirty: boolean): void;
    go(to: Route, options?: { force?: boolean }): void;
  },
): JSX.Element {
  const { go } = shared;
  if (route.name === "section") {
    const section = SECTIONS.find((known) => known.id === route.section);
    if (section) {
      return section.render({
        api,
        path: route.path,
        go: (path) => go({ name: "section", section: section.id, path }),
        goTo: (to) => go(to),
        onDirty: shared.onDirty,
      });
    }
  }
  if (route.name === "list" || route.name === "section") {
    return (
      <WidgetList
        api={api}
        onEdit={(id) => go({ name: "edit", id })}
        onCreate={() => go({ name: "new" })}
        onIntegrations={() => go({ name: "section", section: "integrations", path: "" })}
      />
    );
  }
  const id = route.name === "edit" ? route.id : undefined;
  return (
    <WidgetEditor
      key={id ?? "new"}
      api={api}
      id={id}
      product={shared.product}
      onProduct={shared.setProduct}
      onDirty={shared.onDirty}
      // Just saved: nothing to lose, and the address now names the widget.
      onCreated={(created) => go({ name: "edit", id: created }, { force: true })}
      onBack={() => go({ name: "list" })}
    />
  );
}

/** A navigation bar entry; marked current on its own pages. */
function NavLink(props: {
  route: Route;
  current: Route;
  go(to: Route): void;
  label: string;
}): JSX.Element {
  const { route, current } = props;
  const here =
    route.name === "section"
      ? current.name === "section" && current.section === route.section
      : current.name !== "section";
  return (
    <Link
      href={pathOf(route)}
      class={here ? "current" : undefined}
      ariaCurrent={here}
      onNavigate={() => props.go(route)}
    >
      {props.label}
    </Link>
  );
}
