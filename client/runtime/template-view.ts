import type { SiteSettings } from "../../edge/contract";
import type { PageWidget } from "./page-response";

/** What a template's chunk gives the base runtime. */
export interface TemplateView {
  /** Draws `widget` into its placeholder, once its payload checks out;
   * false (and the placeholder emptied of this template) when it does not
   * or when it has nothing to show. */
  show(element: Element, widget: PageWidget, site: SiteSettings): boolean;
  /** Empties a placeholder this template drew into. */
  clear(element: Element): void;
}

/** A template chunk's module. */
export interface TemplateModule {
  createView(win: Window & typeof globalThis): TemplateView;
}
