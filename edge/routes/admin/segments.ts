import { Hono } from "hono";
import { isRecord } from "../../../templates/validation";
import type { AppEnv } from "../../http/app-env";
import { readJson } from "../../http/body";
import { ApiError, notFound } from "../../http/errors";
import { ID_RULE, isId } from "../../http/identifiers";
import { recomputeSegment } from "../../segments/recompute";
import { validateSiteRule } from "../../segments/rule";
import {
  deleteSegment,
  findSegment,
  listSegments,
  MAX_SEGMENTS,
  saveSegment,
} from "../../segments/store";

const MAX_BODY_BYTES = 4 * 1024;
const MAX_NAME = 80;

function segmentId(value: string): string {
  if (!isId(value)) throw new ApiError(400, "invalid_request", `id ${ID_RULE}.`, "id");
  // The retention settings live at /admin/segments/retention.
  if (value === "retention") {
    throw new ApiError(400, "invalid_request", 'id "retention" is reserved.', "id");
  }
  return value;
}

function invalidSegment(field: string, message: string): ApiError {
  return new ApiError(400, "invalid_segment", `${field} ${message}.`, field);
}

/** Admin: the site's rule-based segments. `PUT` creates (201) or replaces
 * (200) `{name, rule}`; members change on the next recompute (hourly, or
 * `POST /:id/recompute`), which records each entry and exit as history. */
export const adminSegments = new Hono<AppEnv>()
  .get("/", async (c) => {
    return c.json({ segments: await listSegments(c.env.DB, c.get("site").id) });
  })
  .put("/:id", async (c) => {
    const id = segmentId(c.req.param("id"));
    const site = c.get("site");
    const body = await readJson(c, MAX_BODY_BYTES);
    if (!isRecord(body)) throw invalidSegment("body", "must be an object");
    const extra = Object.keys(body).find((key) => key !== "name" && key !== "rule");
    if (extra) throw invalidSegment(extra, "is not a field of a segment");
    const name = typeof body.name === "string" ? body.name.trim() : "";
    if (name.length < 1 || name.length > MAX_NAME) {
      throw invalidSegment("name", `must be 1 to ${MAX_NAME} characters`);
    }
    const rule = await validateSiteRule(c.env.DB, site.id, body.rule);
    if (!rule.ok) throw invalidSegment(rule.field, rule.message);

    const now = Date.now();
    const outcome = await saveSegment(
      c.env.DB,
      site.id,
      { id, name, rule: rule.value },
      now,
    );
    if (outcome === "full") {
      throw new ApiError(
        409,
        "too_many_segments",
        `Site "${site.id}" already has ${MAX_SEGMENTS} segments; delete one before adding another.`,
        "id",
      );
    }
    return c.json(
      await findSegment(c.env.DB, site.id, id),
      outcome === "created" ? 201 : 200,
    );
  })
  .delete("/:id", async (c) => {
    const id = segmentId(c.req.param("id"));
    if (!(await deleteSegment(c.env.DB, c.get("site").id, id))) {
      throw notFound(`Segment "${id}"`);
    }
    return c.body(null, 204);
  })
  .post("/:id/recompute", async (c) => {
    const id = segmentId(c.req.param("id"));
    const site = c.get("site");
    const segment = await findSegment(c.env.DB, site.id, id);
    if (!segment) throw notFound(`Segment "${id}"`);
    return c.json(await recomputeSegment(c.env.DB, site.id, segment, Date.now()));
  })
  .get("/:id/history", async (c) => {
    const id = segmentId(c.req.param("id"));
    const limit = Number(c.req.query("limit") ?? "50");
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
      throw new ApiError(400, "invalid_request", "limit must be 1 to 500.", "limit");
    }
    const { results } = await c.env.DB.prepare(
      `SELECT customer_id AS customer, change, at FROM segment_history
       WHERE site_id = ? AND segment_id = ? ORDER BY at DESC, rowid DESC LIMIT ?`,
    )
      .bind(c.get("site").id, id, limit)
      .all();
    return c.json({ history: results });
  });
