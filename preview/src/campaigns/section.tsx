import type { Section } from "../app/sections";
import { CampaignsSection } from "./CampaignsSection";

export const campaignsSection: Section = {
  id: "campaigns",
  label: "Campaigns",
  render: (props) => <CampaignsSection {...props} />,
};
