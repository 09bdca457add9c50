import { DurableObject } from "cloudflare:workers";
import type { Env } from "../env";

const MINUTE_MS = 60_000;

/** What the limiter decided for one request of `requested` actions. */
export interface Admission {
  admitted: number;
  rejected: number;
  ceiling: number;
  /** Whole seconds until the next calendar minute, when counting restarts. */
  retryAfter: number;
}

interface MinuteCount {
  minute: number;
  admitted: number;
  rejected: number;
}

interface Identity {
  site: string;
  operation: string;
}

const REJECTIONS = "rejections:";

/**
 * Counts one operation's actions for one site per calendar minute (UTC) and
 * admits them up to the site's ceiling. One object per site and operation,
 * so a flood of one operation never queues another's requests.
 *
 * Exact under concurrency because a Durable Object handles one event at a
 * time and the count is read and written synchronously within it. Durable
 * because every change is written to the object's SQLite storage before the
 * answer leaves (the output gate holds it), so an evicted or restarted object
 * resumes from the stored count.
 *
 * Rejections are summed per minute in the object and written to D1 once,
 * by an alarm after the minute ends: a flood costs D1 one row a minute.
 */
export class OperationLimiter extends DurableObject<Env> {
  #current: MinuteCount;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.#current = ctx.storage.kv.get<MinuteCount>("current") ?? {
      minute: 0,
      admitted: 0,
      rejected: 0,
    };
  }

  /** Admits up to `requested` actions of `operation` for `site`. */
  admit(site: string, operation: string, requested: number, ceiling: number): Admission {
    return this.admitAt({ site, operation }, requested, ceiling, Date.now());
  }

  /** `admit` at a given time; public so that tests can drive the clock. */
  admitAt(
    identity: Identity,
    requested: number,
    ceiling: number,
    now: number,
  ): Admission {
    const minute = Math.floor(now / MINUTE_MS);
    if (minute !== this.#current.minute) {
      this.#current = { minute, admitted: 0, rejected: 0 };
    }
    const room = Math.max(0, ceiling - this.#current.admitted);
    const admitted = Math.min(requested, room);
    const rejected = requested - admitted;
    this.#current.admitted += admitted;
    this.#current.rejected += rejected;

    const storage = this.ctx.storage.kv;
    storage.put("current", this.#current);
    if (rejected > 0) {
      if (!storage.get("identity")) storage.put("identity", identity);
      storage.put(`${REJECTIONS}${minute}`, this.#current.rejected);
      this.#scheduleFlush((minute + 1) * MINUTE_MS + 1_000, now);
    }

    const nextMinute = (minute + 1) * MINUTE_MS;
    return {
      admitted,
      rejected,
      ceiling,
      retryAfter: Math.max(1, Math.ceil((nextMinute - now) / 1000)),
    };
  }

  /**
   * Makes sure a flush is due at `at` or earlier. A pending alarm is never
   * moved later: a flood that crosses the ceiling at the start of every
   * minute would otherwise postpone the flush for as long as it lasts.
   */
  #scheduleFlush(at: number, now: number): void {
    const storage = this.ctx.storage.kv;
    const pending = storage.get<number>("flushAt");
    // A pending flush stays until the alarm has run (it clears flushAt),
    // unless it is long overdue: the runtime gives up retrying an alarm
    // that keeps failing, and then only a new one brings the flush back.
    const stale = pending !== undefined && pending < now - 10 * MINUTE_MS;
    if (pending !== undefined && pending <= at && !stale) return;
    storage.put("flushAt", at);
    void this.ctx.storage.setAlarm(at);
  }

  /** Admitted and rejected so far in the current minute. */
  count(): MinuteCount {
    return { ...this.#current };
  }

  /** Writes the rejection counts of closed minutes to D1. A failed write
   * throws, and the runtime retries the alarm; the upsert makes a retry
   * harmless. */
  override async alarm(): Promise<void> {
    const storage = this.ctx.storage.kv;
    const identity = storage.get<Identity>("identity");
    const currentMinute = Math.floor(Date.now() / MINUTE_MS);
    const closed = [...storage.list<number>({ prefix: REJECTIONS })]
      .map(([key, rejected]) => ({
        key,
        minute: Number(key.slice(REJECTIONS.length)),
        rejected,
      }))
      .filter((entry) => entry.minute < currentMinute);

    if (identity && closed.length > 0) {
      const db = this.env.DB;
      await db.batch(
        closed.map((entry) =>
          db
            .prepare(
              `INSERT INTO limiter_rejections (site_id, operation, minute, rejected)
               VALUES (?, ?, ?, ?)
               ON CONFLICT (site_id, operation, minute) DO UPDATE SET rejected = excluded.rejected`,
            )
            .bind(
              identity.site,
              identity.operation,
              entry.minute * MINUTE_MS,
              entry.rejected,
            ),
        ),
      );
    }
    for (const entry of closed) storage.delete(entry.key);

    const open = [...storage.list({ prefix: REJECTIONS })].length;
    if (open > 0)
      await this.ctx.storage.setAlarm((currentMinute + 1) * MINUTE_MS + 1_000);
  }
}
