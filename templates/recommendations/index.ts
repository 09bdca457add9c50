export * from "./settings";
export { accentProperties, PICTURE_SIZE, styles, WIDGET_HEIGHT } from "./styles";
export type { WidgetProps } from "./Widget";
export { priceFormatter, safeUrl, Widget } from "./Widget";
