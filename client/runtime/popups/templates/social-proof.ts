// The social-proof template's chunk: its component and styles only. Importing the
// template's index instead would ship its settings validation, which a
// dynamic import cannot tree-shake.
export { SocialProof as Component } from "../../../../templates/social-proof/Component";
export { styles } from "../../../../templates/social-proof/styles";
