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
 * `?vitrine_debug=1` in the page URL it keeps the last lines in memory.
 * The storefront never prints anything itself (see style.md): a developer
 * reads `vitrine.logs` in the devtools.
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
    entries.push({ at: Date.now(), message, detail });
    if (entries.length > KEEP) entries.shift();
  };

  return { log, entries };
}
