/** The editor's pages, and their paths under /editor/. */
export type Route = { name: "list" } | { name: "new" } | { name: "edit"; id: string };

/** Where the worker serves the editor (preview/vite.config.ts `base`). */
export const BASE = "/editor/";

export function pathOf(route: Route): string {
  switch (route.name) {
    case "list":
      return BASE;
    case "new":
      return `${BASE}new`;
    case "edit":
      return `${BASE}widgets/${encodeURIComponent(route.id)}`;
  }
}

/** Any path the editor does not know is the list, its home page. */
export function routeOf(pathname: string): Route {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : "";
  if (rest === "new") return { name: "new" };
  const edit = /^widgets\/([^/]+)$/.exec(rest);
  if (edit?.[1]) {
    try {
      return { name: "edit", id: decodeURIComponent(edit[1]) };
    } catch {
      // A malformed escape: not a widget of ours.
    }
  }
  return { name: "list" };
}
