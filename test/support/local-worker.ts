/**
 * A real local worker for end-to-end tests and benchmarks: `wrangler dev` on
 * a free port of 127.0.0.1, with its own fresh database (migrated, seeded
 * with the demo shop) in a temporary directory. Expects `npm run build` to
 * have run, since the worker serves the built runtime.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { seedLocal } from "../../scripts/seed";
import { applyMigrations, ROOT, wranglerBin, wranglerEnv } from "../../scripts/wrangler";

export interface LocalWorker {
  /** Base URL, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  adminKey: string;
  persistDir: string;
  /** Stops wrangler and workerd and deletes the database; safe to repeat. */
  stop(): Promise<void>;
}

export interface LocalWorkerOptions {
  /** How long wrangler may take to serve the demo; default 90 s. */
  readyTimeoutMs?: number;
  /** Print wrangler's output as it comes instead of only on failure. */
  verbose?: boolean;
}

/** A port nobody listens on right now. Another process could take it before
 * wrangler does; the wait below would then fail with wrangler's output. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

export async function startLocalWorker(
  options: LocalWorkerOptions = {},
): Promise<LocalWorker> {
  if (!existsSync(path.join(ROOT, "dist", "public"))) {
    throw new Error(
      "dist/public is missing: run `npm run build` before starting the worker.",
    );
  }
  const port = await freePort();
  const inspectorPort = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const persistDir = await mkdtemp(path.join(tmpdir(), "vitrine-worker-"));

  await applyMigrations(persistDir);
  const { adminKey } = await seedLocal({ port, persistTo: persistDir });
  if (!adminKey) throw new Error(`the seed of ${persistDir} left no admin key`);

  const child = spawn(
    wranglerBin(),
    [
      "dev",
      ...["--ip", "127.0.0.1", "--port", String(port)],
      // Chosen here too: wrangler's own pick races with parallel workers.
      ...["--inspector-port", String(inspectorPort)],
      ...["--persist-to", persistDir],
      "--show-interactive-dev-session=false",
    ],
    // Its own process group, so that stopping reaches workerd as well.
    { cwd: ROOT, env: wranglerEnv(), detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 400) output.shift();
    if (options.verbose) process.stderr.write(chunk);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const killNow = () => killGroup(child, "SIGKILL");
  const onExit = () => {
    killNow();
    rmSync(persistDir, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    onExit();
    // Ours was the last word on this signal: let it do what it would have.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  process.once("exit", onExit);
  for (const signal of SIGNALS) process.once(signal, onSignal);

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      process.off("exit", onExit);
      for (const signal of SIGNALS) process.off(signal, onSignal);
      killGroup(child, "SIGTERM");
      const timer = setTimeout(killNow, 5000);
      await exited;
      clearTimeout(timer);
      // workerd may outlive wrangler by a moment; it goes with the group.
      killNow();
      rmSync(persistDir, { recursive: true, force: true });
    })();
    return stopped;
  };

  try {
    await waitForDemo(url, exited, options.readyTimeoutMs ?? 90_000);
  } catch (error) {
    await stop();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${reason}\n--- wrangler output ---\n${output.join("")}`);
  }
  return { url, adminKey, persistDir, stop };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is gone already.
  }
}

async function waitForDemo(url: string, exited: Promise<void>, timeoutMs: number) {
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (gone) throw new Error("wrangler dev exited before serving the demo shop");
    try {
      const response = await fetch(`${url}/demo/`, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.ok) return;
      last = `status ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `GET ${url}/demo/ did not succeed within ${timeoutMs} ms (last: ${last})`,
  );
}
