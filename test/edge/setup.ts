import { applyD1Migrations, type D1Migration, env } from "cloudflare:test";

declare global {
  namespace Cloudflare {
    interface Env {
      DB: D1Database;
      ASSETS: Fetcher;
      TEST_MIGRATIONS: D1Migration[];
    }
    interface GlobalProps {
      mainModule: typeof import("../../edge/index");
    }
  }
}

// Runs before every test file; applying is idempotent, so files share one
// migrated database shape.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
