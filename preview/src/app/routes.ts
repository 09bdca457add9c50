/** The editor's pages, and their paths under /editor/. */
export type Route =
  | { name: "list" }
  | { name: "new" }
  | { name: "edit"; id: string }
  /** A back-office section (preview/src/app/sections.ts) and the rest of
   * its path, which the section reads itself. */
  | { name: "section"; section: string; path: string };

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
    case "section":
      return `${BASE}${route.section}${route.path ? `/${route.path}` : ""}`;
  }
}

/** Any path the editor does not know is the list, its home page. Paths
 * of a section in `sections` go to that section. */
export function routeOf(pathname: string, sections: readonly string[] = []): Route {
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
  const [first = "", ...tail] = rest.split("/");
  if (sections.includes(first)) {
    return { name: "section", section: first, path: tail.join("/") };
  }
  return { name: "list" };
}
