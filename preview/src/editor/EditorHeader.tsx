import type { JSX } from "preact";
import { BASE } from "../app/routes";
import { Link } from "../ui/Link";

interface Props {
  title: string;
  dirty: boolean;
  saving: boolean;
  notice: { kind: "saved" | "problem"; text: string } | undefined;
  onBack(): void;
  onRevert(): void;
}

/** The editor's title, its way back, Save and Revert, and what the last
 * save did. Save stays enabled with errors: pressing it says what is wrong
 * and moves focus there, which a disabled button cannot. */
export function EditorHeader(props: Props): JSX.Element {
  return (
    <header class="editor-header">
      <Link href={BASE} class="back" onNavigate={props.onBack}>
        ← Widgets
      </Link>
      <h1 id="editor-title">{props.title}</h1>
      <div class="editor-actions">
        <button type="submit" class="primary" disabled={props.saving}>
          {props.saving ? "Saving…" : "Save"}
        </button>
        <button type="button" disabled={!props.dirty} onClick={props.onRevert}>
          Revert
        </button>
        <span class="dirty" aria-live="polite">
          {props.dirty ? "Unsaved changes" : ""}
        </span>
      </div>
      {props.notice && (
        <p
          class={props.notice.kind === "saved" ? "saved" : "problem"}
          role={props.notice.kind === "saved" ? "status" : "alert"}
        >
          {props.notice.text}
        </p>
      )}
    </header>
  );
}
