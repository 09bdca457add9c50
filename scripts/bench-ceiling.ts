/**
 * `npm run bench:ceiling [-- --ceiling 15000 --batch 25 --rate 10]`
 *
 * Within one calendar minute, floods ViewProduct at twice the ceiling (2 ×
 * ceiling actions, spread evenly over 50 seconds) while Order runs at a
 * steady rate, and compares Order with its own baseline measured just
 * before, at the same rate without the flood.
 *
 * The flood sends batches (each action counts against the ceiling, as the
 * API defines), because a two-core machine serves a few hundred requests a
 * second: 30,000 single requests would not fit in one minute here.
 *
 * The flood runs in a child process of this script (`--role flood`), so
 * that its work never delays the event loop that times Order.
 *
 * Uses the worker at VITRINE_URL with VITRINE_ADMIN_KEY when both are set;
 * otherwise starts its own (needs `npm run build`).
 */
import { execFile } from "node:child_process";
import { parseArgs, promisify } from "node:util";
import { startLocalWorker } from "../test/support/local-worker";

const { values } = parseArgs({
  options: {
    ceiling: { type: "string", default: "15000" },
    batch: { type: "string", default: "25" },
    rate: { type: "string", default: "10" },
    "baseline-seconds": { type: "string", default: "30" },
    "flood-seconds": { type: "string", default: "50" },
    flood: { type: "string" },
    role: { type: "string", default: "main" },
    url: { type: "string" },
  },
});
const ceiling = Number(values.ceiling);
const batchSize = Number(values.batch);
const orderRate = Number(values.rate);
const baselineMs = Number(values["baseline-seconds"]) * 1000;
const floodMs = Number(values["flood-seconds"]) * 1000;
/** Actions in the flood; twice the ceiling unless told otherwise. */
const floodSize = Number(values.flood ?? 2 * ceiling);
const SITE = "demo";

let url = "";
let sequence = 0;
const actionId = () =>
  `bench-${process.pid}-${Date.now().toString(36)}-${(sequence++).toString(36)}`;

function post(actions: unknown[], base = url) {
  return fetch(`${base}/v1/sites/${SITE}/operations`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ actions }),
  });
}

const order = () => ({
  id: actionId(),
  operation: "Order",
  at: Date.now(),
  customer: "bench-customer",
  data: { order: actionId(), items: [{ product: "whole-milk" }, { product: "yogurt" }] },
});

const view = () => ({
  id: actionId(),
  operation: "ViewProduct",
  at: Date.now(),
  device: "bench-device",
  data: { product: "whole-milk" },
});

interface Steady {
  latencies: number[];
  /** When each successful request started, epoch ms, parallel to latencies. */
  startedAt: number[];
  failed: number;
}

/** Sends one Order a 1/rate seconds until `stop` says so. */
async function steadyOrders(stop: () => boolean): Promise<Steady> {
  const result: Steady = { latencies: [], startedAt: [], failed: 0 };
  const pending: Promise<void>[] = [];
  while (!stop()) {
    pending.push(
      (async () => {
        const started = performance.now();
        const startedAt = Date.now();
        try {
          const response = await post([order()]);
          await response.arrayBuffer();
          if (response.status === 202) {
            result.latencies.push(performance.now() - started);
            result.startedAt.push(startedAt);
          } else {
            result.failed += 1;
          }
        } catch {
          result.failed += 1;
        }
      })(),
    );
    await sleep(1000 / orderRate);
  }
  await Promise.all(pending);
  return result;
}

interface Flood {
  /** When the first 429 came back: the admitting phase ended. */
  fullAt: number;
  admitted: number;
  rejectedActions: number;
  status429: number;
  other: number;
}

/** Sends floodSize ViewProduct actions in batches, evenly over floodMs,
 * without waiting for answers: a runaway integration does not wait either. */
async function flood(base: string): Promise<Flood> {
  const result: Flood = {
    fullAt: Number.POSITIVE_INFINITY,
    admitted: 0,
    rejectedActions: 0,
    status429: 0,
    other: 0,
  };
  const batches = Math.ceil(floodSize / batchSize);
  const interval = floodMs / batches;
  const started = performance.now();
  const sent: Promise<void>[] = [];
  for (let index = 0; index < batches; index++) {
    const size = Math.min(batchSize, floodSize - index * batchSize);
    sent.push(sendFloodBatch(base, size, result));
    const due = started + (index + 1) * interval;
    await sleep(Math.max(0, due - performance.now()));
  }
  await Promise.all(sent);
  return result;
}

