/** One structured line per event, as Workers Logs and `wrangler tail` expect. */
export interface LogFields {
  site?: string;
  operation?: string;
  requestId?: string;
  [key: string]: unknown;
}

export function logError(message: string, fields: LogFields): void {
  // biome-ignore lint/suspicious/noConsole: this is the edge's single log sink.
  console.error(JSON.stringify({ level: "error", message, ...fields }));
}

/** What a job did, e.g. how many rows the scheduled deletion removed. */
export function logInfo(message: string, fields: LogFields): void {
  // biome-ignore lint/suspicious/noConsole: this is the edge's single log sink.
  console.log(JSON.stringify({ level: "info", message, ...fields }));
}
