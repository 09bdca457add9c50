import type { JSX } from "preact";
import { useState } from "preact/hooks";
import type { AdminApi } from "../api/admin-api";
import { OUTCOMES } from "./labels";
import type { CustomerPush } from "./types";

/** "Send test push": to the customer's most-used reachable devices; says
 * which were chosen, why, and what each push service answered. */
export function TestPush(props: {
  api: AdminApi;
  customer: string;
  onSent(): void;
}): JSX.Element {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<CustomerPush>();
  const [problem, setProblem] = useState<string>();

  async function send() {
    setBusy(true);
    setProblem(undefined);
    try {
      const answer = await props.api.request<CustomerPush>(
        `/customers/${encodeURIComponent(props.customer)}/push/test`,
        { method: "POST", body: {} },
      );
      setResult(answer);
      props.onSent();
    } catch (error) {
      setResult(undefined);
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="test-push">
      <button type="button" class="button primary" disabled={busy} onClick={send}>
        {busy ? "Sending…" : "Send test push"}
      </button>
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      {result && (
        <ul class="push-results" role="status">
          {result.sends.map((send) => (
            <li key={send.device}>
              <code>{send.device}</code>: {OUTCOMES[send.outcome] ?? send.outcome}
              {send.status ? ` (${send.status})` : ""}
              <span class="hint"> — {send.reason}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
