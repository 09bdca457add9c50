/**
 * Puts `css` into a shadow root. Constructable stylesheets are preferred: a
 * strict CSP without 'unsafe-inline' allows them, and one sheet is shared by
 * every root. Browsers without them (Safari before 16.4) get a `<style>`
 * element, which such a CSP blocks; the widget then shows unstyled but keeps
 * its height, which is set inline through CSSOM.
 */
export function createStyleAdopter(win: Window & typeof globalThis) {
  const sheets = new Map<string, CSSStyleSheet>();

  function sheetFor(css: string): CSSStyleSheet | undefined {
    let sheet = sheets.get(css);
    if (!sheet) {
      try {
        // Sheets must come from this window's constructor: a sheet made in
        // another document cannot be adopted.
        sheet = new win.CSSStyleSheet();
        sheet.replaceSync(css);
      } catch {
        // The constructor exists but refuses (older engines): fall back.
        return undefined;
      }
      sheets.set(css, sheet);
    }
    return sheet;
  }

  return function adopt(root: ShadowRoot, css: string): void {
    const sheet = "adoptedStyleSheets" in root ? sheetFor(css) : undefined;
    if (sheet) {
      if (!root.adoptedStyleSheets.includes(sheet)) {
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      }
      return;
    }
    const style = win.document.createElement("style");
    style.textContent = css;
    root.prepend(style);
  };
}
