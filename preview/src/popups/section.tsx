import type { Section } from "../app/sections";
import { PopupsSection } from "./PopupsSection";

/** The back office's Pop-ups section, /editor/popups. */
export const popupsSection: Section = {
  id: "popups",
  label: "Pop-ups",
  render: (props) => <PopupsSection {...props} />,
};
