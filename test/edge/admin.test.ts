import { describe, expect, it } from "vitest";
import type { ErrorBody } from "../../edge/contract";
import { actionId, admin, call, countRows, createSite, postActions } from "./support";

describe("admin authentication", () => {
  it("answers 401 without a key and with an unknown key", async () => {
    await createSite("auth-a");
    const none = await call("/v1/sites/auth-a/admin/widgets");
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toContain("Bearer");
    expect(((await none.json()) as ErrorBody).error.field).toBe("authorization");

    const unknown = await admin("auth-a", "vt_sk_not-a-real-key", "/widgets");
    expect(unknown.status).toBe(401);
  });

  it("answers 403 when one site's key asks for another site's data", async () => {
    await createSite("auth-own");
    const other = await createSite("auth-other");
    const response = await admin("auth-own", other.key, "/widgets");
    expect(response.status).toBe(403);
  });

  it("stores only a hash of the key", async () => {
    const site = await createSite("auth-hash");
    const plain = await countRows(
      "SELECT COUNT(*) AS n FROM api_keys WHERE secret_hash = ?",
      site.key,
    );
    expect(plain).toBe(0);
  });
});

describe("admin widgets", () => {
  it("creates, lists, replaces and deletes a widget, bumping the config version", async () => {
    const { key } = await createSite("widgets-crud");
    const version = () =>
      countRows("SELECT config_version AS n FROM sites WHERE id = 'widgets-crud'");
    const before = await version();

    const created = await admin("widgets-crud", key, "/widgets/home-best", {
      method: "PUT",
      body: JSON.stringify({ name: "Home", settings: { title: "Top picks", count: 6 } }),
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      id: "home-best",
      enabled: true,
      settings: { title: "Top picks", count: 6, layout: "grid" },
    });
    expect(await version()).toBe(before + 1);

    const replaced = await admin("widgets-crud", key, "/widgets/home-best", {
      method: "PUT",
      body: JSON.stringify({
        name: "Home",
        enabled: false,
        settings: { title: "Picks" },
      }),
    });
    expect(replaced.status).toBe(200);
    const list = (await (await admin("widgets-crud", key, "/widgets")).json()) as {
      widgets: { id: string; enabled: boolean; settings: { title: string } }[];
    };
    expect(list.widgets).toHaveLength(1);
    expect(list.widgets[0]).toMatchObject({
      enabled: false,
      settings: { title: "Picks" },
    });

    expect(
      (await admin("widgets-crud", key, "/widgets/home-best", { method: "DELETE" }))
        .status,
    ).toBe(204);
    expect((await admin("widgets-crud", key, "/widgets/home-best")).status).toBe(404);
    expect(await version()).toBe(before + 3);
  });

  it.each([
    [{ name: "W", settings: { count: 13 } }, "settings.count"],
    [{ name: "W", settings: { colour: "red" } }, "settings.colour"],
    [
      { name: "W", settings: { accentColor: "red;background:url(x)" } },
      "settings.accentColor",
    ],
    [{ name: "W", settings: { algorithm: "random" } }, "settings.algorithm"],
    [{ name: "W", settings: { pages: ["checkout"] } }, "settings.pages.0"],
    [{ name: "" }, "name"],
    [{ name: "W", template: "banner" }, "template"],
  ])("refuses %j naming %s, and stores nothing", async (body, field) => {
    const { key } = await createSite(`widgets-bad-${field.replace(/\W/g, "")}`);
    const siteId = `widgets-bad-${field.replace(/\W/g, "")}`;
    const response = await admin(siteId, key, "/widgets/w", {
      method: "PUT",
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.field).toBe(field);
    expect(
      await countRows("SELECT COUNT(*) AS n FROM widgets WHERE site_id = ?", siteId),
    ).toBe(0);
  });
});

describe("admin actions", () => {
  it("lists a device's stored actions, newest first", async () => {
    const { key } = await createSite("actions-list");
    const now = Date.now();
    await postActions("actions-list", [
      {
        id: actionId(),
        operation: "ViewProduct",
        at: now - 10,
        device: "d1",
        data: { product: "a" },
      },
      {
        id: actionId(),
        operation: "ViewProduct",
        at: now,
        device: "d1",
        data: { product: "b" },
      },
      {
        id: actionId(),
        operation: "ViewProduct",
        at: now,
        device: "d2",
        data: { product: "c" },
      },
    ]);
    const body = (await (
      await admin("actions-list", key, "/actions?device=d1")
    ).json()) as {
      actions: { data: { product: string } }[];
    };
    expect(body.actions.map((action) => action.data.product)).toEqual(["b", "a"]);
  });
});

let badSettings = 0;

describe("admin settings", () => {
  it("changes the ceiling and the allowed origins, and CORS follows", async () => {
    const { key } = await createSite("settings-change");
    const response = await admin("settings-change", key, "/settings", {
      method: "PATCH",
      body: JSON.stringify({
        operationCeiling: 500,
        allowedOrigins: ["https://new.example", "http://127.0.0.1:8787"],
      }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      operationCeiling: 500,
      allowedOrigins: ["https://new.example", "http://127.0.0.1:8787"],
    });

    const page = await call("/v1/sites/settings-change/page?url=https://new.example/", {
      headers: { Origin: "https://new.example" },
    });
    expect(page.headers.get("access-control-allow-origin")).toBe("https://new.example");
  });

  it.each([
    [{ operationCeiling: 0 }, "operationCeiling"],
    [{ operationCeiling: 1.5 }, "operationCeiling"],
    [{ allowedOrigins: ["https://shop.example/"] }, "allowedOrigins.0"],
    [{ allowedOrigins: ["javascript:alert(1)"] }, "allowedOrigins.0"],
    [{ allowedOrigins: "https://shop.example" }, "allowedOrigins"],
    [{ name: "x" }, "name"],
  ])("refuses %j naming %s and changes nothing", async (body, field) => {
    badSettings += 1;
    const siteId = `settings-bad-${badSettings}`;
    const { key } = await createSite(siteId);
    const response = await admin(siteId, key, "/settings", {
      method: "PATCH",
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.field).toBe(field);
    const ceiling = await countRows(
      "SELECT operation_ceiling AS n FROM sites WHERE id = ?",
      siteId,
    );
    expect(ceiling).toBe(15000);
  });
});

describe("admin settings under concurrent changes", () => {
  it("keeps both of two changes made at once", async () => {
    const { key } = await createSite("settings-both");
    const patch = (body: unknown) =>
      admin("settings-both", key, "/settings", {
        method: "PATCH",
        body: JSON.stringify(body),
      });
    await Promise.all([
      patch({ operationCeiling: 42 }),
      patch({ allowedOrigins: ["HTTPS://Both.example:443"] }),
    ]);
    const settings = (await (await admin("settings-both", key, "/settings")).json()) as {
      operationCeiling: number;
      allowedOrigins: string[];
    };
    // Read back from D1, not from this isolate's 5-second copy.
    expect(
      await countRows(
        "SELECT operation_ceiling AS n FROM sites WHERE id = 'settings-both'",
      ),
    ).toBe(42);
    expect(settings.allowedOrigins).toEqual(["https://both.example"]);
  });

  it("stops at 50 widgets a site without bumping the version, while replacing still works", async () => {
    const { key } = await createSite("widgets-full");
    const put = (id: string) =>
      admin("widgets-full", key, `/widgets/${id}`, {
        method: "PUT",
        body: JSON.stringify({ name: id }),
      });
    for (let index = 0; index < 50; index++)
      expect((await put(`w${index}`)).status).toBe(201);
    const version = () =>
      countRows("SELECT config_version AS n FROM sites WHERE id = 'widgets-full'");
    const before = await version();

    const refused = await put("one-more");
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as ErrorBody).error.code).toBe("too_many_widgets");
    expect(await version()).toBe(before);
    expect(
      await countRows("SELECT COUNT(*) AS n FROM widgets WHERE site_id = 'widgets-full'"),
    ).toBe(50);
    expect((await put("w3")).status).toBe(200);
  });

  it("does not bump the config version when deleting a widget that does not exist", async () => {
    const { key } = await createSite("widgets-delete-missing");
    const version = () =>
      countRows(
        "SELECT config_version AS n FROM sites WHERE id = 'widgets-delete-missing'",
      );
    const before = await version();
    expect(
      (await admin("widgets-delete-missing", key, "/widgets/nope", { method: "DELETE" }))
        .status,
    ).toBe(404);
    expect(await version()).toBe(before);
  });

  it("refuses settings: null instead of resetting the widget", async () => {
    const { key } = await createSite("widgets-null");
    const response = await admin("widgets-null", key, "/widgets/w", {
      method: "PUT",
      body: JSON.stringify({ name: "W", settings: null }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.field).toBe("settings");
  });
});
