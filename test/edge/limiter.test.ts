import {
  abortAllDurableObjects,
  env,
  runDurableObjectAlarm,
  runInDurableObject,
} from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { ErrorBody, OperationsResponse } from "../../edge/contract";
import type { OperationLimiter } from "../../edge/limiter/operation-limiter";
import { actionId, countRows, createSite, postActions, SHOP_ORIGIN } from "./support";

const MINUTE = 60_000;

async function siteWithCeiling(id: string, ceiling: number) {
  await createSite(id);
  await env.DB.prepare("UPDATE sites SET operation_ceiling = ? WHERE id = ?")
    .bind(ceiling, id)
    .run();
}

const view = () => ({
  id: actionId(),
  operation: "ViewProduct",
  at: Date.now(),
  device: "dev-1",
  data: { product: "milk" },
});

const order = () => ({
  id: actionId(),
  operation: "Order",
  at: Date.now(),
  data: { order: actionId(), items: [{ product: "milk" }] },
});

function limiter(site: string, operation: string) {
  return env.LIMITER.get(env.LIMITER.idFromName(`${site}:${operation}`));
}

const stored = (site: string) =>
  countRows("SELECT COUNT(*) AS n FROM actions WHERE site_id = ?", site);

describe("the per-operation ceiling", () => {
  it("admits exactly the ceiling when requests arrive all at once", async () => {
    await siteWithCeiling("ceiling-exact", 60);
    const responses = await Promise.all(
      Array.from({ length: 90 }, () => postActions("ceiling-exact", [view()])),
    );
    const statuses = responses.map((response) => response.status);

    expect(statuses.filter((status) => status === 202)).toHaveLength(60);
    expect(statuses.filter((status) => status === 429)).toHaveLength(30);
    expect(await stored("ceiling-exact")).toBe(60);
  });

  it("admits exactly 15,000 of 20,000 calls arriving at once", async () => {
    const stub = limiter("ceiling-20k", "ViewProduct");
    const identity = { site: "ceiling-20k", operation: "ViewProduct" };
    // One fixed instant, so that a minute boundary during the test cannot
    // open a second window.
    const now = Math.floor(Date.now() / MINUTE) * MINUTE + 30_000;
    const answers = await Promise.all(
      Array.from({ length: 20_000 }, () => stub.admitAt(identity, 1, 15_000, now)),
    );
    const admitted = answers.reduce((sum, answer) => sum + answer.admitted, 0);

    expect(admitted).toBe(15_000);
    expect(answers.filter((answer) => answer.rejected === 1)).toHaveLength(5_000);
  }, 60_000);

  it("admits a batch up to the ceiling and names the rejected actions", async () => {
    await siteWithCeiling("ceiling-batch", 10);
    const batch = Array.from({ length: 15 }, view);
    const response = await postActions("ceiling-batch", batch);

    expect(response.status).toBe(202);
    const body = (await response.json()) as OperationsResponse;
    expect(body.stored).toBe(10);
    expect(body.rejected.map((action) => action.id)).toEqual(
      batch.slice(10).map((action) => action.id),
    );
    expect(Number(response.headers.get("retry-after"))).toBe(
      body.rejected[0]?.retryAfter,
    );
    expect(await stored("ceiling-batch")).toBe(10);
  });

  it("answers 429 saying which operation hit which ceiling and when to come back", async () => {
    await siteWithCeiling("ceiling-429", 1);
    await postActions("ceiling-429", [view()]);
    const response = await postActions("ceiling-429", [view()], { Origin: SHOP_ORIGIN });

    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(response.headers.get("access-control-allow-origin")).toBe(SHOP_ORIGIN);
    expect(response.headers.get("access-control-expose-headers")).toContain(
      "Retry-After",
    );
    const { error } = (await response.json()) as ErrorBody;
    expect(error).toMatchObject({
      code: "ceiling_reached",
      operation: "ViewProduct",
      ceiling: 1,
      retryAfter,
    });
    expect(error.message).toContain(
      "ViewProduct reached its ceiling of 1 requests a minute",
    );
    expect(error.message).toContain("do not repeat them at once");
  });

  it("keeps serving other operations while one is at its ceiling", async () => {
    await siteWithCeiling("ceiling-isolation", 2);
    await postActions("ceiling-isolation", [view(), view()]);
    expect((await postActions("ceiling-isolation", [view()])).status).toBe(429);

    const mixed = await postActions("ceiling-isolation", [view(), order()]);
    expect(mixed.status).toBe(202);
    const body = (await mixed.json()) as OperationsResponse;
    expect(body.stored).toBe(1);
    expect(body.rejected.map((action) => action.operation)).toEqual(["ViewProduct"]);
    expect((await postActions("ceiling-isolation", [order()])).status).toBe(202);
  });

  it("starts counting afresh with the next calendar minute", async () => {
    const stub = limiter("rollover", "ViewProduct");
    const identity = { site: "rollover", operation: "ViewProduct" };
    const start = Math.floor(Date.now() / MINUTE) * MINUTE;
    await runInDurableObject(stub, (object: OperationLimiter) => {
      expect(object.admitAt(identity, 3, 3, start + 1_000).admitted).toBe(3);
      const full = object.admitAt(identity, 1, 3, start + 59_500);
      expect(full).toMatchObject({ admitted: 0, rejected: 1, retryAfter: 1 });
      expect(object.admitAt(identity, 2, 3, start + MINUTE).admitted).toBe(2);
    });
  });

  it("keeps its count when the object restarts mid-minute", async () => {
    const stub = limiter("restart", "ViewProduct");
    const identity = { site: "restart", operation: "ViewProduct" };
    const now = Math.floor(Date.now() / MINUTE) * MINUTE + 10_000;
    await runInDurableObject(stub, (object: OperationLimiter) => {
      object.admitAt(identity, 4, 5, now);
    });
    await abortAllDurableObjects();

    const restarted = limiter("restart", "ViewProduct");
    await runInDurableObject(restarted, (object: OperationLimiter) => {
      expect(object.count()).toMatchObject({ admitted: 4 });
      expect(object.admitAt(identity, 3, 5, now + 1_000).admitted).toBe(1);
    });
  });

  it("never postpones a due flush while a flood goes on minute after minute", async () => {
    const stub = limiter("starve", "ViewProduct");
    const identity = { site: "starve", operation: "ViewProduct" };
    const minute = (Math.floor(Date.now() / MINUTE) + 5) * MINUTE;
    await runInDurableObject(stub, async (object: OperationLimiter, state) => {
      object.admitAt(identity, 2, 1, minute + 1_000);
      object.admitAt(identity, 2, 1, minute + MINUTE + 500);
      object.admitAt(identity, 2, 1, minute + 2 * MINUTE + 500);
      expect(await state.storage.getAlarm()).toBe(minute + MINUTE + 1_000);
    });
  });

  it("records rejections once per minute for monitoring", async () => {
    await createSite("rejections");
    const stub = limiter("rejections", "ViewProduct");
    const identity = { site: "rejections", operation: "ViewProduct" };
    const minute = Math.floor(Date.now() / MINUTE) * MINUTE - 2 * MINUTE;
    await runInDurableObject(stub, (object: OperationLimiter) => {
      object.admitAt(identity, 5, 5, minute + 1_000);
      for (let i = 0; i < 200; i++) object.admitAt(identity, 1, 5, minute + 2_000 + i);
    });

    // The minute closed long ago, so the flush is due at once: the runtime
    // may have run it already; if not, run it now.
    await runDurableObjectAlarm(stub);

    const rows = async () =>
      (
        await env.DB.prepare(
          "SELECT operation, minute, rejected FROM limiter_rejections WHERE site_id = 'rejections'",
        ).all()
      ).results;
    await expect
      .poll(rows)
      .toEqual([{ operation: "ViewProduct", minute, rejected: 200 }]);
  });
});
