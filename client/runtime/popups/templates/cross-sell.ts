// The cross-sell template's chunk: its component and styles only. Importing the
// template's index instead would ship its settings validation, which a
// dynamic import cannot tree-shake.
export { CrossSell as Component } from "../../../../templates/cross-sell/Component";
export { styles } from "../../../../templates/cross-sell/styles";
