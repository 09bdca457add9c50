import { describe, expect, it } from "vitest";
import {
  countdownDefaults,
  deadlineInstant,
  validateCountdownSettings,
} from "../../../templates/countdown/settings";

const fixed = { mode: "fixed", deadline: "2026-12-24T18:00:00+01:00" };

describe("countdown settings", () => {
  it("fills missing fields with the defaults, which are valid", () => {
    expect(validateCountdownSettings({})).toEqual({ ok: true, value: countdownDefaults });
  });

  it("trims texts and keeps a valid fixed deadline", () => {
    const checked = validateCountdownSettings({
      ...fixed,
      title: "  Sale ends  ",
      buttonText: " Shop ",
      buttonUrl: " https://shop.test/sale ",
      accentColor: "#AABBCC",
    });
    expect(checked).toEqual({
      ok: true,
      value: {
        ...countdownDefaults,
        ...fixed,
        title: "Sale ends",
        buttonText: "Shop",
        buttonUrl: "https://shop.test/sale",
        accentColor: "#aabbcc",
      },
    });
  });

  it.each([
    [null, "settings", "must be an object"],
    [{ colour: "#000000" }, "settings.colour", "is not a known setting"],
    [{ title: "" }, "settings.title", "must not be empty"],
    [{ title: "x".repeat(81) }, "settings.title", "at most 80"],
    [{ text: 3 }, "settings.text", "must be a string"],
    [{ text: "x".repeat(301) }, "settings.text", "at most 300"],
    [{ mode: "daily" }, "settings.mode", "fixed, evergreen"],
    [{ mode: "fixed" }, "settings.deadline", "required when mode is fixed"],
    [{ mode: "fixed", deadline: "   " }, "settings.deadline", "required"],
    [{ ...fixed, deadline: "2026-12-24T18:00:00" }, "settings.deadline", "offset"],
    [{ ...fixed, deadline: "2026-12-24" }, "settings.deadline", "offset"],
    [{ ...fixed, deadline: "24.12.2026 18:00 +01:00" }, "settings.deadline", "offset"],
    [{ ...fixed, deadline: "2026-02-30T18:00:00Z" }, "settings.deadline", "offset"],
    [{ ...fixed, deadline: "2026-12-24T24:00:00Z" }, "settings.deadline", "offset"],
    [{ deadline: "tomorrow" }, "settings.deadline", "offset"],
    [{ durationMinutes: 0 }, "settings.durationMinutes", "between 1 and 43200"],
    [{ durationMinutes: 43_201 }, "settings.durationMinutes", "between 1 and 43200"],
    [{ durationMinutes: 1.5 }, "settings.durationMinutes", "whole number"],
    [{ buttonText: "x".repeat(41) }, "settings.buttonText", "at most 40"],
    [{ buttonText: "Go" }, "settings.buttonUrl", "required when buttonText is set"],
    [{ buttonText: "Go", buttonUrl: "/sale" }, "settings.buttonUrl", "absolute http"],
    [
      { buttonText: "Go", buttonUrl: "javascript:alert(1)" },
      "settings.buttonUrl",
      "absolute http",
    ],
    [{ buttonUrl: "ftp://shop.test/a" }, "settings.buttonUrl", "absolute http"],
    [{ accentColor: "red" }, "settings.accentColor", "colour like"],
  ])("refuses %j, naming %s", (input, field, message) => {
    const checked = validateCountdownSettings(input);

    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.field).toBe(field);
    expect(checked.message).toContain(message);
  });

  it("names fields under the prefix it is given", () => {
    expect(validateCountdownSettings({ mode: "x" }, "popup.settings")).toMatchObject({
      field: "popup.settings.mode",
    });
  });

  it("keeps an evergreen timer's deadline optional", () => {
    expect(validateCountdownSettings({ mode: "evergreen", deadline: "" }).ok).toBe(true);
  });

  it.each([
    ["2026-12-24T18:00+01:00", Date.UTC(2026, 11, 24, 17)],
    ["2026-12-24T18:00:00.250-05:30", Date.UTC(2026, 11, 24, 23, 30, 0, 250)],
    ["2028-02-29T00:00:00Z", Date.UTC(2028, 1, 29)],
  ])("reads %s as an instant", (deadline, instant) => {
    expect(deadlineInstant(deadline)).toBe(instant);
  });

  it.each([
    ["2027-02-29T00:00:00Z"],
    ["2026-04-31T00:00:00Z"],
    ["2026-12-24T18:00:00+1:00"],
    ["2026-12-24 18:00:00Z"],
  ])("refuses %s", (deadline) => {
    expect(deadlineInstant(deadline)).toBeUndefined();
  });
});
