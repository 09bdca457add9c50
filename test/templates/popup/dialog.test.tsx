import { afterEach, describe, expect, it, vi } from "vitest";
import { POPUP_TITLE_ID, PopupDialog } from "../../../templates/popup/Dialog";
import { dialogStyles } from "../../../templates/popup/dialog-styles";
import { mountInShadow, press, unmount, unmountAll } from "./shadow";

function show(onClose = vi.fn(), title = "Wait a moment") {
  const root = mountInShadow(
    <PopupDialog title={title} onClose={onClose} accentColor="#ffe14d">
      <p id={title ? undefined : POPUP_TITLE_ID}>Body text</p>
      <a href="/first">First</a>
      <button type="button">Last</button>
    </PopupDialog>,
  );
  const dialog = root.querySelector<HTMLElement>("[role=dialog]");
  if (!dialog) throw new Error("no dialog rendered");
  return { root, dialog, onClose };
}

describe("pop-up dialog", () => {
  afterEach(() => {
    unmountAll();
    document.body.replaceChildren();
  });

  it("is a modal dialog labelled by its heading", () => {
    const { root, dialog } = show();

    expect(dialog.getAttribute("aria-modal")).toBe("true");
    const label = root.getElementById(dialog.getAttribute("aria-labelledby") ?? "");
    expect(label?.tagName).toBe("H2");
    expect(label?.textContent).toBe("Wait a moment");
    expect(root.querySelector(".backdrop")).not.toBeNull();
  });

  it("is labelled by the content's element when it has no title", () => {
    const { root, dialog } = show(vi.fn(), "");

    expect(root.querySelector("h2")).toBeNull();
    expect(
      root.getElementById(dialog.getAttribute("aria-labelledby") ?? "")?.textContent,
    ).toBe("Body text");
  });

  it("moves focus in on mount and gives it back on unmount", () => {
    const before = document.createElement("button");
    document.body.append(before);
    before.focus();
    expect(document.activeElement).toBe(before);

    const { root } = show();
    const close = root.querySelector<HTMLElement>("button.close");
    expect(close?.getAttribute("aria-label")).toBe("Close");
    expect(root.activeElement).toBe(close);
    expect(document.activeElement).toBe(root.host);

    unmount(root);
    expect(document.activeElement).toBe(before);
  });

  it("starts on its close button when the content has nothing focusable", () => {
    const root = mountInShadow(
      <PopupDialog title="Plain" onClose={vi.fn()} accentColor="#000000">
        <p>Only text</p>
      </PopupDialog>,
    );
    // The dialog itself can take focus too (tabindex=-1), for Tab's sake.
    expect(root.activeElement?.classList.contains("close")).toBe(true);
    expect(root.querySelector("[role=dialog]")?.getAttribute("tabindex")).toBe("-1");
  });

  it("closes on Escape, the close button and the backdrop", () => {
    const { root, dialog, onClose } = show();

    press(root.activeElement, "Escape");
    expect(onClose).toHaveBeenCalledTimes(1);
    root.querySelector<HTMLElement>("button.close")?.click();
    expect(onClose).toHaveBeenCalledTimes(2);
    root.querySelector<HTMLElement>(".backdrop")?.click();
    expect(onClose).toHaveBeenCalledTimes(3);
    press(dialog, "Enter");
    expect(onClose).toHaveBeenCalledTimes(3);
  });

  it("keeps Tab and Shift+Tab inside, using the shadow root's focus", () => {
    const { root } = show();
    const close = root.querySelector<HTMLElement>("button.close");
    const link = root.querySelector<HTMLElement>("a");
    const last = root.querySelector<HTMLElement>("button:not(.close)");

    last?.focus();
    const forward = press(last, "Tab");
    expect(forward.defaultPrevented).toBe(true);
    expect(root.activeElement).toBe(close);

    const backward = press(close, "Tab", true);
    expect(backward.defaultPrevented).toBe(true);
    expect(root.activeElement).toBe(last);

    // In the middle the browser moves focus itself.
    link?.focus();
    expect(press(link, "Tab").defaultPrevented).toBe(false);
    expect(press(link, "Tab", true).defaultPrevented).toBe(false);
    expect(root.activeElement).toBe(link);
  });

  it("sets the accent colour, with readable text on it, through CSSOM", () => {
    const { dialog } = show();

    expect(dialog.style.getPropertyValue("--vitrine-accent")).toBe("#ffe14d");
    expect(dialog.style.getPropertyValue("--vitrine-on-accent")).toBe("#000");
  });

  it("renders no <style> element: its CSS is adopted as a stylesheet", () => {
    const { root } = show();

    expect(root.querySelector("style")).toBeNull();
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(dialogStyles);
    expect(sheet.cssRules.length).toBeGreaterThan(5);
  });

  it("isolates itself, stays fixed, fits 320 px and respects reduced motion", () => {
    expect(dialogStyles).toMatch(/:host\{all:initial\}/);
    expect(dialogStyles).toMatch(/\.dialog\{all:initial;[^}]*position:fixed/);
    expect(dialogStyles).toMatch(/\.backdrop\{position:fixed;inset:0/);
    expect(dialogStyles).toMatch(/max-width:min\(420px,calc\(100vw - 24px\)\)/);
    expect(dialogStyles).toMatch(/\.dialog\{[^}]*overflow-wrap:anywhere/);
    expect(dialogStyles).toMatch(/\.dialog\{[^}]*animation:vitrine-enter/);
    expect(dialogStyles).toMatch(
      /@media \(prefers-reduced-motion:reduce\)\{\.dialog\{animation:none\}\}/,
    );
  });
});
