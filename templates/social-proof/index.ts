export type { SocialProofProps } from "./Component";
// `Component` and `styles` are the shape the runtime's pop-up engine loads.
export { SocialProof as Component, SocialProof } from "./Component";
export * from "./settings";
export { styles } from "./styles";
