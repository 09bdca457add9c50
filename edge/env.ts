import type { OperationLimiter } from "./limiter/operation-limiter";

/** Bindings the worker receives, as declared in wrangler.toml. */
export interface Env {
  DB: D1Database;
  ASSETS: Fetcher;
  LIMITER: DurableObjectNamespace<OperationLimiter>;
}
