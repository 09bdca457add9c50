import type { Log } from "./logger";
import type { PageContext } from "./page-context";
import type { PageAnswer } from "./page-response";
import type { PopupEngine, PopupEngineOptions } from "./popups/engine";

/**
 * Hands page answers to the pop-up engine, a chunk of its own that the base
 * imports only once an answer holds a pop-up: pages of a shop without
 * pop-ups never load it, and the base does not grow with the templates.
 */
export function createPopupLoader(options: PopupEngineOptions, log: Log) {
  let engine: Promise<PopupEngine> | undefined;

  return function onAnswer(page: PageAnswer, context: PageContext): void {
    // Once loaded, every answer goes to it: one without pop-ups closes
    // what the last page opened.
    if (!engine && page.popups.length === 0) return;
    engine ??= import("./popups/engine").then((module) =>
      module.createPopupEngine(options),
    );
    engine.then(
      (loaded) => loaded.update(page, context),
      (error: unknown) => {
        engine = undefined;
        log("template not loaded", { template: "popups", error });
      },
    );
  };
}
