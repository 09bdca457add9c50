import type { Section } from "../app/sections";
import { PromotionsSection } from "./PromotionsSection";

/** The back office's Promotions section, /editor/promotions. */
export const promotionsSection: Section = {
  id: "promotions",
  label: "Promotions",
  render: (props) => <PromotionsSection {...props} />,
};
