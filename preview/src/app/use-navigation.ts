import type { RefObject } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { pathOf, type Route, routeOf } from "./routes";
import { SECTION_IDS } from "./sections";

/** Somewhere to go once the marketer agrees to lose unsaved changes. */
type Pending = { to: Route | "sign-out"; then?: () => void };

/**
 * The editor's history-based navigation, guarded: while `dirty` says there
 * are unsaved changes, going elsewhere (a link, Back, signing out) first
 * asks, through the app's dialog. Back and Forward have already moved the
 * address when the app hears of them, so the address is put back until
 * the marketer confirms.
 */
export function useNavigation(initial: Route, dirty: RefObject<boolean>) {
  const [route, setRoute] = useState(initial);
  const [pending, setPending] = useState<Pending>();
  const shown = useRef(route);
  shown.current = route;

  function arrive(to: Route, push: boolean) {
    if (push) history.pushState(null, "", pathOf(to));
    setRoute(to);
  }

  useEffect(() => {
    const popped = () => {
      const to = routeOf(location.pathname, SECTION_IDS);
      if (!dirty.current) {
        arrive(to, false);
        return;
      }
      history.pushState(null, "", pathOf(shown.current));
      setPending({ to });
    };
    window.addEventListener("popstate", popped);
    return () => window.removeEventListener("popstate", popped);
  }, [dirty]);

  function leave({ to, then }: Pending) {
    dirty.current = false;
    if (to !== "sign-out") arrive(to, true);
    then?.();
  }

  return {
    route,
    asking: pending !== undefined,
    go(to: Route | "sign-out", then?: () => void, options: { force?: boolean } = {}) {
      if (dirty.current && !options.force) setPending({ to, then });
      else leave({ to, then });
    },
    confirm() {
      const next = pending;
      setPending(undefined);
      if (next) leave(next);
    },
    cancel: () => setPending(undefined),
  };
}
