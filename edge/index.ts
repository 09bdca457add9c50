import { app } from "./app";
import type { Env } from "./env";
import { runScheduled } from "./scheduled";

export { OperationLimiter } from "./limiter/operation-limiter";
export default {
  fetch: app.fetch,
  scheduled: runScheduled,
} satisfies ExportedHandler<Env>;
