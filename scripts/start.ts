/**
 * `npm start`: build the client, prepare the local database (migrations,
 * then the demo shop, once), and run the worker on 127.0.0.1. PORT picks the
 * port (default 8787). Ctrl-C stops it.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { adminKeyFile, DEMO_SITE, seedLocal } from "./seed";
import { applyMigrations, ROOT, wranglerBin, wranglerEnv } from "./wrangler";

const port = Number(process.env.PORT ?? 8787);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT must be a port number (1 to 65535), got "${process.env.PORT}".`);
  process.exit(1);
}
const base = `http://127.0.0.1:${port}`;

if (existsSync(path.join(ROOT, "client", "vite.config.ts"))) {
  const build = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
} else {
  console.log("Skipping the client build: client/vite.config.ts does not exist yet.");
  // wrangler refuses to start without the assets directory.
  mkdirSync(path.join(ROOT, "dist", "public"), { recursive: true });
}

console.log("Preparing the local database…");
await applyMigrations();
const seed = await seedLocal({ port });
if (seed.seeded) console.log("Loaded the demo shop into the local database.");
if (seed.originsUpdated) console.log(`Allowed the demo shop's origins on port ${port}.`);

const wrangler = spawn(
  wranglerBin(),
  // --test-scheduled: GET /__scheduled?cron=… runs the Cron Trigger by hand.
  ["dev", "--ip", "127.0.0.1", "--port", String(port), "--test-scheduled"],
  {
    cwd: ROOT,
    env: wranglerEnv(),
    stdio: "inherit",
  },
);
wrangler.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
// Ctrl-C reaches wrangler directly (same terminal); we only wait for it.
process.on("SIGINT", () => {});
process.on("SIGTERM", () => wrangler.kill("SIGTERM"));

await announceWhenReady();

async function announceWhenReady(): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      const response = await fetch(`${base}/demo/`);
      await response.arrayBuffer();
      if (response.status < 500) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const key =
    seed.adminKey ??
    `unknown: ${adminKeyFile()} is missing (delete .wrangler/state to seed afresh)`;
  console.log(`
  Vitrine is running.

    Demo shop   ${base}/demo/
    Back office ${base}/editor/  (sign in with the admin key)
    Admin key   ${key}
    API base    ${base}/v1/sites/${DEMO_SITE}
                (admin routes take "Authorization: Bearer <admin key>")

  Stop with Ctrl-C.
`);
}
