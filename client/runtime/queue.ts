import type { Logger } from "./logger";

/** `window.vitrine` as the snippet defines it: calls wait in `q`. */
interface Stub {
  (...args: unknown[]): void;
  q?: ArrayLike<unknown>[];
  /** Set on the runtime's own function, so that a second copy stands down. */
  loaded?: true;
  logs?: unknown[];
}

type VitrineWindow = Window & { vitrine?: Stub };

/** Whether a runtime already serves `window.vitrine` (snippet pasted twice). */
export function alreadyLoaded(win: Window): boolean {
  return (win as VitrineWindow).vitrine?.loaded === true;
}

/**
 * Replaces the snippet's queue with the real `window.vitrine` and replays the
 * calls made before the runtime arrived, in order. Each call is isolated: one
 * that fails is dropped, the page never sees the error.
 */
export function installQueue(
  win: Window,
  run: (args: unknown[]) => void,
  logger: Logger,
): void {
  const target = win as VitrineWindow;
  const waiting = target.vitrine?.q;
  const guarded = (args: ArrayLike<unknown>): void => {
    try {
      run(Array.from(args));
    } catch (error) {
      logger.log("call failed", error);
    }
  };

  const vitrine: Stub = (...args) => guarded(args);
  vitrine.loaded = true;
  if (logger.entries) vitrine.logs = logger.entries;
  target.vitrine = vitrine;

  if (Array.isArray(waiting)) for (const args of waiting) guarded(args);
}
