import type { ComponentType } from "preact";
import type { AnyPopupProps, PopupTemplate } from "../../../templates/popup/contract";

/** What a pop-up template's chunk gives the engine. */
export interface PopupModule {
  Component: ComponentType<AnyPopupProps>;
  styles: string;
}

/**
 * One dynamic import per template: each is a chunk of its own, fetched the
 * first time a pop-up of it is about to show.
 */
export const POPUP_MODULES: Record<PopupTemplate, () => Promise<PopupModule>> = {
  countdown: () => import("./templates/countdown"),
  "social-proof": () => import("./templates/social-proof"),
  upsell: () => import("./templates/upsell"),
  "cross-sell": () => import("./templates/cross-sell"),
};
