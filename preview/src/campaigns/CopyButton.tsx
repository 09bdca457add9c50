import type { JSX } from "preact";
import { useState } from "preact/hooks";

/** Copies `text` to the clipboard and says whether it did. When the
 * browser refuses (no permission, an insecure origin), it says to select
 * the text shown beside it instead. */
export function CopyButton(props: { text: string; label: string }): JSX.Element {
  const [said, setSaid] = useState("");
  return (
    <span class="copy">
      <button
        type="button"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(props.text);
            setSaid("Copied.");
          } catch {
            setSaid("The browser did not allow copying; select the text below instead.");
          }
        }}
      >
        {props.label}
      </button>
      <span role="status">{said}</span>
    </span>
  );
}
