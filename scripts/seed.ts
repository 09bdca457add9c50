/**
 * Loads the demo shop into the local D1 database, once.
 *
 *   tsx scripts/seed.ts [--port 8787] [--persist-to <dir>]
 *
 * applies the migrations, then seeds unless the demo site exists already. A
 * later run only adds the port's origins to the site's allowed origins when
 * they are missing (origins added through the settings API stay), so running
 * it twice with the same port changes nothing. The admin key is
 * made on the first seed: D1 keeps its hash, and the key itself is written to
 * `vitrine-admin-key` beside the state (`.wrangler/` by default, gitignored)
 * so that later starts can print it.
 */
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { createSecret, hashSecret } from "../edge/auth/secret";
import { seedStatements } from "../edge/seed/seed-statements";
import { applyMigrations, DATABASE, d1, ROOT } from "./wrangler";

export const DEMO_SITE = "demo";

/** The origins the demo is served from: the worker itself. */
export function demoOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/** Where the plain admin key is kept, beside the state it unlocks. */
export function adminKeyFile(persistTo?: string): string {
  return persistTo
    ? path.join(path.resolve(ROOT, persistTo), "vitrine-admin-key")
    : path.join(ROOT, ".wrangler", "vitrine-admin-key");
}

export async function readAdminKey(persistTo?: string): Promise<string | null> {
  try {
    return (await readFile(adminKeyFile(persistTo), "utf8")).trim();
  } catch {
    return null;
  }
}

async function query(
  sql: string,
  persistTo?: string,
): Promise<Record<string, unknown>[]> {
  const output = await d1(["execute", DATABASE, "--command", sql, "--json"], persistTo);
  const [first] = JSON.parse(output) as { results: Record<string, unknown>[] }[];
  return first?.results ?? [];
}

async function executeFile(statements: string[], persistTo?: string): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "vitrine-seed-"));
  const file = path.join(dir, "seed.sql");
  try {
    await writeFile(file, `${statements.join(";\n")};\n`);
    // Local D1 runs the whole file as one batch, i.e. one transaction: a
    // failed seed leaves nothing behind.
    await d1(["execute", DATABASE, "--file", file, "--yes"], persistTo);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface SeedResult {
  /** True when this run loaded the demo; false when it was there already. */
  seeded: boolean;
  /** True when the port's origins were added to an existing site. */
  originsUpdated: boolean;
  /** The admin key, or null when the key file was lost since seeding. */
  adminKey: string | null;
}

/** Seeds the demo site into a migrated local database unless it is there. */
export async function seedLocal(options: {
  port: number;
  persistTo?: string;
}): Promise<SeedResult> {
  const { port, persistTo } = options;
  const [site] = await query(
    `SELECT allowed_origins FROM sites WHERE id = '${DEMO_SITE}'`,
    persistTo,
  );

  if (site) {
    const allowed = JSON.parse(String(site.allowed_origins)) as string[];
    const missing = demoOrigins(port).filter((origin) => !allowed.includes(origin));
    const originsUpdated = missing.length > 0;
    if (originsUpdated) {
      const literal = JSON.stringify([...allowed, ...missing]).replaceAll("'", "''");
      await query(
        `UPDATE sites SET allowed_origins = '${literal}' WHERE id = '${DEMO_SITE}'`,
        persistTo,
      );
    }
    return { seeded: false, originsUpdated, adminKey: await readAdminKey(persistTo) };
  }

  const adminKey = createSecret();
  const csv = await readFile(path.join(ROOT, "edge/seed/data/groceries.csv"), "utf8");
  const statements = seedStatements(csv, {
    now: Date.now(),
    siteId: DEMO_SITE,
    allowedOrigins: demoOrigins(port),
    adminSecretHash: await hashSecret(adminKey),
  });
  // The key is written before the seed: a seed that lands must never leave
  // behind a key nobody knows. A failed seed leaves a stale key, replaced by
  // the next attempt.
  const keyFile = adminKeyFile(persistTo);
  await mkdir(path.dirname(keyFile), { recursive: true });
  await writeFile(keyFile, `${adminKey}\n`, { mode: 0o600 });
  await chmod(keyFile, 0o600);
  await executeFile(statements, persistTo);
  return { seeded: true, originsUpdated: false, adminKey };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: "string" }, "persist-to": { type: "string" } },
  });
  const port = Number(values.port ?? process.env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(
      `--port must be a port number, got ${values.port ?? process.env.PORT}`,
    );
  }
  const persistTo = values["persist-to"];

  await applyMigrations(persistTo);
  const started = performance.now();
  const result = await seedLocal({ port, persistTo });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.seeded) console.log(`Seeded the demo shop in ${seconds} s.`);
  else if (result.originsUpdated)
    console.log(`Demo shop present; origins of port ${port} added.`);
  else console.log("Demo shop present; nothing to do.");
  console.log(
    `Admin key: ${result.adminKey ?? `unknown (${adminKeyFile(persistTo)} is missing)`}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
