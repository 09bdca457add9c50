import { OPERATIONS } from "../../edge/contract";
import { isRecord } from "../../templates/validation";
import type { Log } from "./logger";
import { type PageContext, pageContext } from "./page-context";
import type { Tracker, TrackOptions } from "./tracker";

export interface CommandTargets {
  tracker: Tracker;
  /** A page view: records it and fetches the page's widgets. */
  visit(context: PageContext): void;
  refresh(): void;
  log: Log;
}

const OWN_ID = /^[\w-]{1,64}$/;

/**
 * Runs one `vitrine(...)` call. Calls that are unknown or malformed are
 * ignored (and logged in debug mode): a typo in a shop's template must not
 * break its page.
 */
export function createCommands(targets: CommandTargets) {
  const { tracker, log } = targets;

  function track(operation: unknown, data: unknown, options: unknown): void {
    const known = OPERATIONS.find((name) => name === operation);
    if (!known) log("unknown operation", operation);
    else if (data !== undefined && !isRecord(data)) log("track data not an object");
    else tracker.track(known, data ?? {}, trackOptions(options));
  }

  function identify(customer: unknown): void {
    const id = typeof customer === "number" ? String(customer) : customer;
    if (typeof id === "string" && id) tracker.identify(id);
    else log("customer id missing");
  }

  function page(context: unknown): void {
    if (isRecord(context)) targets.visit(pageContext(context));
    else log("page context not an object");
  }

  return function run([command, ...args]: unknown[]): void {
    if (command === "track") track(args[0], args[1], args[2]);
    else if (command === "page") page(args[0]);
    else if (command === "identify") identify(args[0]);
    else if (command === "refresh") targets.refresh();
    else log("unknown command", command);
  };
}

function trackOptions(input: unknown): TrackOptions {
  if (!isRecord(input)) return {};
  const options: TrackOptions = {};
  if (typeof input.id === "string" && OWN_ID.test(input.id)) options.id = input.id;
  if (typeof input.customer === "string" && input.customer) {
    options.customer = input.customer;
  }
  return options;
}
