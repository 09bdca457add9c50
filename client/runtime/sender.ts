import type { ActionInput } from "../../edge/contract";
import type { Log } from "./logger";

/** Most actions the edge takes in one request. */
export const MAX_BATCH = 100;
/** Browsers allow 64 KiB of keepalive bodies in flight per page; stay under. */
export const MAX_BODY = 60_000;
// `{"actions":[` and `]}`, in bytes.
const ENVELOPE = 14;

export interface Sender {
  /** Queues one action; it leaves with the next batch, a moment later. */
  add(action: ActionInput): void;
  /** Sends everything queued now; `keepalive` lets it outlive the page. */
  flush(keepalive?: boolean): void;
}

/**
 * Sends actions to `POST /operations` in batches: shortly after they are
 * queued, and at once when the page is hidden or left.
 *
 * Known shortcoming: a failed request loses its actions. The durable queue
 * (localStorage, retries, `Retry-After` on 429) will replace this module
 * behind the same interface.
 */
export function createSender(
  win: Window,
  endpoint: string,
  request: typeof fetch,
  log: Log,
): Sender {
  // Actions as JSON, serialised when queued: data the page passed that
  // cannot be serialised (cycles, BigInt) is refused there, not at flush.
  let queued: string[] = [];
  let timer: number | undefined;
  const encoder = new TextEncoder();

  function send(actions: string[], keepalive: boolean): void {
    try {
      request(endpoint, {
        method: "POST",
        // text/plain keeps this a CORS simple request: no preflight.
        headers: { "Content-Type": "text/plain" },
        body: `{"actions":[${actions.join(",")}]}`,
        credentials: "omit",
        keepalive,
      }).catch((error: unknown) => log("actions not sent", error));
    } catch (error) {
      log("actions not sent", error);
    }
  }

  function flush(keepalive = false): void {
    if (timer !== undefined) win.clearTimeout(timer);
    timer = undefined;

    let batch: string[] = [];
    let size = ENVELOPE;
    for (const action of queued) {
      const bytes = encoder.encode(action).length + 1;
      if (batch.length === MAX_BATCH || size + bytes > MAX_BODY) {
        send(batch, keepalive);
        batch = [];
        size = ENVELOPE;
      }
      batch.push(action);
      size += bytes;
    }
    if (batch.length > 0) send(batch, keepalive);
    queued = [];
  }

  function add(action: ActionInput): void {
    let json: string;
    try {
      json = JSON.stringify(action);
    } catch (error) {
      log("action not serialisable, dropped", error);
      return;
    }
    if (encoder.encode(json).length + ENVELOPE > MAX_BODY) {
      log("action too large, dropped", action.operation);
      return;
    }
    queued.push(json);
    timer ??= win.setTimeout(() => flush(), 0);
  }

  const hide = (): void => flush(true);
  win.addEventListener("pagehide", hide);
  win.document.addEventListener("visibilitychange", () => {
    if (win.document.visibilityState === "hidden") hide();
  });

  return { add, flush };
}
