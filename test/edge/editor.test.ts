import { describe, expect, it } from "vitest";
import { call } from "./support";

// The worker serves the editor from the assets `npm run build` left in
// dist/public (`npm test` builds first).
describe("GET /editor/", () => {
  it("serves the editor's page, with a policy that runs only its own scripts", async () => {
    const response = await call("/editor/");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(response.headers.get("content-security-policy")).toContain(
      "script-src 'self'",
    );
    expect(response.headers.get("content-security-policy")).toContain(
      "frame-ancestors 'none'",
    );
    const html = await response.text();
    expect(html).toContain('<div id="app">');
  });

  it("answers the page for any path of the app, so that reloads and links work", async () => {
    const response = await call("/editor/widgets/product-fbt");
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="app">');
  });

  it("redirects /editor to /editor/", async () => {
    const response = await call("/editor", { redirect: "manual" });
    expect(response.status).toBe(308);
    expect(response.headers.get("location")).toBe("/editor/");
  });

  it("serves its hashed files for a year and answers 404 for others", async () => {
    const html = await (await call("/editor/")).text();
    const script = /src="(\/editor\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await call(script ?? "");
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toContain("immutable");
    await asset.arrayBuffer();

    const missing = await call("/editor/assets/missing-00000000.js");
    expect(missing.status).toBe(404);
    await missing.arrayBuffer();
  });
});
