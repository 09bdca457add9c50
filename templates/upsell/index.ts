export type { UpsellProps } from "./Component";
// `Component` and `styles` are the shape the runtime's pop-up engine loads.
export { Upsell as Component, Upsell } from "./Component";
export * from "./settings";
export { styles } from "./styles";
