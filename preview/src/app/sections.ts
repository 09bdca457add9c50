import type { JSX } from "preact";
import type { AdminApi } from "../api/admin-api";
import { campaignsSection } from "../campaigns/section";
import { customersSection } from "../customers/section";
import { integrationsSection } from "../integrations/section";
import { popupsSection } from "../popups/section";
import { promotionsSection } from "../promotions/section";
import { segmentsSection } from "../segments/section";
import type { Route } from "./routes";

/** What the app gives a section's page. */
export interface SectionProps {
  api: AdminApi;
  /** The rest of the address after `/editor/<section>/`, e.g. `42` or "". */
  path: string;
  /** Moves within the section, e.g. `go("42")`; "" is its first page. */
  go(path: string): void;
  /** Moves anywhere in the back office. */
  goTo(route: Route): void;
  /** Tells the app whether the page holds unsaved changes. */
  onDirty(dirty: boolean): void;
}

/** One page of the back office beside the widgets, with its own address. */
export interface Section {
  /** The first path segment, e.g. "promotions" for /editor/promotions. */
  id: string;
  /** Its name in the navigation bar. */
  label: string;
  render(props: SectionProps): JSX.Element;
}

/**
 * The back office's sections, in navigation order. Each lives in its own
 * folder of preview/src and is listed here once.
 */
export const SECTIONS: readonly Section[] = [
  popupsSection,
  promotionsSection,
  customersSection,
  integrationsSection,
  segmentsSection,
  campaignsSection,
];

export const SECTION_IDS = SECTIONS.map((section) => section.id);
