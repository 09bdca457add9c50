import { env } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import canonicalSnippet from "../../client/snippet.js?raw";
import { snippetFor } from "../../edge/demo/snippet";
import { seedStatements } from "../../edge/seed/seed-statements";
import { WIDGET_HEIGHT } from "../../templates/recommendations/styles";

const ORIGIN = "https://shop.test";

async function get(path: string): Promise<Response> {
  return exports.default.fetch(new Request(`${ORIGIN}${path}`));
}

async function page(path: string, status = 200): Promise<string> {
  const response = await get(path);
  expect(response.status).toBe(status);
  expect(response.headers.get("Content-Type")).toMatch(/^text\/html/);
  return response.text();
}

const BASKETS = [
  "whole milk,rolls/buns,yogurt",
  "whole milk,soda",
  "tropical fruit,yogurt",
  "o'neil's <b>oats</b>,whole milk",
].join("\n");

beforeAll(async () => {
  const statements = seedStatements(BASKETS, {
    now: Date.now(),
    siteId: "demo",
    allowedOrigins: [ORIGIN],
    adminSecretHash: "hash-of-demo-test",
  });
  await env.DB.batch(statements.map((sql) => env.DB.prepare(sql)));
});

describe("the demo storefront", () => {
  it("carries the snippet for the request's own origin and no other script of ours", async () => {
    const html = await page("/demo/");
    const snippet = snippetFor(`${ORIGIN}/v1/sites/demo/runtime.js`);
    expect(html).toContain(snippet);
    // Past the snippet, Vitrine appears only in the data attributes it reads.
    expect(html.replace(snippet, "").match(/(?<!data-)vitrine/gi)).toBeNull();
    const scripts = [...html.matchAll(/<script[^>]*>/g)].map((match) => match[0]);
    expect(scripts).toEqual(["<script>", '<script src="/demo/shop.js">']);
  });

  it("runs its pages under a strict CSP that allows the pasted snippet by its hash", async () => {
    const response = await exports.default.fetch(new Request(`${ORIGIN}/demo/`));
    const policy = response.headers.get("Content-Security-Policy") ?? "";
    const html = await response.text();
    const inline = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";
    const digest = await crypto.subtle.digest(
      "SHA-256",
      new TextEncoder().encode(inline),
    );
    const hash = btoa(String.fromCharCode(...new Uint8Array(digest)));
    expect(policy).toContain(`script-src 'self' 'sha256-${hash}'`);
    expect(policy).toContain("style-src 'self'");
    expect(policy).not.toContain("unsafe");
  });

  it("pastes the snippet byte for byte as client/snippet.js has it", () => {
    const pasted = canonicalSnippet.trim().split("\n").at(-1);
    expect(snippetFor("https://EDGE/v1/sites/SITE/runtime.js")).toBe(
      `<script>\n${pasted}\n</script>`,
    );
  });

  it("declares the home page, its aisles and its widget placeholders", async () => {
    const html = await page("/demo/");
    expect(html).toContain('data-vitrine-page="home"');
    expect(html).toContain('href="/demo/categories/dairy-eggs"');
    expect(html).toContain('data-vitrine-widget="home-bestsellers"');
    expect(html).toContain('data-vitrine-widget="recently-viewed"');
    expect(html).toContain('href="/demo/products/tropical-fruit"');
  });

  it("shows an aisle with its category declared for Vitrine", async () => {
    const html = await page("/demo/categories/dairy-eggs");
    expect(html).toContain(
      'data-vitrine-page="category" data-vitrine-category="Dairy &amp; eggs"',
    );
    expect(html).toContain('href="/demo/products/whole-milk"');
    expect(html).not.toContain('href="/demo/products/soda"');
    expect(html).toContain('data-vitrine-widget="home-bestsellers"');
  });

  it("shows a product with its price, picture, cart form and three widgets", async () => {
    const html = await page("/demo/products/whole-milk");
    expect(html).toContain(
      'data-vitrine-page="product" data-vitrine-product="whole-milk"',
    );
    expect(html).toContain("<h1>Whole milk</h1>");
    expect(html).toMatch(/\$\d+\.\d9/);
    expect(html).toContain('src="/demo/images/whole-milk.svg"');
    expect(html).toContain("data-add-to-cart");
    for (const id of ["product-fbt", "product-similar", "recently-viewed"]) {
      expect(html).toContain(`data-vitrine-widget="${id}"`);
    }
  });

  it("escapes product names in pages", async () => {
    const html = await page("/demo/products/o-neil-s-b-oats-b");
    expect(html).toContain("<h1>O&#39;neil&#39;s &lt;b&gt;oats&lt;/b&gt;</h1>");
    expect(html).not.toContain("<b>oats");
  });

  it("answers 404 with a shop page for an unknown product, aisle or path", async () => {
    for (const path of [
      "/demo/products/caviar",
      "/demo/categories/caviar",
      "/demo/nope",
    ]) {
      const html = await page(path, 404);
      expect(html).toContain("We could not find that");
      expect(html).toContain('data-vitrine-page="other"');
    }
  });

  it("declares the cart page with an empty cart for the shop script to fill", async () => {
    const html = await page("/demo/cart");
    expect(html).toContain('data-vitrine-page="cart" data-vitrine-cart=""');
    expect(html).toContain('data-vitrine-widget="cart-fbt"');
    // shop.js runs before the end of <body>, after <main>, and synchronously.
    expect(html.indexOf('<script src="/demo/shop.js"></script>')).toBeGreaterThan(
      html.indexOf("</main>"),
    );
  });

  it("draws product pictures as SVG with a long cache", async () => {
    const response = await get("/demo/images/whole-milk.svg");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("image/svg+xml; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toContain("max-age=31536000");
    expect(await response.text()).toContain("<title>Whole milk</title>");
    expect((await get("/demo/images/caviar.svg")).status).toBe(404);
    expect((await get("/demo/images/whole-milk.png")).status).toBe(404);
  });

  it("serves its own stylesheet, which reserves each widget's full height", async () => {
    const response = await get("/demo/shop.css");
    expect(response.headers.get("Content-Type")).toBe("text/css; charset=utf-8");
    const css = await response.text();
    // One rule for every width: the widget's height does not vary.
    expect(css.match(/\[data-vitrine-widget\]/g)).toHaveLength(1);
    expect(css).toMatch(
      new RegExp(`\\[data-vitrine-widget\\] \\{[^}]*min-height: ${WIDGET_HEIGHT}px`),
    );
  });

  it("serves its own cart script, which sets the cart for Vitrine", async () => {
    const response = await get("/demo/shop.js");
    expect(response.headers.get("Content-Type")).toBe("text/javascript; charset=utf-8");
    const script = await response.text();
    expect(script).toContain("data-vitrine-cart");
    expect(() => new Function(script)).not.toThrow();
  });
});
