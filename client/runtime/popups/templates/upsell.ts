// The upsell template's chunk: its component and styles only. Importing the
// template's index instead would ship its settings validation, which a
// dynamic import cannot tree-shake.
export { Upsell as Component } from "../../../../templates/upsell/Component";
export { styles } from "../../../../templates/upsell/styles";
