import { afterEach, describe, expect, it, vi } from "vitest";
import type { ProductCard } from "../../../edge/contract";
import {
  CrossSell,
  type CrossSellSettings,
  crossSellDefaults,
  validateCrossSellSettings,
} from "../../../templates/cross-sell";
import { mountInShadow, plain, unmountAll } from "../popup/shadow";

function card(id: string, overrides: Partial<ProductCard> = {}): ProductCard {
  return {
    id,
    name: `Product ${id}`,
    category: "tea",
    price: 1999,
    url: `/p/${id}`,
    image: `https://cdn.shop.test/${id}.jpg`,
    ...overrides,
  };
}

function show(
  items: ProductCard[],
  settings: Partial<CrossSellSettings> = {},
  money = { locale: "en-US", currency: "USD" },
) {
  const calls = { onConvert: vi.fn(), onAddToCart: vi.fn() };
  const root = mountInShadow(
    <CrossSell
      settings={{ ...crossSellDefaults, ...settings }}
      data={{ items }}
      {...money}
      now={() => 0}
      onClose={vi.fn()}
      {...calls}
    />,
  );
  return { root, ...calls };
}

const noNavigation = (link: Element | null | undefined) =>
  link?.addEventListener("click", (event) => event.preventDefault());

describe("cross-sell pop-up", () => {
  afterEach(unmountAll);

  it("lists at most `count` products with a linked name, price and add button", () => {
    const { root } = show([card("a"), card("b"), card("c")], { count: 2 });

    const rows = root.querySelectorAll("li");
    expect(rows).toHaveLength(2);
    expect(rows[0]?.querySelector("a")?.getAttribute("href")).toBe("/p/a");
    expect(rows[0]?.querySelector("a")?.textContent).toBe("Product a");
    expect(plain(rows[0]?.querySelector(".price")?.textContent)).toBe("$19.99");
    const add = rows[1]?.querySelector("button");
    expect(add?.textContent).toBe("Add to cart");
    expect(add?.getAttribute("aria-label")).toBe("Add to cart: Product b");
  });

  it("hands the product to the add-to-cart hook, then reports a conversion", () => {
    const order: string[] = [];
    const item = card("b");
    const { root, onAddToCart, onConvert } = show([card("a"), item]);
    onAddToCart.mockImplementation(() => order.push("add"));
    onConvert.mockImplementation(() => order.push("convert"));

    root.querySelectorAll<HTMLElement>("li button")[1]?.click();

    expect(onAddToCart).toHaveBeenCalledWith(item);
    expect(order).toEqual(["add", "convert"]);
  });

  it("reports a conversion when a name is followed", () => {
    const { root, onConvert, onAddToCart } = show([card("a")]);
    const link = root.querySelector("li a");
    noNavigation(link);
    (link as HTMLElement | null)?.click();

    expect(onConvert).toHaveBeenCalledTimes(1);
    expect(onAddToCart).not.toHaveBeenCalled();
  });

  it.each([
    ["de-DE", "EUR", "19,99 €"],
    ["ja-JP", "JPY", "￥1,999"],
  ])("formats prices in %s %s", (locale, currency, text) => {
    const { root } = show([card("a")], {}, { locale, currency });

    expect(plain(root.querySelector(".price")?.textContent)).toBe(text);
  });

  it("shows hostile names as text and does not link unsafe URLs", () => {
    const name = '<img src=x onerror="alert(1)">';
    const { root } = show([card("a", { name, url: "javascript:alert(1)", image: "x" })]);

    expect(root.querySelector("li a")).toBeNull();
    expect(root.querySelector(".name")?.textContent).toBe(name);
    expect(root.querySelector("img, [onerror]")).toBeNull();
    expect(root.querySelector("li button")).not.toBeNull();
  });

  it("uses the button text it is given", () => {
    const { root } = show([card("a")], { buttonText: "In den Warenkorb" });

    expect(root.querySelector("li button")?.textContent).toBe("In den Warenkorb");
  });
});

describe("cross-sell settings", () => {
  it("fills missing fields with the defaults, which are valid", () => {
    expect(validateCrossSellSettings({})).toEqual({ ok: true, value: crossSellDefaults });
    expect(crossSellDefaults.buttonText).toBe("Add to cart");
  });

  it.each([
    [undefined, "settings", "must be an object"],
    [{ items: [] }, "settings.items", "is not a known setting"],
    [{ title: "" }, "settings.title", "must not be empty"],
    [{ count: 0 }, "settings.count", "between 1 and 6"],
    [{ count: 7 }, "settings.count", "between 1 and 6"],
    [{ buttonText: "x".repeat(41) }, "settings.buttonText", "at most 40"],
    [{ accentColor: "#GGGGGG" }, "settings.accentColor", "colour like"],
  ])("refuses %j, naming %s", (input, field, message) => {
    const checked = validateCrossSellSettings(input);

    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.field).toBe(field);
    expect(checked.message).toContain(message);
  });
});
