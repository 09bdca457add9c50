import { Hono } from "hono";
import {
  PAGE_TYPES,
  type PageResponse,
  type PageType,
  type WidgetPayload,
} from "../contract";
import type { AppEnv } from "../http/app-env";
import { ApiError } from "../http/errors";
import { jsonWithEtag } from "../http/etag";
import { idList } from "../http/query";
import { resolvePopups } from "../popups/resolve";
import { recommenders } from "../recommendations";
import { publicSettings } from "../sites/site";
import { listWidgets } from "../widgets/widget";
import { forWidget, pageContext } from "./context-query";

const MAX_URL_LENGTH = 2048;

/** `GET /v1/sites/:site/page`: the site's settings, the widgets of this
 * page with their items resolved and the pop-ups that may show on it with
 * their data, so one request serves the page. */
export const page = new Hono<AppEnv>().get("/", async (c) => {
  const site = c.get("site");
  const query = c.req.query();
  const type = pageType(query.type);
  checkUrl(query.url);
  const context = pageContext(query, site.id);
  // Left out: every widget of the page type; given, even empty: those only.
  const wanted =
    query.widgets === undefined ? undefined : idList(query.widgets, "widgets", 20);

  const now = Date.now();

  async function resolveWidgets(): Promise<WidgetPayload[]> {
    const widgets = (await listWidgets(c.env.DB, site.id, { enabledOnly: true })).filter(
      (widget) =>
        (wanted === undefined || wanted.includes(widget.id)) &&
        (widget.settings.pages.length === 0 || widget.settings.pages.includes(type)),
    );
    return Promise.all(
      widgets.map(async (widget): Promise<WidgetPayload> => {
        const { settings } = widget;
        const recommend = recommenders[settings.algorithm];
        const items = await recommend(c.env.DB, forWidget(context, settings, now));
        return { id: widget.id, template: widget.template, settings, items };
      }),
    );
  }

  const [widgets, popups] = await Promise.all([
    resolveWidgets(),
    resolvePopups(c.env.DB, { ...context, type }, now),
  ]);
  const body: PageResponse = { site: publicSettings(site), widgets, popups };
  if (body.popups.some((popup) => popup.template === "countdown")) body.now = now;
  return jsonWithEtag(c, body);
});

function pageType(value: string | undefined): PageType {
  if (value === undefined || value === "") return "other";
  if (!PAGE_TYPES.includes(value as PageType)) {
    throw new ApiError(
      400,
      "invalid_request",
      `type must be one of: ${PAGE_TYPES.join(", ")}.`,
      "type",
    );
  }
  return value as PageType;
}

function checkUrl(value: string | undefined): void {
  const valid =
    value !== undefined &&
    value.length <= MAX_URL_LENGTH &&
    URL.canParse(value) &&
    ["http:", "https:"].includes(new URL(value).protocol);
  if (!valid) {
    throw new ApiError(
      400,
      "invalid_request",
      `url must be the page's absolute http(s) URL, at most ${MAX_URL_LENGTH} characters.`,
      "url",
    );
  }
}
