import type { Section } from "../app/sections";
import { IntegrationsSection } from "./IntegrationsSection";

/** The back office's Integrations section, /editor/integrations. */
export const integrationsSection: Section = {
  id: "integrations",
  label: "Integrations",
  render: (props) => <IntegrationsSection {...props} />,
};
