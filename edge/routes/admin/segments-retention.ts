import { Hono } from "hono";
import { isRecord } from "../../../templates/validation";
import type { AppEnv } from "../../http/app-env";
import { readJson } from "../../http/body";
import { ApiError } from "../../http/errors";
import { idList } from "../../http/query";
import {
  CHUNK_ROWS,
  countRemovable,
  cutoffOf,
  MAX_CHUNKS_PER_RUN,
  type RetentionSettings,
  readRetention,
  writeRetention,
} from "../../segments/retention";
import { MAX_SEGMENTS } from "../../segments/store";

const MAX_DAYS = 3650;

function bad(field: string, message: string): ApiError {
  return new ApiError(400, "invalid_retention", `${field} ${message}.`, field);
}

function checkDays(value: unknown, field: string): number | null {
  if (value === null) return null;
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > MAX_DAYS) {
    throw bad(field, `must be 1 to ${MAX_DAYS} days, or null to keep history for ever`);
  }
  return value as number;
}

/** Every named segment must exist: an exception for a segment that is not
 * there would protect nothing and hide a typo. */
async function checkExceptions(db: D1Database, siteId: string, ids: string[]) {
  const { results } = await db
    .prepare(
      "SELECT id FROM segments WHERE site_id = ? AND id IN (SELECT value FROM json_each(?))",
    )
    .bind(siteId, JSON.stringify(ids))
    .all<{ id: string }>();
  const known = new Set(results.map((row) => row.id));
  const index = ids.findIndex((id) => !known.has(id));
  if (index >= 0) {
    throw bad(`exceptions.${index}`, `"${ids[index]}" is not a segment of this site`);
  }
}

/** Admin: auto-deletion of segment history, with exception segments. */
export const adminSegmentRetention = new Hono<AppEnv>()
  .get("/", async (c) => c.json(await readRetention(c.env.DB, c.get("site").id)))
  .put("/", async (c) => {
    const site = c.get("site");
    const body = await readJson(c, 8 * 1024);
    if (!isRecord(body)) throw bad("body", "must be an object");
    const extra = Object.keys(body).find(
      (key) => !["historyDays", "exceptions"].includes(key),
    );
    if (extra) throw bad(extra, "is not a field of the auto-deletion settings");
    const historyDays = checkDays(body.historyDays ?? null, "historyDays");
    const list = body.exceptions ?? [];
    if (!Array.isArray(list) || list.length > MAX_SEGMENTS) {
      throw bad("exceptions", `must be a list of at most ${MAX_SEGMENTS} segment ids`);
    }
    const exceptions = [...new Set(list)];
    const named = exceptions.findIndex((id) => typeof id !== "string");
    if (named >= 0) throw bad(`exceptions.${named}`, "must be a segment id");
    await checkExceptions(c.env.DB, site.id, exceptions as string[]);

    const settings: RetentionSettings = {
      historyDays,
      exceptions: (exceptions as string[]).sort(),
    };
    await writeRetention(c.env.DB, site.id, settings, Date.now());
    return c.json(settings);
  })
  /** How many rows a run would remove now: with the saved settings, or
   * with `days` and `exceptions` given here, to preview a change. */
  .get("/preview", async (c) => {
    const site = c.get("site");
    const query = c.req.query();
    const saved = await readRetention(c.env.DB, site.id);
    const settings: RetentionSettings = {
      historyDays:
        query.days === undefined
          ? saved.historyDays
          : query.days === ""
            ? null
            : checkDays(Number(query.days), "days"),
      exceptions:
        query.exceptions === undefined
          ? saved.exceptions
          : idList(query.exceptions, "exceptions", MAX_SEGMENTS),
    };
    const now = Date.now();
    const rows = await countRemovable(c.env.DB, site.id, settings, now);
    return c.json({
      ...settings,
      rows,
      cutoff: settings.historyDays === null ? null : cutoffOf(settings.historyDays, now),
      maxRowsPerRun: CHUNK_ROWS * MAX_CHUNKS_PER_RUN,
    });
  });
