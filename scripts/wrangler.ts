/**
 * How the scripts and the end-to-end tests run the project's own wrangler
 * against the local D1 database.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** `database_name` of the D1 binding in wrangler.toml. */
export const DATABASE = "vitrine";
const WRANGLER = path.join(ROOT, "node_modules", ".bin", "wrangler");

/** Environment for every wrangler we run, so local development stays
 * offline: no telemetry, no request to Cloudflare for the `cf` object, and
 * no banner, whose update check asks the npm registry on every start. */
export function wranglerEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    WRANGLER_SEND_METRICS: process.env.WRANGLER_SEND_METRICS ?? "false",
    CLOUDFLARE_CF_FETCH_ENABLED: process.env.CLOUDFLARE_CF_FETCH_ENABLED ?? "false",
    WRANGLER_HIDE_BANNER: process.env.WRANGLER_HIDE_BANNER ?? "true",
    ...extra,
  };
}

export function wranglerBin(): string {
  return WRANGLER;
}

/** Runs a wrangler D1 command and answers its standard output. `CI=1`
 * because wrangler asks for confirmation before migrations whenever stdin
 * is a terminal; in CI mode it takes the default answer, yes. */
export function d1(args: string[], persistTo: string | undefined): Promise<string> {
  const persist = persistTo ? ["--persist-to", persistTo] : [];
  return new Promise((resolve, reject) => {
    execFile(
      WRANGLER,
      ["d1", ...args, "--local", ...persist],
      { cwd: ROOT, env: wranglerEnv({ CI: "1" }), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`wrangler d1 ${args[0]} failed:\n${stdout}${stderr}`));
        } else {
          resolve(stdout);
        }
      },
    );
  });
}

export async function applyMigrations(persistTo?: string): Promise<void> {
  await d1(["migrations", "apply", DATABASE], persistTo);
}
