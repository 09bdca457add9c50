import { afterEach, describe, expect, it, vi } from "vitest";
import type { ProductCard } from "../../../edge/contract";
import {
  Upsell,
  type UpsellSettings,
  upsellDefaults,
  validateUpsellSettings,
} from "../../../templates/upsell";
import { mountInShadow, plain, unmountAll } from "../popup/shadow";

const product: ProductCard = {
  id: "p2",
  name: "Premium kettle",
  category: "kitchen",
  price: 123456,
  url: "/p/p2",
  image: "https://cdn.shop.test/p2.jpg",
};

function show(
  overrides: Partial<ProductCard> = {},
  settings: Partial<UpsellSettings> = {},
  money = { locale: "en-US", currency: "USD" },
) {
  const onConvert = vi.fn();
  const root = mountInShadow(
    <Upsell
      settings={{ ...upsellDefaults, ...settings }}
      data={{ product: { ...product, ...overrides } }}
      {...money}
      now={() => 0}
      onConvert={onConvert}
      onClose={vi.fn()}
    />,
  );
  return { root, onConvert };
}

describe("upsell pop-up", () => {
  afterEach(unmountAll);

  it("shows the product with a button that opens it and reports a conversion", () => {
    const { root, onConvert } = show({}, { title: "Upgrade?", buttonText: "See it" });

    expect(root.querySelector("h2")?.textContent).toBe("Upgrade?");
    expect(root.querySelector(".name")?.textContent).toBe("Premium kettle");
    expect(root.querySelector("img")?.getAttribute("src")).toBe(product.image);
    expect(root.querySelector("img")?.getAttribute("alt")).toBe("");
    const link = root.querySelector("a");
    expect(link?.getAttribute("href")).toBe("/p/p2");
    expect(link?.textContent).toBe("See it");

    link?.addEventListener("click", (event) => event.preventDefault());
    link?.click();
    expect(onConvert).toHaveBeenCalledTimes(1);
  });

  it.each([
    ["en-US", "USD", "$1,234.56"],
    ["de-DE", "EUR", "1.234,56 €"],
    ["ja-JP", "JPY", "￥123,456"],
    ["en-US", "KWD", "KWD 123.456"],
  ])("formats the price in %s %s as %s", (locale, currency, text) => {
    const { root } = show({}, {}, { locale, currency });

    expect(plain(root.querySelector(".price")?.textContent)).toBe(text);
  });

  it.each([["javascript:alert(1)"], ["data:text/html,x"], ["//evil.test/p"]])(
    "drops the button and picture for %j",
    (url) => {
      const { root } = show({ url, image: url });

      expect(root.querySelector("a")).toBeNull();
      expect(root.querySelector("img")).toBeNull();
      expect(root.querySelector(".name")?.textContent).toBe("Premium kettle");
    },
  );

  it("shows a hostile name as text", () => {
    const name = '<img src=x onerror="alert(1)">';
    const { root } = show({ name, image: "" });

    expect(root.querySelector(".name")?.textContent).toBe(name);
    expect(root.querySelector("img, [onerror]")).toBeNull();
  });
});

describe("upsell settings", () => {
  it("fills missing fields with the defaults, which are valid", () => {
    expect(validateUpsellSettings({})).toEqual({ ok: true, value: upsellDefaults });
  });

  it("allows an empty text and equal bounds", () => {
    const checked = validateUpsellSettings({
      text: " ",
      minIncreasePercent: 20,
      maxIncreasePercent: 20,
    });
    expect(checked).toMatchObject({
      ok: true,
      value: { text: "", maxIncreasePercent: 20 },
    });
  });

  it.each([
    ["x", "settings", "must be an object"],
    [{ price: 1 }, "settings.price", "is not a known setting"],
    [{ title: " " }, "settings.title", "must not be empty"],
    [{ text: "x".repeat(301) }, "settings.text", "at most 300"],
    [{ minIncreasePercent: -1 }, "settings.minIncreasePercent", "between 0 and 500"],
    [{ minIncreasePercent: 501 }, "settings.minIncreasePercent", "between 0 and 500"],
    [
      { minIncreasePercent: 60, maxIncreasePercent: 50 },
      "settings.maxIncreasePercent",
      "between 60 and 1000",
    ],
    [{ maxIncreasePercent: 1001 }, "settings.maxIncreasePercent", "between 10 and 1000"],
    [{ buttonText: "" }, "settings.buttonText", "must not be empty"],
    [{ accentColor: null }, "settings.accentColor", "colour like"],
  ])("refuses %j, naming %s", (input, field, message) => {
    const checked = validateUpsellSettings(input);

    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.field).toBe(field);
    expect(checked.message).toContain(message);
  });
});
