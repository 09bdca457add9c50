import type { Env } from "../env";
import type { Site } from "../sites/site";

/** The Hono environment of every route: bindings plus per-request values. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    site: Site;
  };
}
