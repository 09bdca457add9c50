// The countdown template's chunk: its component and styles only. Importing the
// template's index instead would ship its settings validation, which a
// dynamic import cannot tree-shake.
export { Countdown as Component } from "../../../../templates/countdown/Component";
export { styles } from "../../../../templates/countdown/styles";
