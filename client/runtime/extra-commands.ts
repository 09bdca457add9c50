import { type PushOptions, startPush, stopPush } from "./push";

/** What the extra commands work with, from the base runtime. */
export type ExtraContext = Omit<PushOptions, "serviceWorker" | "prompt">;

/**
 * The `vitrine(...)` calls most pages never make, in a chunk of their own
 * that the base loads on the first call it does not know itself:
 *
 * - `vitrine('push', {serviceWorker, prompt})`: asks for web pushes, with
 *   a soft prompt first (see README);
 * - `vitrine('push', 'stop')`: unsubscribes.
 *
 * Anything else is ignored, and logged in debug mode.
 */
export function runExtraCommand(call: unknown[], context: ExtraContext): void {
  const [command, arg] = call;
  if (command !== "push") {
    context.log("call ignored", call);
    return;
  }
  // Not templates/validation's isRecord: the base uses that module, and a
  // module shared with the base would be split into a file of its own.
  const given = (typeof arg === "object" && arg !== null ? arg : {}) as Record<
    string,
    unknown
  >;
  const options: PushOptions = { ...context };
  if (typeof given.serviceWorker === "string")
    options.serviceWorker = given.serviceWorker;
  if (typeof given.prompt === "object" && given.prompt !== null)
    options.prompt = given.prompt;
  void (arg === "stop" ? stopPush(options) : startPush(options));
}
