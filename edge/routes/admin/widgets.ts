import { Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { readJson } from "../../http/body";
import { ApiError, notFound } from "../../http/errors";
import { ID_RULE, isId } from "../../http/identifiers";
import { validateWidget } from "../../widgets/validate";
import {
  deleteWidget,
  findWidget,
  listWidgets,
  MAX_WIDGETS,
  saveWidget,
} from "../../widgets/widget";

const MAX_BODY_BYTES = 16 * 1024;

function widgetId(value: string): string {
  if (!isId(value)) throw new ApiError(400, "invalid_request", `id ${ID_RULE}.`, "id");
  return value;
}

/** Admin: the site's widgets. `PUT` creates or replaces, so a retried save
 * is harmless. */
export const adminWidgets = new Hono<AppEnv>()
  .get("/", async (c) => {
    const widgets = await listWidgets(c.env.DB, c.get("site").id);
    return c.json({ widgets });
  })
  .get("/:id", async (c) => {
    const id = widgetId(c.req.param("id"));
    const widget = await findWidget(c.env.DB, c.get("site").id, id);
    if (!widget) throw notFound(`Widget "${id}"`);
    return c.json(widget);
  })
  .put("/:id", async (c) => {
    const id = widgetId(c.req.param("id"));
    const checked = validateWidget(id, await readJson(c, MAX_BODY_BYTES));
    if (!checked.ok) {
      throw new ApiError(
        400,
        "invalid_widget",
        `${checked.field} ${checked.message}.`,
        checked.field,
      );
    }
    const siteId = c.get("site").id;
    const outcome = await saveWidget(c.env.DB, siteId, checked.value, Date.now());
    if (outcome === "full") {
      throw new ApiError(
        409,
        "too_many_widgets",
        `Site "${siteId}" already has ${MAX_WIDGETS} widgets; delete one before adding another.`,
        "id",
      );
    }
    const widget = await findWidget(c.env.DB, siteId, id);
    return c.json(widget, outcome === "created" ? 201 : 200);
  })
  .delete("/:id", async (c) => {
    const id = widgetId(c.req.param("id"));
    if (!(await deleteWidget(c.env.DB, c.get("site").id, id))) {
      throw notFound(`Widget "${id}"`);
    }
    return c.body(null, 204);
  });
