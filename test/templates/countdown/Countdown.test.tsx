import { render } from "preact";
import { act } from "preact/test-utils";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  Countdown,
  type CountdownSettings,
  countdownDefaults,
  deadlineInstant,
  styles,
} from "../../../templates/countdown";
import { mountInShadow, plain, unmount, unmountAll } from "../popup/shadow";

const START = Date.UTC(2026, 11, 24, 12, 0, 0);
const HOUR = 3_600_000;

function show(
  endsAt: number,
  settings: Partial<CountdownSettings> = {},
  locale = "en-US",
) {
  const calls = { onConvert: vi.fn(), onClose: vi.fn(), onExpire: vi.fn() };
  const view = (title: string) => (
    <Countdown
      settings={{ ...countdownDefaults, title, ...settings }}
      data={{ endsAt }}
      locale={locale}
      currency="USD"
      now={() => Date.now()}
      {...calls}
    />
  );
  const root = mountInShadow(view(countdownDefaults.title));
  /** Renders again with another title, as a parent re-rendering would. */
  const rerender = (title: string) => act(() => render(view(title), root));
  return { root, rerender, ...calls };
}

const digits = (root: ShadowRoot) =>
  [...root.querySelectorAll(".digits")].map((digit) => digit.textContent);
const spoken = (root: ShadowRoot) =>
  plain(root.querySelector("[role=timer]")?.getAttribute("aria-label"));
const tick = (ms: number) =>
  act(() => {
    vi.advanceTimersByTime(ms);
  });

