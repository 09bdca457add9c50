import type { CountdownSettings } from "../../templates/countdown/settings";

const MINUTE_MS = 60_000;

/**
 * When a countdown ends for this visitor, epoch ms, or null when it cannot
 * run (an evergreen timer needs to know the visitor). A fixed deadline is
 * an instant: its ISO text carries its offset, so the shop's, the edge's
 * and the shopper's time zones cannot move it.
 *
 * An evergreen timer starts the first time the edge offers it to the
 * visitor, under each of their subjects (device, and customer when the
 * device is signed in); the earliest start any of them holds wins, so a
 * customer on a second device, or a device whose id survived a storage
 * wipe (the runtime keeps it in a cookie too), continues the same timer.
 */
export async function countdownEnd(
  db: D1Database,
  site: string,
  popup: string,
  settings: CountdownSettings,
  visitor: { device: string | null; customer: string | null },
  now: number,
): Promise<number | null> {
  if (settings.mode === "fixed") return Date.parse(settings.deadline);
  const subjects = [
    visitor.device && `d:${visitor.device}`,
    visitor.customer && `c:${visitor.customer}`,
  ].filter((subject): subject is string => Boolean(subject));
  if (subjects.length === 0) return null;

  const marks = subjects.map(() => "?").join(", ");
  const earliest = await db
    .prepare(
      `SELECT MIN(started_at) AS started FROM popup_timers
       WHERE site_id = ? AND popup_id = ? AND subject IN (${marks})`,
    )
    .bind(site, popup, ...subjects)
    .first<{ started: number | null }>();
  const started = earliest?.started ?? now;
  // Every subject learns the start, so each alone continues the timer.
  await db.batch(
    subjects.map((subject) =>
      db
        .prepare(
          `INSERT INTO popup_timers (site_id, popup_id, subject, started_at) VALUES (?, ?, ?, ?)
           ON CONFLICT DO UPDATE SET started_at = MIN(started_at, excluded.started_at)`,
        )
        .bind(site, popup, subject, started),
    ),
  );
  return started + settings.durationMinutes * MINUTE_MS;
}
