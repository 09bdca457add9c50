/** The id of the control for an API field (`settings.title` is
 * `popup-settings-title`), which errors and tests find it by. */
export const fieldId = (field: string) => `popup-${field.replaceAll(".", "-")}`;
