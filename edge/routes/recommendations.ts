import { Hono } from "hono";
import type { AppEnv } from "../http/app-env";
import { ApiError } from "../http/errors";
import { ID_RULE, isId } from "../http/identifiers";
import { recommenders } from "../recommendations";
import { findWidget } from "../widgets/widget";
import { forWidget, pageContext } from "./context-query";

/** `GET /v1/sites/:site/recommendations/:widget`: one widget's items, for
 * server-side rendering by the storefront's back end. */
export const recommendations = new Hono<AppEnv>().get("/:widget", async (c) => {
  const site = c.get("site");
  const widgetId = c.req.param("widget");
  if (!isId(widgetId)) {
    throw new ApiError(400, "invalid_request", `widget ${ID_RULE}.`, "widget");
  }
  const widget = await findWidget(c.env.DB, site.id, widgetId);
  if (!widget?.enabled) {
    throw new ApiError(
      404,
      "widget_not_found",
      `Widget "${widgetId}" does not exist or is disabled.`,
      "widget",
    );
  }

  const context = pageContext(c.req.query(), site.id);
  const recommend = recommenders[widget.settings.algorithm];
  const items = await recommend(
    c.env.DB,
    forWidget(context, widget.settings, Date.now()),
  );
  return c.json({ widget: widget.id, title: widget.settings.title, items });
});
