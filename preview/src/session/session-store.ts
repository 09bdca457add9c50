import { isRecord } from "../../../templates/validation";

/** Who the editor works for: a site and its secret key. */
export interface Session {
  site: string;
  key: string;
}

const KEY = "vitrine-editor:session";

/**
 * Keeps the session in sessionStorage, not localStorage: the secret key
 * opens the whole site's admin API, so it should last as long as this tab
 * (surviving reloads and the dev server's hot reloads) and no longer. It is
 * gone when the tab closes, is not shared with other tabs, and is not left
 * on a shared computer. Any script on this origin could still read it, which
 * is why the editor's pages allow no script but their own (edge/routes/
 * editor.ts).
 */
export function createSessionStore(storage: Storage | undefined) {
  return {
    read(): Session | undefined {
      try {
        const value: unknown = JSON.parse(storage?.getItem(KEY) ?? "null");
        if (!isRecord(value)) return undefined;
        const { site, key } = value;
        return typeof site === "string" && typeof key === "string"
          ? { site, key }
          : undefined;
      } catch {
        // Unreadable or disabled storage: sign in again.
        return undefined;
      }
    },
    write(session: Session | undefined): void {
      try {
        if (session) storage?.setItem(KEY, JSON.stringify(session));
        else storage?.removeItem(KEY);
      } catch {
        // Storage disabled or full: the session lasts as long as the page.
      }
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
