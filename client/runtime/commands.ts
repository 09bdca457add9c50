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
  /** Runs a call the base does not know: client/runtime/extra-commands.ts. */
  extra(call: unknown[]): void;
  /** What `vitrine('on', name, handler)` registers, by name. */
  hooks: Hooks;
  log: Log;
}

/** Functions the merchant registers for Vitrine to call, e.g. `addToCart`. */
export type Hooks = Map<string, (...args: unknown[]) => unknown>;

const OWN_ID = /^[\w-]{1,64}$/;

/**
 * Runs one `vitrine(...)` call. Calls that are unknown or malformed are
 * ignored (and logged in debug mode): a typo in a shop's template must not
 * break its page.
 */
export function createCommands(targets: CommandTargets) {
  const { tracker, log } = targets;

  // Each answers whether it ran: anything else is logged as ignored.
  function track(operation: unknown, data: unknown, options: unknown): boolean {
    const known = OPERATIONS.find((name) => name === operation);
    if (!known || (data !== undefined && !isRecord(data))) return false;
    tracker.track(known, data ?? {}, trackOptions(options));
    return true;
  }

  function identify(customer: unknown): boolean {
    const id = typeof customer === "number" ? String(customer) : customer;
    if (typeof id === "string" && id) tracker.identify(id);
    return typeof id === "string" && id !== "";
  }

  function page(context: unknown): boolean {
    if (isRecord(context)) targets.visit(pageContext(context));
    return isRecord(context);
  }

  function on(name: unknown, handler: unknown): boolean {
    if (typeof name !== "string" || typeof handler !== "function") return false;
    targets.hooks.set(name, handler as (...args: unknown[]) => unknown);
    return true;
  }

  return function run(call: unknown[]): void {
    const [command, first, ...rest] = call;
    let ran = true;
    if (command === "track") ran = track(first, rest[0], rest[1]);
    else if (command === "page") ran = page(first);
    else if (command === "identify") ran = identify(first);
    else if (command === "on") ran = on(first, rest[0]);
    else if (command === "refresh") targets.refresh();
    else targets.extra(call);
    if (!ran) log("call ignored", call);
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
