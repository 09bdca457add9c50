import type { JSX } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";

interface Props {
  name: string;
  secret: string;
  onDone(): void;
}

/**
 * An integration's key, the one time it is shown. The edge keeps only its
 * hash, so once this closes the key is gone: a lost key is rotated.
 */
export function KeyReveal({ name, secret, onDone }: Props): JSX.Element {
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string>();

  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied("Copied to the clipboard.");
    } catch {
      field.current?.select();
      setCopied("The browser did not allow copying: the key is selected, press Ctrl+C.");
    }
  }

  return (
    <section class="key-reveal" aria-labelledby="key-reveal-title">
      <h2 id="key-reveal-title">The key of {name}</h2>
      <p>
        Copy it now into the integration's settings: it is shown only this once. Send it
        as <code>Authorization: Bearer &lt;key&gt;</code>, from your server only, never
        from a page.
      </p>
      <div class="key-row">
        <label class="visually-hidden" for="integration-key">
          Key
        </label>
        <input
          id="integration-key"
          ref={field}
          readOnly
          value={secret}
          spellcheck={false}
        />
        <button type="button" class="primary" onClick={copy}>
          Copy
        </button>
      </div>
      <p role="status" class="done">
        {copied}
      </p>
      <button type="button" onClick={onDone}>
        Done, I have stored it
      </button>
    </section>
  );
}
