import { describe, expect, it } from "vitest";
import type { ErrorBody } from "../../edge/contract";
import {
  actionId,
  call,
  countRows,
  createSite,
  postActions,
  SHOP_ORIGIN,
} from "./support";

const view = (product = "milk", device = "dev-1") => ({
  id: actionId(),
  operation: "ViewProduct",
  at: Date.now(),
  device,
  data: { product },
});

describe("POST /v1/sites/:site/operations", () => {
  it("stores a batch and answers 202 with what it stored", async () => {
    await createSite("ops-store");
    const response = await postActions("ops-store", [view(), view("bread")]);

    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ stored: 2, duplicates: 0, rejected: [] });
    expect(
      await countRows("SELECT COUNT(*) AS n FROM actions WHERE site_id = ?", "ops-store"),
    ).toBe(2);
    const device = await countRows(
      "SELECT COUNT(*) AS n FROM devices WHERE site_id = ? AND id = 'dev-1'",
      "ops-store",
    );
    expect(device).toBe(1);
  });

  it("accepts a resent batch without storing anything twice", async () => {
    await createSite("ops-dedupe");
    const batch = [view(), view("bread")];
    await postActions("ops-dedupe", batch);
    const again = await postActions("ops-dedupe", [...batch, batch[0]]);

    expect(again.status).toBe(202);
    expect(await again.json()).toEqual({ stored: 0, duplicates: 3, rejected: [] });
    expect(
      await countRows(
        "SELECT COUNT(*) AS n FROM actions WHERE site_id = ?",
        "ops-dedupe",
      ),
    ).toBe(2);
  });

  it("leaves nothing behind for an id already stored, even with other content", async () => {
    await createSite("ops-dup-content");
    const id = actionId();
    await postActions("ops-dup-content", [
      {
        id,
        operation: "ViewPage",
        at: Date.now(),
        data: { url: "https://shop.example/" },
      },
    ]);
    const response = await postActions("ops-dup-content", [
      {
        id,
        operation: "Order",
        at: Date.now(),
        device: "ghost-device",
        customer: "ghost-customer",
        data: { order: "ghost-order", items: [{ product: "milk", quantity: 999 }] },
      },
    ]);
    expect(await response.json()).toEqual({ stored: 0, duplicates: 1, rejected: [] });
    for (const table of ["order_lines", "devices", "customers"]) {
      expect(
        await countRows(
          `SELECT COUNT(*) AS n FROM ${table} WHERE site_id = ?`,
          "ops-dup-content",
        ),
      ).toBe(0);
    }
  });

  it("accepts text/plain bodies, as sendBeacon sends them", async () => {
    await createSite("ops-beacon");
    const response = await call("/v1/sites/ops-beacon/operations", {
      method: "POST",
      headers: { "Content-Type": "text/plain;charset=UTF-8" },
      body: JSON.stringify({ actions: [view()] }),
    });
    expect(response.status).toBe(202);
  });

  it("records order lines once even when the order is reported twice", async () => {
    await createSite("ops-order");
    const order = (id: string) => ({
      id,
      operation: "Order",
      at: Date.now(),
      customer: "c-1",
      data: {
        order: "o-1",
        items: [
          { product: "milk", quantity: 2 },
          { product: "bread", quantity: 1 },
          { product: "milk" },
        ],
      },
    });
    await postActions("ops-order", [order(actionId())]);
    await postActions("ops-order", [order(actionId())]);

    const { results } = await (await import("cloudflare:test")).env.DB.prepare(
      "SELECT product_id, quantity FROM order_lines WHERE site_id = ? ORDER BY product_id",
    )
      .bind("ops-order")
      .all();
    expect(results).toEqual([
      { product_id: "bread", quantity: 1 },
      { product_id: "milk", quantity: 3 },
    ]);
  });

  it("rejects a batch with one bad action, names it, and stores none of it", async () => {
    await createSite("ops-invalid");
    const response = await postActions("ops-invalid", [
      view(),
      { ...view(), data: { product: "<script>" } },
    ]);

    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.field).toBe("actions.1.data.product");
    expect(body.error.message).toContain("actions.1.data.product");
    expect(
      await countRows(
        "SELECT COUNT(*) AS n FROM actions WHERE site_id = ?",
        "ops-invalid",
      ),
    ).toBe(0);
  });

  it.each([
    ["no actions list", {}, "actions"],
    ["an empty list", { actions: [] }, "actions"],
    [
      "an unknown operation",
      { actions: [{ ...view(), operation: "Explode" }] },
      "actions.0.operation",
    ],
    ["an empty id", { actions: [{ ...view(), id: "" }] }, "actions.0.id"],
    ["an id with a slash", { actions: [{ ...view(), id: "../x" }] }, "actions.0.id"],
    ["an unknown top-level field", { actions: [view()], extra: 1 }, "extra"],
    [
      "a product's quantity above 999 spread over lines",
      {
        actions: [
          {
            ...view(),
            operation: "Order",
            data: {
              order: "o",
              items: [{ product: "a", quantity: 999 }, { product: "a" }],
            },
          },
        ],
      },
      "actions.0.data.items.1.quantity",
    ],
    ["a time far in the past", { actions: [{ ...view(), at: 1 }] }, "actions.0.at"],
    ["a time as text", { actions: [{ ...view(), at: "now" }] }, "actions.0.at"],
    ["an unknown field", { actions: [{ ...view(), extra: 1 }] }, "actions.0.extra"],
    [
      "an unknown data field",
      { actions: [{ ...view(), data: { product: "a", x: 1 } }] },
      "actions.0.data.x",
    ],
    [
      "an order without lines",
      { actions: [{ ...view(), operation: "Order", data: { order: "o", items: [] } }] },
      "actions.0.data.items",
    ],
    [
      "a login without a customer",
      { actions: [{ ...view(), operation: "AuthorizeCustomer", data: {} }] },
      "actions.0.customer",
    ],
    [
      "a page view of a javascript: URL",
      {
        actions: [
          { ...view(), operation: "ViewPage", data: { url: "javascript:alert(1)" } },
        ],
      },
      "actions.0.data.url",
    ],
  ])("answers 400 for %s", async (_, body, field) => {
    await createSite("ops-bad").catch(() => undefined);
    const response = await call("/v1/sites/ops-bad/operations", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.field).toBe(field);
  });

  it("answers 400 for a body that is not JSON", async () => {
    await createSite("ops-json");
    const response = await call("/v1/sites/ops-json/operations", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{actions:",
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.code).toBe("invalid_json");
  });

  it("answers 415 for a body that is neither JSON nor text", async () => {
    await createSite("ops-type");
    const response = await call("/v1/sites/ops-type/operations", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "a=1",
    });
    expect(response.status).toBe(415);
    expect(((await response.json()) as ErrorBody).error.field).toBe("content-type");
  });

  it("answers 413 for a body over 64 KiB, even without Content-Length", async () => {
    await createSite("ops-large");
    const big = JSON.stringify({ actions: [view()], pad: "x".repeat(70_000) });
    const declared = await call("/v1/sites/ops-large/operations", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: big,
    });
    expect(declared.status).toBe(413);

    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const chunked = await call("/v1/sites/ops-large/operations", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: stream,
      // @ts-expect-error: `duplex` is required for stream bodies but missing from the type.
      duplex: "half",
    });
    expect(chunked.status).toBe(413);
    expect(
      await countRows("SELECT COUNT(*) AS n FROM actions WHERE site_id = ?", "ops-large"),
    ).toBe(0);
  });

  it("answers 404 naming the site when it does not exist", async () => {
    const response = await postActions("no-such-site", [view()]);
    expect(response.status).toBe(404);
    expect(((await response.json()) as ErrorBody).error.field).toBe("site");
  });
});

