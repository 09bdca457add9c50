/**
 * `npm run bench:recs`: hit rate @5 of frequently-bought-together against
 * bestsellers on every held-out basket, through the real HTTP API of a local
 * worker seeded with the demo shop (which never saw these baskets). Also
 * prints the latency of the recommendation requests.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { hitRate, holdoutCases } from "../test/support/hit-rate";
import { startLocalWorker } from "../test/support/local-worker";
import { ROOT } from "./wrangler";

const K = 5;
const csv = readFileSync(path.join(ROOT, "edge/seed/data/groceries.csv"), "utf8");
const cases = holdoutCases(csv);
const worker = await startLocalWorker();

try {
  const admin = (id: string, algorithm: string) =>
    fetch(`${worker.url}/v1/sites/demo/admin/widgets/${id}`, {
      method: "PUT",
      headers: {
        Authorization: `Bearer ${worker.adminKey}`,
        "Content-Type": "application/json",
      },
      body: JSON.stringify({ name: id, settings: { algorithm, count: K } }),
    });
  for (const [id, algorithm] of [
    ["bench-together", "frequently-bought-together"],
    ["bench-bestsellers", "bestsellers"],
  ] as const) {
    const response = await admin(id, algorithm);
    if (!response.ok)
      throw new Error(`creating ${id}: ${response.status} ${await response.text()}`);
  }

  const latencies = new Map<string, number[]>();
  const recommend = (widget: string) => async (cart: string[]) => {
    const started = performance.now();
    const response = await fetch(
      `${worker.url}/v1/sites/demo/recommendations/${widget}?cart=${cart.join(",")}`,
    );
    const body = (await response.json()) as { items: { id: string }[] };
    const times = latencies.get(widget) ?? [];
    times.push(performance.now() - started);
    latencies.set(widget, times);
    return body.items.map((item) => item.id);
  };

  console.log(
    `${cases.length} cases (each product of the held-out baskets hidden in turn)`,
  );
  const together = await hitRate(cases, K, recommend("bench-together"));
  const popular = await hitRate(cases, K, recommend("bench-bestsellers"));

  const percentile = (values: number[], p: number) =>
    [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)] ?? 0;
  const row = (name: string, rate: number, widget: string) => {
    const times = latencies.get(widget) ?? [];
    console.log(
      `${name.padEnd(28)} hit rate @${K} ${(rate * 100).toFixed(2)} %   ` +
        `p50 ${percentile(times, 0.5).toFixed(1)} ms   p99 ${percentile(times, 0.99).toFixed(1)} ms`,
    );
  };
  row("frequently-bought-together", together, "bench-together");
  row("bestsellers (baseline)", popular, "bench-bestsellers");
  console.log(`ratio ${(together / popular).toFixed(3)}× the baseline`);
} finally {
  await worker.stop();
}
