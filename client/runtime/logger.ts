/** Writes one debug line; a no-op unless debug mode is on. */
export type Log = (message: string, detail?: unknown) => void;

export interface LogEntry {
  at: number;
  message: string;
  detail?: unknown;
}

export interface Logger {
  log: Log;
  /** The kept lines, in debug mode only; exposed as `vitrine.logs`. */
  entries?: LogEntry[];
}

const KEEP = 200;

/**
 * The runtime's only output channel. Off, it costs one URL check. With
 * `?vitrine_debug=1` in the page URL it keeps the last lines in memory and
 * dispatches each as a `vitrine:log` event on the window. The storefront
 * never prints anything itself (see style.md): a developer reads
 * `vitrine.logs` in the devtools, or listens to the event.
 */
export function createLogger(win: Window): Logger {
  let debug = false;
  try {
    debug = new URLSearchParams(win.location.search).get("vitrine_debug") === "1";
  } catch {
    // An opaque or odd location: stay silent.
  }
  if (!debug) return { log: () => {} };

  const entries: LogEntry[] = [];
  const log: Log = (message, detail) => {
    const entry = { at: Date.now(), message, detail };
    entries.push(entry);
    if (entries.length > KEEP) entries.shift();
    try {
      win.dispatchEvent(new CustomEvent("vitrine:log", { detail: entry }));
    } catch {
      // A throwing listener belongs to the page; it must not stop the runtime.
    }
  };

  return { log, entries };
}
