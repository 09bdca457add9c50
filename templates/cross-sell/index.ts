export type { CrossSellProps } from "./Component";
// `Component` and `styles` are the shape the runtime's pop-up engine loads.
export { CrossSell as Component, CrossSell } from "./Component";
export * from "./settings";
export { styles } from "./styles";
