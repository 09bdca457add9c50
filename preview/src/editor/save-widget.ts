import type { RecommendationSettings } from "../../../templates/recommendations/settings";
import type { AdminApi } from "../api/admin-api";
import { ApiProblem } from "../api/problem";
import type { WidgetRecord } from "../api/types";
import type { Draft } from "./draft";

/**
 * Saves a checked draft. A new widget's id must not be taken: `PUT`
 * replaces, so saving "new" over an existing id would overwrite that
 * widget. Two marketers creating the same id at the same moment can still
 * both succeed, the second replacing the first; the edge has no
 * create-only request yet.
 */
export async function saveWidget(
  api: AdminApi,
  draft: Draft,
  settings: RecommendationSettings,
  isNew: boolean,
): Promise<WidgetRecord> {
  if (isNew && (await api.findWidget(draft.id))) {
    throw new ApiProblem(
      409,
      "widget_exists",
      `id "${draft.id}" is already taken by another widget.`,
      "id",
    );
  }
  return api.saveWidget(draft.id, {
    name: draft.name.trim(),
    enabled: draft.enabled,
    settings,
  });
}

/** The part of an API message after the field it names, for showing at
 * that field: "settings.count must be …." gives "must be …". */
export function messageAtField(problem: ApiProblem): string {
  const text = problem.message.replace(/\.$/, "");
  const field = problem.field;
  return field && text.startsWith(`${field} `) ? text.slice(field.length + 1) : text;
}