describe("CORS of the public API", () => {
  it("allows the site's own origins, on success and on error", async () => {
    await createSite("cors-allowed");
    const ok = await postActions("cors-allowed", [view()], { Origin: SHOP_ORIGIN });
    expect(ok.headers.get("access-control-allow-origin")).toBe(SHOP_ORIGIN);
    expect(ok.headers.get("access-control-expose-headers")).toContain("Retry-After");

    const bad = await postActions("cors-allowed", [{ id: "x" }], { Origin: SHOP_ORIGIN });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("access-control-allow-origin")).toBe(SHOP_ORIGIN);
  });

  it("answers preflight for allowed origins only", async () => {
    await createSite("cors-preflight");
    const preflight = (origin: string) =>
      call("/v1/sites/cors-preflight/operations", {
        method: "OPTIONS",
        headers: { Origin: origin, "Access-Control-Request-Method": "POST" },
      });
    const allowed = await preflight(SHOP_ORIGIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-methods")).toContain("POST");

    const refused = await preflight("https://evil.example");
    expect(refused.status).toBe(403);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("refuses actions sent from another origin and stores nothing", async () => {
    await createSite("cors-refused");
    const response = await postActions("cors-refused", [view()], {
      Origin: "https://evil.example",
    });
    expect(response.status).toBe(403);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    expect(
      await countRows(
        "SELECT COUNT(*) AS n FROM actions WHERE site_id = ?",
        "cors-refused",
      ),
    ).toBe(0);
  });
});
