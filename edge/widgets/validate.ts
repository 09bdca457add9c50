import { validateRecommendationSettings } from "../../templates/recommendations/settings";
import { invalid, isRecord, type Validated } from "../../templates/validation";
import type { Widget } from "./widget";

/** Checks a widget sent to the admin API. The settings go through the
 * template's own validation, the same the editor runs as you type. */
export function validateWidget(
  id: string,
  input: unknown,
): Validated<Omit<Widget, "updatedAt">> {
  if (!isRecord(input)) return invalid("body", "must be a widget object");
  const extra = Object.keys(input).find(
    (key) => !["name", "template", "enabled", "settings"].includes(key),
  );
  if (extra) return invalid(extra, "is not a field of a widget");

  const { name, template = "recommendations", enabled = true } = input;
  if (typeof name !== "string" || name.trim().length < 1 || name.length > 80) {
    return invalid("name", "must be 1 to 80 characters");
  }
  if (template !== "recommendations") {
    return invalid("template", "must be recommendations");
  }
  if (typeof enabled !== "boolean") return invalid("enabled", "must be true or false");
  // Absent settings take the defaults; `null` is a mistake, not a reset.
  const settings = validateRecommendationSettings(
    input.settings === undefined ? {} : input.settings,
  );
  if (!settings.ok) return settings;

  return {
    ok: true,
    value: { id, name: name.trim(), template, enabled, settings: settings.value },
  };
}