async function sendFloodBatch(base: string, size: number, result: Flood): Promise<void> {
  try {
    const response = await post(Array.from({ length: size }, view), base);
    const body = (await response.json()) as { rejected?: unknown[] };
    if (response.status === 202) {
      const rejected = body.rejected?.length ?? 0;
      result.admitted += size - rejected;
      result.rejectedActions += rejected;
    } else if (response.status === 429) {
      result.fullAt = Math.min(result.fullAt, Date.now());
      result.status429 += 1;
      result.rejectedActions += size;
    } else {
      result.other += 1;
    }
  } catch {
    result.other += 1;
  }
}

async function floodInChild(): Promise<Flood> {
  const args = process.argv.slice(2).filter((arg) => !arg.startsWith("--role"));
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      ...process.execArgv,
      process.argv[1] ?? "",
      ...args,
      "--role",
      "flood",
      "--url",
      url,
    ],
    { maxBuffer: 1024 * 1024 },
  );
  const result = JSON.parse(stdout) as Flood;
  // JSON has no Infinity: a flood that never reached the ceiling says null.
  result.fullAt ??= Number.POSITIVE_INFINITY;
  return result;
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

function describe(name: string, steady: Steady) {
  const total = steady.latencies.length + steady.failed;
  const p50 = percentile(steady.latencies, 0.5);
  const p99 = percentile(steady.latencies, 0.99);
  console.log(
    `${name.padEnd(22)} ${steady.latencies.length}/${total} succeeded   ` +
      `p50 ${p50.toFixed(1)} ms   p99 ${p99.toFixed(1)} ms`,
  );
  return { p50, p99, lost: steady.failed };
}

if (values.role === "flood") {
  process.stdout.write(JSON.stringify(await flood(values.url ?? "")));
  process.exit(0);
}

const own =
  process.env.VITRINE_URL && process.env.VITRINE_ADMIN_KEY
    ? null
    : await startLocalWorker();
url = process.env.VITRINE_URL ?? own?.url ?? "";
const adminKey = process.env.VITRINE_ADMIN_KEY ?? own?.adminKey ?? "";

try {
  const settings = await fetch(`${url}/v1/sites/${SITE}/admin/settings`, {
    method: "PATCH",
    headers: { Authorization: `Bearer ${adminKey}`, "Content-Type": "application/json" },
    body: JSON.stringify({ operationCeiling: ceiling }),
  });
  if (!settings.ok)
    throw new Error(`setting the ceiling: ${settings.status} ${await settings.text()}`);

  // Warm up, then the baseline, then the flood at the start of a fresh
  // minute so that the whole flood falls in one counting window.
  await steadyOrders(deadline(2_000));
  console.log(`Order at ${orderRate}/s without a flood, ${baselineMs / 1000} s…`);
  const baseline = await steadyOrders(deadline(baselineMs));
  const wait = 60_000 - (Date.now() % 60_000) + 200;
  console.log(`waiting ${(wait / 1000).toFixed(1)} s for the next minute…`);
  await sleep(wait);

  console.log(
    `flooding ViewProduct with ${floodSize} actions over ${floodMs / 1000} s (batches of ${batchSize}) while Order runs at ${orderRate}/s…`,
  );
  const minute = Math.floor(Date.now() / 60_000);
  let flooding = true;
  const during = steadyOrders(() => !flooding);
  const started = performance.now();
  const flooded = await floodInChild();
  const floodSeconds = (performance.now() - started) / 1000;
  flooding = false;
  const withFlood = await during;
  const sameMinute = Math.floor(Date.now() / 60_000) === minute;

  console.log("");
  console.log(`ceiling                 ${ceiling} a minute`);
  console.log(
    `flood                   ${floodSize} actions in ${floodSeconds.toFixed(1)} s` +
      (sameMinute
        ? " (one minute)"
        : " (crossed a minute boundary: the count restarted; use a smaller --ceiling)"),
  );
  console.log(`admitted                ${flooded.admitted}   (target: ${ceiling})`);
  console.log(`rejected actions        ${flooded.rejectedActions}`);
  console.log(`429 answers             ${flooded.status429}`);
  if (flooded.other > 0) console.log(`other answers           ${flooded.other}`);
  const before = describe("Order, baseline", baseline);
  const after = describe("Order, during flood", withFlood);
  const phase = (keep: (at: number) => boolean): Steady => {
    const kept = withFlood.startedAt.map(keep);
    return {
      latencies: withFlood.latencies.filter((_, index) => kept[index]),
      startedAt: withFlood.startedAt.filter((_, index) => kept[index]),
      failed: 0,
    };
  };
  describe(
    "  while admitting",
    phase((at) => at < flooded.fullAt),
  );
  describe(
    "  once at the ceiling",
    phase((at) => at >= flooded.fullAt),
  );
  console.log(
    `Order p99 ratio         ${(after.p99 / before.p99).toFixed(2)}× its baseline (target ≤ 1.5×), lost ${after.lost}`,
  );
} finally {
  await own?.stop();
}

function deadline(ms: number) {
  const end = Date.now() + ms;
  return () => Date.now() >= end;
}
