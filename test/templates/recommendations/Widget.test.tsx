import { render } from "preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ProductCard } from "../../../edge/contract";
import {
  priceFormatter,
  type RecommendationSettings,
  recommendationDefaults,
  styles,
  WIDGET_HEIGHT,
  Widget,
} from "../../../templates/recommendations";

function card(id: string, overrides: Partial<ProductCard> = {}): ProductCard {
  return {
    id,
    name: `Product ${id}`,
    category: "tea",
    price: 199,
    url: `/p/${id}`,
    image: `https://cdn.shop.test/${id}.jpg`,
    ...overrides,
  };
}

const containers: HTMLElement[] = [];

function show(
  items: ProductCard[],
  settings: Partial<RecommendationSettings> = {},
  money: { locale: string; currency: string } = { locale: "en-US", currency: "USD" },
  onItemClick?: (item: ProductCard) => void,
): HTMLElement {
  const container = document.createElement("div");
  containers.push(container);
  document.body.appendChild(container);
  render(
    <Widget
      settings={{ ...recommendationDefaults, ...settings }}
      items={items}
      {...money}
      onItemClick={onItemClick}
    />,
    container,
  );
  return container;
}

/** `Intl` separates currency and number with no-break spaces in some locales. */
const plain = (text: string | null | undefined) => text?.replace(/[\u00a0\u202f]/g, " ");

