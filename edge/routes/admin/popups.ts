import { Hono } from "hono";
import { validatePopup } from "../../../templates/popup/record";
import type { AppEnv } from "../../http/app-env";
import { readJson } from "../../http/body";
import { ApiError, notFound } from "../../http/errors";
import { ID_RULE, isId } from "../../http/identifiers";
import {
  deletePopup,
  findPopup,
  listPopups,
  MAX_POPUPS,
  savePopup,
} from "../../popups/popup";

const MAX_BODY_BYTES = 16 * 1024;

function popupId(value: string): string {
  if (!isId(value)) throw new ApiError(400, "invalid_request", `id ${ID_RULE}.`, "id");
  return value;
}

/** Admin: the site's pop-ups. `PUT` creates or replaces, so a retried save
 * is harmless. */
export const adminPopups = new Hono<AppEnv>()
  .get("/", async (c) => {
    const popups = await listPopups(c.env.DB, c.get("site").id);
    return c.json({ popups });
  })
  .get("/:id", async (c) => {
    const id = popupId(c.req.param("id"));
    const popup = await findPopup(c.env.DB, c.get("site").id, id);
    if (!popup) throw notFound(`Pop-up "${id}"`);
    return c.json(popup);
  })
  .put("/:id", async (c) => {
    const id = popupId(c.req.param("id"));
    const checked = validatePopup(id, await readJson(c, MAX_BODY_BYTES));
    if (!checked.ok) {
      throw new ApiError(
        400,
        "invalid_popup",
        `${checked.field} ${checked.message}.`,
        checked.field,
      );
    }
    const siteId = c.get("site").id;
    const outcome = await savePopup(c.env.DB, siteId, checked.value, Date.now());
    if (outcome === "full") {
      throw new ApiError(
        409,
        "too_many_popups",
        `Site "${siteId}" already has ${MAX_POPUPS} pop-ups; delete one before adding another.`,
        "id",
      );
    }
    const popup = await findPopup(c.env.DB, siteId, id);
    return c.json(popup, outcome === "created" ? 201 : 200);
  })
  .delete("/:id", async (c) => {
    const id = popupId(c.req.param("id"));
    if (!(await deletePopup(c.env.DB, c.get("site").id, id))) {
      throw notFound(`Pop-up "${id}"`);
    }
    return c.body(null, 204);
  });
