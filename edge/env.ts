/** Bindings the worker receives, as declared in wrangler.toml. */
export interface Env {
  DB: D1Database;
  ASSETS: Fetcher;
}
