import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { hashSecret } from "../../edge/auth/secret";
import type { ErrorBody } from "../../edge/contract";
import {
  callAndSettle,
  createIntegration,
  order,
  postWithKey,
  view,
} from "./integrations-support";
import { addProducts, admin, countRows, createSite } from "./support";

const actionsOf = (siteId: string) =>
  countRows("SELECT count(*) AS n FROM actions WHERE site_id = ?", siteId);

describe("integration keys", () => {
  it("shows the key once and stores only its SHA-256", async () => {
    const site = await createSite("int-hash");
    const { integration, key } = await createIntegration(site.id, site.key, {
      operations: ["Order"],
    });

    expect(key).toMatch(/^vt_ik_[A-Za-z0-9_-]{43}$/);
    expect(integration).toMatchObject({
      name: "Shop back end",
      kind: "backend_api",
      operations: ["Order"],
      keyHint: key.slice(-4),
      revokedAt: null,
    });
    const row = await env.DB.prepare(
      "SELECT secret_hash FROM integrations WHERE site_id = ? AND id = ?",
    )
      .bind(site.id, integration.id)
      .first<{ secret_hash: string }>();
    expect(row?.secret_hash).toBe(await hashSecret(key));

    const listed = await admin(site.id, site.key, "/integrations");
    const text = await listed.text();
    expect(text).toContain(integration.id);
    expect(text).not.toContain(key);
    expect(text).not.toContain(row?.secret_hash);
  });

  it("refuses a create naming an unknown operation or kind, storing nothing", async () => {
    const site = await createSite("int-invalid");
    const unknown = await admin(site.id, site.key, "/integrations", {
      method: "POST",
      body: JSON.stringify({
        name: "x",
        kind: "backend_api",
        operations: ["Order", "Fly"],
      }),
    });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as ErrorBody).error.field).toBe("operations.1");
    const kind = await admin(site.id, site.key, "/integrations", {
      method: "POST",
      body: JSON.stringify({ name: "x", kind: "fax", operations: [] }),
    });
    expect(((await kind.json()) as ErrorBody).error.field).toBe("kind");
    expect(
      await countRows(
        "SELECT count(*) AS n FROM integrations WHERE site_id = ?",
        site.id,
      ),
    ).toBe(0);
  });

  it("authenticates an operation call by the integration's key", async () => {
    const site = await createSite("int-auth");
    const { key } = await createIntegration(site.id, site.key, {
      operations: ["Order", "ViewProduct"],
    });

    const response = await postWithKey(site.id, key, [order(), view()]);
    expect(response.status).toBe(202);
    expect(await actionsOf(site.id)).toBe(2);
  });

  it("answers 401 to an unknown key and to a malformed header", async () => {
    const site = await createSite("int-unknown");
    const unknown = await postWithKey(site.id, "vt_ik_not-a-key", [order()]);
    expect(unknown.status).toBe(401);
    const body = (await unknown.json()) as ErrorBody;
    expect(body.error).toMatchObject({ code: "unknown_key", field: "authorization" });
    expect(body.error.message).toContain("current key");

    const basic = await postWithKey(site.id, null, [order()], "/operations");
    expect(basic.status).toBe(202);
    expect(await actionsOf(site.id)).toBe(1);
  });

  it("rotates a key: the new one works at once, the old one never again", async () => {
    const site = await createSite("int-rotate");
    const { integration, key: old } = await createIntegration(site.id, site.key, {
      operations: ["Order"],
    });
    const rotated = await admin(
      site.id,
      site.key,
      `/integrations/${integration.id}/rotate`,
      {
        method: "POST",
      },
    );
    expect(rotated.status).toBe(200);
    const { key: fresh } = (await rotated.json()) as { key: string };
    expect(fresh).not.toBe(old);

    expect((await postWithKey(site.id, old, [order()])).status).toBe(401);
    expect((await postWithKey(site.id, fresh, [order()])).status).toBe(202);
    expect(await actionsOf(site.id)).toBe(1);
  });

  it("revokes for good: 401 naming the revocation, and no rotation back", async () => {
    const site = await createSite("int-revoke");
    const { integration, key } = await createIntegration(site.id, site.key, {
      operations: ["Order"],
    });
    const revoked = await admin(
      site.id,
      site.key,
      `/integrations/${integration.id}/revoke`,
      {
        method: "POST",
      },
    );
    expect(revoked.status).toBe(200);
    expect(((await revoked.json()) as Created).integration.revokedAt).toEqual(
      expect.any(Number),
    );

    const call = await postWithKey(site.id, key, [order()]);
    expect(call.status).toBe(401);
    expect(((await call.json()) as ErrorBody).error.code).toBe("integration_revoked");
    expect(await actionsOf(site.id)).toBe(0);

    const rotate = await admin(
      site.id,
      site.key,
      `/integrations/${integration.id}/rotate`,
      {
        method: "POST",
      },
    );
    expect(rotate.status).toBe(409);
  });

  it("refuses a whole batch with 403 naming the operation it may not call", async () => {
    const site = await createSite("int-scope");
    const { key } = await createIntegration(site.id, site.key, {
      operations: ["ViewProduct"],
    });

    const response = await postWithKey(site.id, key, [view(), order(), view()]);
    expect(response.status).toBe(403);
    const body = (await response.json()) as ErrorBody;
    expect(body.error).toMatchObject({
      code: "operation_not_allowed",
      operation: "Order",
    });
    expect(body.error.message).toContain("Order");
    expect(await actionsOf(site.id)).toBe(0);
  });

  it("checks CalculateCart's scope before reading the cart", async () => {
    const site = await createSite("int-scope-cart");
    const { key } = await createIntegration(site.id, site.key, { operations: ["Order"] });
    const response = await postWithKey(site.id, key, [], "/operations/CalculateCart");
    expect(response.status).toBe(403);
    expect(((await response.json()) as ErrorBody).error.operation).toBe("CalculateCart");
  });

  it("lets an integration granted CalculateCart price a cart", async () => {
    const site = await createSite("int-cart");
    await addProducts(site.id, [{ id: "milk", category: "Dairy", price: 199 }]);
    const { key } = await createIntegration(site.id, site.key, {
      operations: ["CalculateCart"],
    });
    const response = await callAndSettle(
      `/v1/sites/${site.id}/operations/CalculateCart`,
      {
        method: "POST",
        headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
        body: JSON.stringify({ items: [{ product: "milk", quantity: 2 }] }),
      },
    );
    expect(response.status, await response.clone().text()).toBe(200);
    expect(((await response.json()) as { totals: { final: number } }).totals.final).toBe(
      398,
    );
  });

  it("answers 403 to another site's integration key", async () => {
    const mine = await createSite("int-site-a");
    const other = await createSite("int-site-b");
    const { key } = await createIntegration(other.id, other.key, {
      operations: ["Order"],
    });
    const response = await postWithKey(mine.id, key, [order()]);
    expect(response.status).toBe(403);
    expect(await actionsOf(mine.id)).toBe(0);
  });

  it("lets an update change the operations, and refuses changing the kind", async () => {
    const site = await createSite("int-update");
    const { integration, key } = await createIntegration(site.id, site.key, {
      operations: ["ViewProduct"],
    });
    expect((await postWithKey(site.id, key, [order()])).status).toBe(403);
    const patched = await admin(site.id, site.key, `/integrations/${integration.id}`, {
      method: "PATCH",
      body: JSON.stringify({ operations: ["Order", "ViewProduct"] }),
    });
    expect(patched.status).toBe(200);
    expect((await postWithKey(site.id, key, [order()])).status).toBe(202);

    const kind = await admin(site.id, site.key, `/integrations/${integration.id}`, {
      method: "PATCH",
      body: JSON.stringify({ kind: "website" }),
    });
    expect(kind.status).toBe(400);
    expect(((await kind.json()) as ErrorBody).error.field).toBe("kind");
  });
});

type Created = Awaited<ReturnType<typeof createIntegration>>;
