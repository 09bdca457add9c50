import { afterEach, describe, expect, it, vi } from "vitest";
import {
  SocialProof,
  type SocialProofSettings,
  socialProofDefaults,
  validateSocialProofSettings,
} from "../../../templates/social-proof";
import { mountInShadow, plain, unmountAll } from "../popup/shadow";

function show(
  count: number,
  settings: Partial<SocialProofSettings> = {},
  locale = "en-US",
) {
  return mountInShadow(
    <SocialProof
      settings={{ ...socialProofDefaults, ...settings }}
      data={{ count }}
      locale={locale}
      currency="USD"
      now={() => 0}
      onConvert={vi.fn()}
      onClose={vi.fn()}
    />,
  );
}

const sentence = (root: ShadowRoot) => plain(root.querySelector(".proof")?.textContent);

describe("social-proof pop-up", () => {
  afterEach(unmountAll);

  it.each([
    ["en-US", 12345, "12,345 people bought this in the last 24 hours"],
    ["de-DE", 12345, "12.345 people bought this in the last 24 hours"],
    ["ja-JP", 1200, "1,200 people bought this in the last 24 hours"],
    ["fr-FR", 4321, "4 321 people bought this in the last 24 hours"],
  ])("puts the count and the window into the text in %s", (locale, count, text) => {
    const root = show(count, {}, locale);

    expect(sentence(root)).toBe(text);
    expect(root.querySelector(".count")?.textContent?.replace(/\D/g, "")).toBe(
      `${count}`,
    );
  });

  it("shows the count it is given, unpadded", () => {
    expect(sentence(show(3, { text: "{count} viewed", minimum: 3 }))).toBe("3 viewed");
  });

  it("is labelled by its text when it has no title, else by the title", () => {
    const untitled = show(5, { title: "" });
    const dialog = untitled.querySelector("[role=dialog]");
    expect(untitled.querySelector("h2")).toBeNull();
    const label = untitled.getElementById(dialog?.getAttribute("aria-labelledby") ?? "");
    expect(label?.classList.contains("proof")).toBe(true);

    const titled = show(5, { title: "Popular" });
    const id = titled.querySelector("[role=dialog]")?.getAttribute("aria-labelledby");
    expect(titled.getElementById(id ?? "")?.textContent).toBe("Popular");
    expect(titled.querySelector(".proof")?.id).toBe("");
  });

  it("shows hostile text as text", () => {
    const html = '<img src=x onerror="alert(1)">';
    const root = show(7, { title: html, text: `${html} {count}` });

    expect(root.querySelector("h2")?.textContent).toBe(html);
    expect(sentence(root)).toBe(`${html} 7`);
    expect(root.querySelector("img, [onerror]")).toBeNull();
  });
});

describe("social-proof settings", () => {
  it("fills missing fields with the defaults, which are valid", () => {
    expect(validateSocialProofSettings({})).toEqual({
      ok: true,
      value: socialProofDefaults,
    });
  });

  it("trims texts and accepts an empty title", () => {
    expect(
      validateSocialProofSettings({
        title: "  ",
        text: " {count} viewed ",
        metric: "viewed",
      }),
    ).toEqual({
      ok: true,
      value: {
        ...socialProofDefaults,
        title: "",
        text: "{count} viewed",
        metric: "viewed",
      },
    });
  });

  it.each([
    [[], "settings", "must be an object"],
    [{ count: 5 }, "settings.count", "is not a known setting"],
    [{ title: "x".repeat(81) }, "settings.title", "at most 80"],
    [{ text: "" }, "settings.text", "must not be empty"],
    [{ text: "Many people bought this" }, "settings.text", "must contain {count}"],
    [{ text: "{count} in {days} days" }, "settings.text", "{days}"],
    [{ text: `{count}${"x".repeat(200)}` }, "settings.text", "at most 200"],
    [{ metric: "liked" }, "settings.metric", "bought, viewed"],
    [{ windowHours: 0 }, "settings.windowHours", "between 1 and 168"],
    [{ windowHours: 169 }, "settings.windowHours", "between 1 and 168"],
    [{ minimum: 0 }, "settings.minimum", "between 1 and 100000"],
    [{ minimum: "3" }, "settings.minimum", "whole number"],
    [{ accentColor: "#12345" }, "settings.accentColor", "colour like"],
  ])("refuses %j, naming %s", (input, field, message) => {
    const checked = validateSocialProofSettings(input);

    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.field).toBe(field);
    expect(checked.message).toContain(message);
  });
});
