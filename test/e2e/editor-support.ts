import type { Frame, Page } from "playwright-core";

/**
 * The widget's shadow root in `frame`, written out as a canonical text:
 * every element with its attributes sorted, every text, and the rules of
 * the adopted stylesheets. Two renders that give the same text show the
 * same structure, text and styles.
 */
export function shadowTree(frame: Page | Frame, widget: string): Promise<string> {
  return frame.evaluate((id) => {
    const host = document.querySelector(`[data-vitrine-widget="${id}"]`);
    const root = host?.shadowRoot;
    if (!root) return "(no shadow root)";
    const write = (node: Node, depth: number): string => {
      const indent = "  ".repeat(depth);
      if (node.nodeType === Node.TEXT_NODE) return `${indent}"${node.textContent}"\n`;
      if (!(node instanceof Element)) return "";
      const attributes = [...node.attributes]
        .map((attribute) => `${attribute.name}="${attribute.value}"`)
        .sort()
        .join(" ");
      const children = [...node.childNodes].map((child) => write(child, depth + 1));
      return `${indent}<${node.localName}${attributes ? ` ${attributes}` : ""}>\n${children.join("")}`;
    };
    const sheets = root.adoptedStyleSheets.map((sheet) =>
      [...sheet.cssRules].map((rule) => rule.cssText).join("\n"),
    );
    const tree = [...root.childNodes].map((child) => write(child, 0)).join("");
    return `${tree}--- adopted stylesheets ---\n${sheets.join("\n---\n")}`;
  }, widget);
}

/** The editor preview's frame (the demo product page it draws into). */
export async function previewFrame(page: Page): Promise<Frame> {
  const element = await page.waitForSelector("iframe");
  const frame = await element.contentFrame();
  if (!frame) throw new Error("the preview has no frame");
  return frame;
}

/** Texts inside the widget's shadow root that match `selector`. */
export function widgetTexts(
  frame: Page | Frame,
  widget: string,
  selector: string,
): Promise<string[]> {
  return frame.evaluate(
    ([id, css]) => {
      const root = document.querySelector(`[data-vitrine-widget="${id}"]`)?.shadowRoot;
      return [...(root?.querySelectorAll(css) ?? [])].map(
        (node) => node.textContent ?? "",
      );
    },
    [widget, selector] as const,
  );
}

/** Presses Tab until the focused element matches `selector`: only the
 * keyboard moves focus, and the test fails if the control cannot be
 * reached within `limit` presses. */
export async function tabTo(page: Page, selector: string, limit = 80): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await page.evaluate((css) => document.activeElement?.matches(css), selector)) {
      return;
    }
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}
