/**
 * `npm run bench:preview`: how long the editor's preview takes to follow a
 * change of the settings, measured in Chromium on a 12-item widget and on
 * a countdown pop-up.
 *
 * Each change is a real key press (Chromium's own input pipeline). A
 * capture listener in the editor notes the `input` event's timestamp; a
 * MutationObserver on the widget's shadow root, inside the preview's frame,
 * notes when its DOM changed; a requestAnimationFrame callback registered
 * with the event notes when the next frame began. The time to the update
 * is compared with one frame at 60 Hz (16.7 ms), and a change counts as
 * "in the next frame" when its DOM was updated before that frame's
 * animation callbacks ran, that is, before it was painted.
 *
 * Uses the worker at VITRINE_URL with VITRINE_ADMIN_KEY when both are set;
 * otherwise starts its own (needs `npm run build`).
 */
import type { Page } from "playwright-core";
import { launchChromium } from "../test/e2e/browser";
import { type LocalWorker, startLocalWorker } from "../test/support/local-worker";

const WIDGET = "product-fbt";
/** A seeded pop-up (edge/seed/demo-popups.ts). */
const POPUP = "free-delivery-timer";
const PRODUCT = "whole-milk";
const ITEMS = 12;
const FRAME_MS = 1000 / 60;

interface Sample {
  /** Input event to the widget's DOM updated, ms. */
  update: number;
  /** Whether the update came before the next frame's callbacks. */
  nextFrame: boolean;
}

/** Runs in the editor: arms one measurement for the next `input` event,
 * watching the shadow root of the preview frame's element at `host`. */
function arm(host: string): void {
  const probe = window as unknown as { samples: Sample[] };
  probe.samples ??= [];
  const frame = document.querySelector("iframe")?.contentDocument;
  const root = frame?.querySelector(host)?.shadowRoot;
  if (!root) throw new Error(`the preview has no ${host}`);
  document.addEventListener(
    "input",
    (event) => {
      const start = event.timeStamp;
      let updated: number | undefined;
      const observer = new MutationObserver(() => {
        updated ??= performance.now();
      });
      observer.observe(root, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
      requestAnimationFrame(() => {
        const frameAt = performance.now();
        // Records that arrive late are taken: they still say how long.
        setTimeout(() => {
          observer.disconnect();
          const at = updated ?? Number.NaN;
          probe.samples.push({ update: at - start, nextFrame: at <= frameAt });
        }, 50);
      });
    },
    { capture: true, once: true },
  );
}

async function measure(
  page: Page,
  keys: string[],
  host = `[data-vitrine-widget="${WIDGET}"]`,
): Promise<Sample[]> {
  await page.evaluate(() => {
    (window as unknown as { samples: Sample[] }).samples = [];
  });
  for (const [index, key] of keys.entries()) {
    await page.evaluate(arm, host);
    await page.keyboard.press(key);
    await page.waitForFunction(
      (count) => (window as unknown as { samples: Sample[] }).samples.length === count,
      index + 1,
    );
  }
  return page.evaluate(() => (window as unknown as { samples: Sample[] }).samples);
}

function quantile(sorted: number[], q: number): number {
  const at = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, at)] ?? Number.NaN;
}

function report(name: string, samples: Sample[]): void {
  const times = samples.map((sample) => sample.update).sort((a, b) => a - b);
  const inFrame = samples.filter((sample) => sample.nextFrame).length;
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  console.log(
    `${name.padEnd(40)} n=${samples.length}  median ${ms(quantile(times, 0.5))}  ` +
      `p95 ${ms(quantile(times, 0.95))}  max ${ms(times.at(-1) ?? Number.NaN)}  ` +
      `in the next frame ${inFrame}/${samples.length}`,
  );
}

async function openEditor(page: Page, url: string, key: string): Promise<void> {
  await page.goto(`${url}/editor/`);
  await page.fill("#sign-in-key", key);
  await page.press("#sign-in-key", "Enter");
  await page.waitForSelector(`a[href="/editor/widgets/${WIDGET}"]`);
  await page.click(`a[href="/editor/widgets/${WIDGET}"]`);
  await page.fill("#product-search", PRODUCT.replace("-", " "));
  await page.waitForSelector(`#product-choice option[value="${PRODUCT}"]`, {
    state: "attached",
  });
  await page.selectOption("#product-choice", PRODUCT);
  await page.fill("#field-count", String(ITEMS));
  await page.waitForFunction(
    ([widget, items]) =>
      document
        .querySelector("iframe")
        ?.contentDocument?.querySelector(`[data-vitrine-widget="${widget}"]`)
        ?.shadowRoot?.querySelectorAll("li").length === items,
    [WIDGET, ITEMS] as const,
    { timeout: 15_000 },
  );
}

const given = process.env.VITRINE_URL && process.env.VITRINE_ADMIN_KEY;
let worker: LocalWorker | undefined;
if (!given) {
  console.log("Starting a local worker…");
  worker = await startLocalWorker();
}
const url = process.env.VITRINE_URL ?? worker?.url ?? "";
const key = process.env.VITRINE_ADMIN_KEY ?? worker?.adminKey ?? "";
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await openEditor(page, url, key);

  // The title: one letter a key press, never empty, never past 80.
  await page.fill("#field-title", "A");
  await page.focus("#field-title");
  const letters = "bcdefghijklmnopqrstuvwxyz".split("");
  await measure(page, letters.slice(0, 5));
  const title = await measure(page, [...letters, ...letters].slice(0, 50));
  // The layout: arrow keys between the two radios.
  await page.focus("#field-layout-grid");
  const layout = await measure(
    page,
    Array.from({ length: 20 }, (_, index) => (index % 2 ? "ArrowLeft" : "ArrowRight")),
  );

  // A pop-up: the seeded countdown's title, the dialog in the preview.
  await page.goto(`${url}/editor/popups/edit/${POPUP}`);
  await page.waitForSelector("#popup-settings-title");
  await page.waitForFunction(
    () =>
      document
        .querySelector("iframe")
        ?.contentDocument?.querySelector("[data-vitrine-popup]")
        ?.shadowRoot?.querySelector("[role=dialog]"),
    undefined,
    { timeout: 15_000 },
  );
  await page.fill("#popup-settings-title", "A");
  await page.focus("#popup-settings-title");
  const popupHost = "[data-vitrine-popup]";
  await measure(page, letters.slice(0, 5), popupHost);
  const popupTitle = await measure(
    page,
    [...letters, ...letters].slice(0, 50),
    popupHost,
  );

  console.log(
    `\nPreview update after a settings change, Chromium ` +
      `(one frame at 60 Hz = ${FRAME_MS.toFixed(1)} ms):\n`,
  );
  report(`${ITEMS}-item widget, title, per key press`, title);
  report(`${ITEMS}-item widget, layout, per switch`, layout);
  report("countdown pop-up, title, per key press", popupTitle);
} finally {
  await browser.close();
  await worker?.stop();
}
