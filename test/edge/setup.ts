import { applyD1Migrations, type D1Migration, env } from "cloudflare:test";
import type { Env as WorkerEnv } from "../../edge/env";

declare global {
  namespace Cloudflare {
    interface Env {
      DB: WorkerEnv["DB"];
      ASSETS: WorkerEnv["ASSETS"];
      LIMITER: WorkerEnv["LIMITER"];
    }
    interface GlobalProps {
      mainModule: typeof import("../../edge/index");
    }
  }
}

// The test-only binding vitest.config.ts adds: the migrations to apply.
const { TEST_MIGRATIONS } = env as typeof env & { TEST_MIGRATIONS: D1Migration[] };

// Runs before every test file; applying is idempotent, so files share one
// migrated database shape.
await applyD1Migrations(env.DB, TEST_MIGRATIONS);