describe("recommendation widget", () => {
  afterEach(() => {
    for (const container of containers.splice(0)) {
      render(null, container);
      container.remove();
    }
  });

  it("is a section labelled by its title, with a card per item", () => {
    const root = show([card("a"), card("b")], { title: "You may also like" });

    const section = root.querySelector("section");
    expect(section?.getAttribute("aria-label")).toBe("You may also like");
    expect(section?.querySelector("h2")?.textContent).toBe("You may also like");
    expect(root.querySelectorAll("li")).toHaveLength(2);
    const image = root.querySelector("img");
    expect(image?.getAttribute("alt")).toBe("Product a");
    expect(image?.getAttribute("loading")).toBe("lazy");
    expect(image?.getAttribute("width")).toBe("152");
    expect(image?.getAttribute("height")).toBe("152");
    const link = root.querySelector("a");
    expect(link?.getAttribute("href")).toBe("/p/a");
    expect(link?.textContent).toBe("View");
    expect(link?.getAttribute("aria-label")).toBe("View: Product a");
  });

  it("shows hostile names as text", () => {
    const name = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const root = show([card("a", { name })], { title: "<b>Deals</b>" });

    expect(root.querySelector(".name")?.textContent).toBe(name);
    expect(root.querySelector("h2")?.textContent).toBe("<b>Deals</b>");
    expect(root.querySelectorAll("img")).toHaveLength(1);
    expect(root.querySelector("script, b, [onerror]")).toBeNull();
  });

  it.each([
    ["javascript:alert(1)"],
    ["  JavaScript:alert(1)"],
    ["java\tscript:alert(1)"],
    ["data:text/html,<script>alert(1)</script>"],
    ["vbscript:msgbox(1)"],
    ["//evil.test/p"],
    ["/\\evil.test/p"],
    ["/\n/evil.test/p"],
    ["/\t/evil.test/p"],
    [" //evil.test/p"],
    ["p/relative"],
    [""],
  ])("drops the link and picture for %j", (url) => {
    const root = show([card("a", { url, image: url })]);

    expect(root.querySelector("a")).toBeNull();
    expect(root.querySelector("img")).toBeNull();
    expect(root.querySelector(".picture")).not.toBeNull();
    expect(root.querySelector(".name")?.textContent).toBe("Product a");
  });

  it.each([
    ["https://shop.test/p/1?x=1#y", "https://shop.test/p/1?x=1#y"],
    ["http://shop.test/p/1", "http://shop.test/p/1"],
    ["/p/1", "/p/1"],
  ])("keeps %j", (url, href) => {
    const root = show([card("a", { url, image: url })]);

    expect(root.querySelector("a")?.getAttribute("href")).toBe(href);
    expect(root.querySelector("img")?.getAttribute("src")).toBe(href);
  });

  it.each([
    ["en-US", "USD", 199, "$1.99"],
    ["en-US", "USD", 100000, "$1,000.00"],
    ["en-US", "JPY", 500, "¥500"],
    ["ja-JP", "JPY", 1200, "￥1,200"],
    ["de-DE", "EUR", 123456, "1.234,56 €"],
    ["en-US", "KWD", 1234, "KWD 1.234"],
    ["en-US", "USD", 0, "$0.00"],
  ])("formats prices in %s %s: %i minor units as %s", (locale, currency, price, text) => {
    const root = show([card("a", { price })], {}, { locale, currency });

    expect(plain(root.querySelector(".price")?.textContent)).toBe(text);
  });

  it("shows no price rather than a wrong one for an unknown currency", () => {
    expect(priceFormatter("en-US", "not a currency")(199)).toBe("");
    expect(priceFormatter("not a locale!", "USD")(199)).toMatch(/1\.99/);
  });

  it(`is ${WIDGET_HEIGHT} px tall whatever its items, layout and names`, () => {
    expect(WIDGET_HEIGHT).toBe(360);
    const long = "Organic first-flush Darjeeling ".repeat(20);
    const heights = [
      show([card("a")]),
      show(
        Array.from({ length: 12 }, (_, i) => card(`${i}`, { name: long })),
        { count: 12 },
      ),
      show([card("a"), card("b")], { layout: "carousel" }),
    ].map((root) => root.querySelector("section")?.style.height);

    expect(heights).toEqual(["360px", "360px", "360px"]);
  });

  it("sizes every box of its CSS to add up to the fixed height", () => {
    const px = (selector: string, property: string) => {
      const rule = styles.match(
        new RegExp(`\\n${selector.replace(".", "\\.")}\\{([^}]*)\\}`),
      );
      const value = rule?.[1]?.match(new RegExp(`(?:^|;)${property}:([\\d]+)px`));
      return Number(value?.[1]);
    };
    const card =
      px(".picture", "height") +
      8 +
      px(".name", "height") +
      4 +
      px(".price", "height") +
      8 +
      px(".button", "height");

    expect(px(".card", "height")).toBe(card);
    expect(
      2 * px(".root", "padding") + px(".title", "height") + 12 + px(".list", "height"),
    ).toBe(WIDGET_HEIGHT);
    expect(styles).toMatch(/\.name\{[^}]*-webkit-line-clamp:2/);
    expect(styles).toMatch(/\.title\{[^}]*white-space:nowrap/);
  });

  it("shows at most `count` items", () => {
    const root = show([card("a"), card("b"), card("c")], { count: 2 });

    expect(root.querySelectorAll("li")).toHaveLength(2);
  });

  it("marks its layout for the styles", () => {
    expect(
      show([card("a")], { layout: "carousel" }).querySelector(".carousel"),
    ).not.toBeNull();
    expect(show([card("a")], { layout: "grid" }).querySelector(".grid")).not.toBeNull();
  });

  it("sets the accent colour, with readable text on it, as custom properties", () => {
    const dark = show([card("a")], { accentColor: "#1f6f5c" }).querySelector("section");
    expect(dark?.style.getPropertyValue("--vitrine-accent")).toBe("#1f6f5c");
    expect(dark?.style.getPropertyValue("--vitrine-on-accent")).toBe("#fff");

    const light = show([card("a")], { accentColor: "#ffe14d" }).querySelector("section");
    expect(light?.style.getPropertyValue("--vitrine-on-accent")).toBe("#000");
  });

  it("tells the host which item was followed", () => {
    const onItemClick = vi.fn();
    const item = card("b");
    const root = show([card("a"), item], {}, undefined, onItemClick);

    root
      .querySelectorAll("a")[1]
      ?.addEventListener("click", (event) => event.preventDefault());
    root.querySelectorAll("a")[1]?.click();

    expect(onItemClick).toHaveBeenCalledWith(item);
  });

  it("keeps host styles out and motion optional", () => {
    expect(styles).toMatch(/:host\{all:initial;display:block/);
    expect(styles).toMatch(/@media \(prefers-reduced-motion:reduce\)/);
    expect(styles).toMatch(/scroll-snap-type:x mandatory/);
  });
});
