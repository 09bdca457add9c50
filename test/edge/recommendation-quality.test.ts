import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { hashSecret } from "../../edge/auth/secret";
import { bestsellers } from "../../edge/recommendations/bestsellers";
import type { RecommendationContext } from "../../edge/recommendations/context";
import { frequentlyBoughtTogether } from "../../edge/recommendations/frequently-bought-together";
import csv from "../../edge/seed/data/groceries.csv?raw";
import { seedStatements } from "../../edge/seed/seed-statements";
import { type HoldoutCase, hitRate, holdoutCases } from "../support/hit-rate";

const SITE = "quality";
const now = Date.now();
let cases: HoldoutCase[];

beforeAll(async () => {
  const statements = seedStatements(csv, {
    now,
    siteId: SITE,
    allowedOrigins: [],
    adminSecretHash: await hashSecret("unused"),
  });
  await env.DB.batch(statements.map((sql) => env.DB.prepare(sql)));
  cases = holdoutCases(csv);
}, 120_000);

function context(cart: string[]): RecommendationContext {
  return {
    siteId: SITE,
    product: null,
    category: null,
    cart,
    device: null,
    count: 5,
    since: now - 30 * 24 * 3600 * 1000,
  };
}

const ids = (items: { id: string }[]) => items.map((item) => item.id);

describe("recommendations on held-out baskets", () => {
  it("hides each product of every held-out basket of two or more products", () => {
    expect(cases).toHaveLength(4102);
  });

  // Every fourth case keeps this test near half a minute on two cores;
  // `npm run bench:recs` evaluates all of them.

  it("frequently bought together beats bestsellers at hit rate @5", async () => {
    const sample = cases.filter((_, index) => index % 4 === 0);
    const together = await hitRate(sample, 5, async (cart) =>
      ids(await frequentlyBoughtTogether(env.DB, context(cart))),
    );
    const popular = await hitRate(sample, 5, async (cart) =>
      ids(await bestsellers(env.DB, context(cart))),
    );
    console.log(
      `hit rate @5 on ${sample.length} cases: together ${together}, bestsellers ${popular}`,
    );
    expect(together).toBeGreaterThan(popular);
  }, 300_000);
});
