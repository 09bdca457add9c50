import type { Env } from "./env";
import { logError, logInfo } from "./http/log";
import { purgeOldRecords } from "./integrations/retention";
import { recomputeAll } from "./segments/recompute-all";
import { purgeSegmentHistory } from "./segments/retention";

/**
 * The Cron Trigger's handler (wrangler.toml `[triggers]`, hourly): deletes
 * segment history past each site's setting, except the exception
 * segments; deletes integration call records older than 30 days; then
 * recomputes every segment, recording who entered and who left.
 *
 * "Now" is the trigger's scheduled time, so a run retried late deletes
 * what the planned run would have. Each job logs what it did as one
 * structured line; one failing job does not stop the others, and the
 * handler then fails so that the platform shows the run as failed.
 */
export async function runScheduled(
  controller: ScheduledController,
  env: Env,
): Promise<void> {
  const now = controller.scheduledTime;
  const jobs: [string, () => Promise<Record<string, unknown>>][] = [
    [
      "segment history deleted",
      async () => {
        const report = await purgeSegmentHistory(env.DB, now);
        for (const site of report.sites) {
          logInfo("segment history deleted", {
            site: site.site,
            cutoff: site.cutoff,
            removed: site.removed,
            segments: site.segments,
          });
        }
        return {
          removed: report.sites.reduce((sum, site) => sum + site.removed, 0),
          chunks: report.chunks,
          complete: report.complete,
        };
      },
    ],
    [
      "integration records deleted",
      async () => ({ ...(await purgeOldRecords(env.DB, now)) }),
    ],
    ["segments recomputed", async () => ({ ...(await recomputeAll(env.DB, now)) })],
  ];

  const failed: string[] = [];
  for (const [message, job] of jobs) {
    try {
      logInfo(message, { cron: controller.cron, ...(await job()) });
    } catch (error) {
      failed.push(message);
      logError(`scheduled job failed: ${message}`, {
        cron: controller.cron,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
  if (failed.length > 0) throw new Error(`scheduled jobs failed: ${failed.join(", ")}`);
}
