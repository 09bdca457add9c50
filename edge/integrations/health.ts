/** How an integration is doing, from its calls of the last hour. */
export type HealthState = "healthy" | "degraded" | "failing" | "idle" | "revoked";

/** The window health is judged on. */
export const HEALTH_WINDOW_MS = 60 * 60 * 1000;
/** Error rates (errors / calls) at or above which an integration is
 * degraded, then failing. An error is an answer of 400 or more other than
 * 429: a 429 is the ceiling at work and is counted on its own. */
export const DEGRADED_AT = 0.05;
export const FAILING_AT = 0.25;

export function healthOf(
  calls: number,
  errors: number,
  revoked: boolean,
): { state: HealthState; errorRate: number | null } {
  const errorRate = calls === 0 ? null : errors / calls;
  if (revoked) return { state: "revoked", errorRate };
  if (errorRate === null) return { state: "idle", errorRate };
  if (errorRate >= FAILING_AT) return { state: "failing", errorRate };
  if (errorRate >= DEGRADED_AT) return { state: "degraded", errorRate };
  return { state: "healthy", errorRate };
}