describe("countdown pop-up", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: START });
  });
  afterEach(() => {
    unmountAll();
    vi.useRealTimers();
  });

  it("shows days, hours, minutes and seconds left, with a spoken label", () => {
    const { root } = show(START + 26 * HOUR + 5 * 60_000 + 9_000);

    expect(digits(root)).toEqual(["1", "02", "05", "09"]);
    expect([...root.querySelectorAll(".label")].map((l) => l.textContent)).toEqual([
      "day",
      "hr",
      "min",
      "sec",
    ]);
    const timer = root.querySelector("[role=timer]");
    expect(timer?.getAttribute("aria-live")).toBe("off");
    expect(timer?.querySelector("[aria-hidden=true]")).not.toBeNull();
    expect(spoken(root)).toBe("1 day 2 hours 5 minutes");
  });

  it("ticks every second and says the seconds only in the last minute", () => {
    const { root } = show(START + 61_000);
    expect(digits(root)).toEqual(["0", "00", "01", "01"]);
    expect(spoken(root)).toBe("1 minute");

    tick(1000);
    expect(digits(root)).toEqual(["0", "00", "01", "00"]);
    tick(1000);
    expect(digits(root)).toEqual(["0", "00", "00", "59"]);
    expect(spoken(root)).toBe("59 seconds");
  });

  it("rounds a part second up, so zero shows only when time is up", () => {
    const { root, onExpire } = show(START + 1_500);
    expect(digits(root)).toEqual(["0", "00", "00", "02"]);

    tick(500);
    expect(digits(root)).toEqual(["0", "00", "00", "01"]);
    tick(999);
    expect(digits(root)).toEqual(["0", "00", "00", "01"]);
    expect(onExpire).not.toHaveBeenCalled();
    tick(1);
    expect(digits(root)).toEqual(["0", "00", "00", "00"]);
    expect(onExpire).toHaveBeenCalledTimes(1);
  });

  it("never shows negative time and calls onExpire once", () => {
    const { root, onExpire } = show(START + 2_000);

    tick(10_000);
    expect(digits(root)).toEqual(["0", "00", "00", "00"]);
    expect(spoken(root)).toBe("0 seconds");
    tick(60_000);
    expect(onExpire).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("shows zero and expires at once when the end has passed", () => {
    const { root, onExpire } = show(START - 5 * HOUR);

    expect(digits(root)).toEqual(["0", "00", "00", "00"]);
    expect(onExpire).toHaveBeenCalledTimes(1);
  });

  it("does not expire again when rendered again at zero", () => {
    const { root, rerender, onExpire } = show(START + 1_000);
    tick(1_000);
    rerender("Still here");

    expect(root.querySelector("h2")?.textContent).toBe("Still here");
    expect(onExpire).toHaveBeenCalledTimes(1);
  });

  it("clears its timer when unmounted", () => {
    const { root, onExpire } = show(START + HOUR);
    expect(vi.getTimerCount()).toBe(1);

    unmount(root);
    expect(vi.getTimerCount()).toBe(0);
    tick(2 * HOUR);
    expect(onExpire).not.toHaveBeenCalled();
  });

  it.each([
    ["UTC", 0],
    ["America/Los_Angeles", 480],
    ["Asia/Kolkata", -330],
    ["Pacific/Chatham", -825],
  ])(
    "reads a deadline as the same instant and shows the same time in %s",
    (zone, offset) => {
      const saved = process.env.TZ;
      process.env.TZ = zone;
      try {
        // Proves the zone really changed for this process's Date.
        expect(new Date(START).getTimezoneOffset()).toBe(offset);
        const endsAt = deadlineInstant("2026-12-24T18:00:00+01:00");
        expect(endsAt).toBe(Date.UTC(2026, 11, 24, 17, 0, 0));
        expect(deadlineInstant("2026-12-24T17:00:00Z")).toBe(endsAt);
        const { root } = show(endsAt ?? 0);
        expect(digits(root)).toEqual(["0", "05", "00", "00"]);
      } finally {
        process.env.TZ = saved;
      }
    },
  );

  it("formats digits and unit names for the locale", () => {
    const de = show(START + 2 * HOUR + 5 * 60_000, {}, "de-DE").root;
    expect(spoken(de)).toBe("2 Stunden 5 Minuten");
    expect(digits(de)).toEqual(["0", "02", "05", "00"]);

    const ar = show(START + 2 * HOUR, {}, "ar-EG").root;
    expect(digits(ar)).toEqual(["٠", "٠٢", "٠٠", "٠٠"]);

    const broken = show(START + HOUR, {}, "not a locale!").root;
    expect(digits(broken)).toEqual(["0", "01", "00", "00"]);
  });

  it("links its button, which reports a conversion", () => {
    const { root, onConvert } = show(START + HOUR, {
      buttonText: "Shop now",
      buttonUrl: "https://shop.test/sale",
    });
    const link = root.querySelector("a");
    expect(link?.getAttribute("href")).toBe("https://shop.test/sale");
    expect(link?.textContent).toBe("Shop now");

    link?.addEventListener("click", (event) => event.preventDefault());
    link?.click();
    expect(onConvert).toHaveBeenCalledTimes(1);
  });

  it("shows no button without its text or with an unsafe URL", () => {
    expect(show(START + HOUR, { buttonText: "" }).root.querySelector("a")).toBeNull();
    const hostile = show(START + HOUR, {
      buttonText: "Go",
      buttonUrl: "javascript:alert(1)",
    }).root;
    expect(hostile.querySelector("a")).toBeNull();
  });

  it("shows hostile texts as text", () => {
    const html = '<img src=x onerror="alert(1)">';
    const { root } = show(START + HOUR, { title: html, text: `${html}<b>x</b>` });

    expect(root.querySelector("h2")?.textContent).toBe(html);
    expect(root.querySelector(".text")?.textContent).toBe(`${html}<b>x</b>`);
    expect(root.querySelector("img, b, [onerror]")).toBeNull();
  });

  it("lays four boxes in one row that shrink to fit", () => {
    expect(styles).toMatch(/\.units\{display:grid;grid-template-columns:repeat\(4,1fr\)/);
    expect(styles).toMatch(/\.unit\{[^}]*min-width:0/);
  });
});
