import type { JSX, TargetedSubmitEvent } from "preact";
import { useState } from "preact/hooks";
import { createAdminApi } from "../api/admin-api";
import { ApiProblem } from "../api/problem";
import type { SiteInfo } from "../api/types";
import type { Session } from "./session-store";

interface Props {
  request: typeof fetch;
  /** Prefills the site field; the local demo's site is `demo`. */
  site: string;
  onSignedIn(session: Session, site: SiteInfo): void;
}

/** Asks for the site and its secret key, and checks them against the admin
 * API before going on; a refusal shows the API's own sentence. */
export function SignIn(props: Props): JSX.Element {
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: TargetedSubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    // Read from the form, not from state: the submit may come in the same
    // task as the last keystroke, before a re-render.
    const form = new FormData(event.currentTarget);
    const field = (name: string) => String(form.get(name) ?? "").trim();
    const session = { site: field("site"), key: field("key") };
    setBusy(true);
    setProblem(undefined);
    try {
      const info = await createAdminApi(session, props.request).settings();
      props.onSignedIn(session, info);
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error.message : String(error));
      setBusy(false);
    }
  }

  return (
    <main class="sign-in">
      <h1>Vitrine editor</h1>
      <form onSubmit={submit} aria-describedby="sign-in-hint">
        <p id="sign-in-hint" class="hint">
          Sign in with your site's secret key. For the local demo, `npm start` prints it
          as "Admin key".
        </p>
        <label for="sign-in-site">Site</label>
        <input
          id="sign-in-site"
          name="site"
          required
          autocomplete="off"
          spellcheck={false}
          defaultValue={props.site}
        />
        <label for="sign-in-key">Secret key</label>
        <input id="sign-in-key" name="key" type="password" required autocomplete="off" />
        {problem && (
          <p class="problem" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </main>
  );
}
