/**
 * `npm run bench:metrics [-- --deliveries 250000]`
 *
 * Starts a local worker (fresh, seeded database; needs `npm run build`),
 * loads a million delivery events into its D1 for the demo site (250,000
 * deliveries of 200 messages in 50 campaigns, four events each, spread
 * over 120 days), derives the deliveries and daily counts with the
 * webhook's own SQL, then times the dashboard's admin routes over HTTP.
 *
 * The events are made by a recursive CTE inside SQLite, one statement, so
 * loading takes seconds rather than the hours a million webhook calls
 * would. They are written with `wrangler d1 execute` into the running
 * worker's persisted database, as scripts/seed.ts writes the demo.
 */
import { parseArgs } from "node:util";
import { ALL_DELIVERIES, deriveDeliveriesSql } from "../edge/communications/derive-sql";
import { startLocalWorker } from "../test/support/local-worker";
import { DATABASE, d1 } from "./wrangler";

const { values } = parseArgs({
  options: {
    deliveries: { type: "string", default: "250000" },
    runs: { type: "string", default: "10" },
  },
});
const deliveries = Number(values.deliveries);
const runs = Number(values.runs);
const SITE = "demo";
const MESSAGES = 200;
const DAYS = 120;
const DAY_MS = 86_400_000;

function seconds(started: number): string {
  return `${((performance.now() - started) / 1000).toFixed(1)} s`;
}

/** The campaigns and messages, then the events: four per delivery. */
function loadSql(now: number): string[] {
  const campaigns = Array.from(
    { length: MESSAGES / 4 },
    (_, c) => `('${SITE}', 'bench-c${c}', 'Bench campaign ${c}', ${now}, ${now})`,
  );
  const channels = ["email", "email", "webpush", "mobilepush"];
  const messages = Array.from(
    { length: MESSAGES },
    (_, m) =>
      `('${SITE}', 'bench-m${m}', 'bench-c${Math.floor(m / 4)}', '${channels[m % 4]}', 'Bench message ${m}', ${now}, ${now})`,
  );
  // Delivery i: message i % 200, customer i / 200, queued at a time spread
  // over the 120 days before now. Event k: 0 queued; 1 sent, or deferred
  // for one in ten; 2 delivered, or a bounce for one in fifty; 3 an open,
  // a click (also an open) or a second open, one in three each.
  const start = now - DAYS * DAY_MS;
  return [
    `INSERT INTO campaigns (site_id, id, name, created_at, updated_at) VALUES ${campaigns.join(", ")}`,
    `INSERT INTO messages (site_id, id, campaign_id, channel, subject, created_at, updated_at) VALUES ${messages.join(", ")}`,
    `INSERT INTO delivery_events (site_id, id, message_id, customer_id, recipient, type, at,
       received_at, smtp_status, smtp_enhanced, smtp_text, bounce_kind, url)
     WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${deliveries - 1}),
     e AS (
       SELECT i, k.value AS k,
         ${start} + (i * 7919 % ${DAYS * 86_400}) * 1000 AS t
       FROM n, json_each('[0, 1, 2, 3]') AS k
     )
     SELECT '${SITE}', 'bench-' || i || '-' || k, 'bench-m' || (i % ${MESSAGES}),
       'bench-customer-' || (i / ${MESSAGES}), 'bench' || (i / ${MESSAGES}) || '@mail.example',
       CASE k WHEN 0 THEN 'queued'
         WHEN 1 THEN iif(i % 10 = 0, 'deferred', 'sent')
         WHEN 2 THEN iif(i % 50 = 0, 'bounced', 'delivered')
         ELSE iif(i % 3 = 1, 'clicked', 'opened') END,
       t + k * 60000, t + k * 60000,
       CASE WHEN k = 1 AND i % 10 = 0 THEN 421 END,
       CASE WHEN k = 1 AND i % 10 = 0 THEN '4.7.0' END,
       CASE WHEN k = 1 AND i % 10 = 0 THEN 'Try again later' END,
       CASE WHEN k = 2 AND i % 50 = 0 THEN 'soft' END,
       CASE WHEN k = 3 AND i % 3 = 1 THEN 'https://shop.example/' END
     FROM e`,
  ];
}

async function time(url: string, key: string, path: string) {
  const latencies: number[] = [];
  let bytes = 0;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const response = await fetch(`${url}/v1/sites/${SITE}/admin${path}`, {
      headers: { Authorization: `Bearer ${key}` },
    });
    const body = await response.arrayBuffer();
    latencies.push(performance.now() - started);
    bytes = body.byteLength;
    if (!response.ok) {
      throw new Error(`${path}: ${response.status} ${new TextDecoder().decode(body)}`);
    }
  }
  latencies.sort((a, b) => a - b);
  const median = latencies[Math.floor(latencies.length / 2)] ?? 0;
  const max = latencies.at(-1) ?? 0;
  return { path, median, max, bytes };
}

async function main(): Promise<void> {
  let started = performance.now();
  const worker = await startLocalWorker();
  console.log(`Local worker at ${worker.url} (${seconds(started)}).`);
  try {
    const now = Date.now();
    started = performance.now();
    for (const sql of loadSql(now)) {
      await d1(["execute", DATABASE, "--command", sql, "--yes"], worker.persistDir);
    }
    console.log(
      `Loaded ${(deliveries * 4).toLocaleString("en")} events in ${seconds(started)}.`,
    );

    started = performance.now();
    const derive = deriveDeliveriesSql(ALL_DELIVERIES).replaceAll("?1", `'${SITE}'`);
    await d1(["execute", DATABASE, "--command", derive, "--yes"], worker.persistDir);
    console.log(`Derived the deliveries and daily counts in ${seconds(started)}.`);

    const stats = await d1(
      [
        "execute",
        DATABASE,
        "--json",
        "--command",
        `SELECT (SELECT count(*) FROM delivery_events WHERE site_id = '${SITE}') AS events,
           (SELECT count(*) FROM deliveries WHERE site_id = '${SITE}') AS deliveries,
           (SELECT count(*) FROM delivery_daily WHERE site_id = '${SITE}') AS daily_rows`,
      ],
      worker.persistDir,
    );
    console.log(
      JSON.stringify((JSON.parse(stats) as { results: unknown[] }[])[0]?.results[0]),
    );

    const today = new Date(now).toISOString().slice(0, 10);
    const monthAgo = new Date(now - 29 * DAY_MS).toISOString().slice(0, 10);
    const month = `from=${monthAgo}&to=${today}`;
    const routes = [
      "/communications/campaigns",
      `/communications/campaigns?${month}`,
      `/communications/campaigns/bench-c7?${month}`,
      `/communications/campaigns/bench-c7/series?${month}`,
      "/communications/customers/bench-customer-42",
    ];
    console.log(`\nMedian and slowest of ${runs} requests each, over HTTP:`);
    for (const path of routes) {
      const { median, max, bytes } = await time(worker.url, worker.adminKey, path);
      console.log(
        `${median.toFixed(1).padStart(7)} ms  ${max.toFixed(1).padStart(7)} ms  ${(bytes / 1024).toFixed(0).padStart(5)} KB  GET ${path}`,
      );
    }
  } finally {
    await worker.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
