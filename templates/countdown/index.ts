export type { CountdownProps } from "./Component";
// `Component` and `styles` are the shape the runtime's pop-up engine loads.
export { Countdown as Component, Countdown } from "./Component";
export * from "./settings";
export { styles } from "./styles";
