import type { Section } from "../app/sections";
import { CustomersSection } from "./CustomersSection";

/** The back office's Customers section, /editor/customers: profiles with
 * devices and push reachability, discount cards and recent actions. */
export const customersSection: Section = {
  id: "customers",
  label: "Customers",
  render: (props) => <CustomersSection {...props} />,
};
