import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

const jsx = { runtime: "automatic", importSource: "preact" } as const;

export default defineConfig(async () => {
  const migrations = await readD1Migrations(
    path.join(import.meta.dirname, "edge/migrations"),
  );

  return {
    test: {
      projects: [
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: "./wrangler.toml" },
              miniflare: { bindings: { TEST_MIGRATIONS: migrations } },
            }),
          ],
          test: {
            name: "edge",
            include: ["test/edge/**/*.test.ts"],
            setupFiles: ["test/edge/setup.ts"],
          },
        },
        {
          oxc: { jsx },
          test: {
            name: "client",
            environment: "happy-dom",
            include: [
              "test/client/**/*.test.{ts,tsx}",
              "test/templates/**/*.test.{ts,tsx}",
              "test/preview/**/*.test.{ts,tsx}",
            ],
          },
        },
      ],
    },
  };
});
