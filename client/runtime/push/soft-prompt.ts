/** The texts of the soft prompt; the merchant may replace any of them. */
export interface PromptTexts {
  title: string;
  text: string;
  allow: string;
  later: string;
}

export const DEFAULT_TEXTS: PromptTexts = {
  title: "Get our news first?",
  text: "We will notify you about offers and your orders. You can turn this off at any time.",
  allow: "Allow notifications",
  later: "Not now",
};

const CSS = `:host{all:initial}
.box{position:fixed;z-index:2147483000;left:16px;right:16px;bottom:16px;max-width:360px;margin-left:auto;
background:#fff;color:#1f2328;border-radius:12px;box-shadow:0 8px 32px rgba(0,0,0,.25);
padding:16px;font:15px/1.4 system-ui,sans-serif}
h2{font-size:16px;margin:0 0 6px}p{margin:0 0 12px}
.row{display:flex;gap:8px;justify-content:flex-end}
button{font:inherit;border-radius:8px;padding:8px 12px;cursor:pointer;border:1px solid #8c959f;background:#fff;color:#1f2328}
button.allow{background:#1f6f43;border-color:#1f6f43;color:#fff}
button:focus-visible{outline:3px solid #0969da;outline-offset:2px}`;

function styleInto(shadow: ShadowRoot, doc: Document): void {
  // A constructed sheet is not inline style, so a page's CSP without
  // 'unsafe-inline' still allows it; browsers without one get a <style>.
  try {
    const sheet = new (doc.defaultView as Window & typeof globalThis).CSSStyleSheet();
    sheet.replaceSync(CSS);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    const style = doc.createElement("style");
    style.textContent = CSS;
    shadow.append(style);
  }
}

/**
 * Vitrine's own small dialog asking whether the shopper wants
 * notifications, in a shadow root so that the shop's CSS and ours do not
 * meet. `onAllow` runs inside the click handler itself: browsers grant the
 * permission prompt only to a user gesture, and Safari only synchronously.
 * Texts are set as text, never as HTML. Resolves once it is closed.
 */
export function showSoftPrompt(
  doc: Document,
  texts: PromptTexts,
  onAllow: () => void,
): Promise<"allow" | "later"> {
  return new Promise((resolve) => {
    const host = doc.createElement("div");
    host.setAttribute("data-vitrine-push-prompt", "");
    // Sizeless and out of the flow, whatever the page's CSS says of divs:
    // the box inside is fixed, so nothing of the page may move.
    for (const property of ["all:initial", "position:fixed", "width:0", "height:0"]) {
      const [name = "", value = ""] = property.split(":");
      host.style.setProperty(name, value, "important");
    }
    const shadow = host.attachShadow({ mode: "open" });
    styleInto(shadow, doc);

    const box = doc.createElement("div");
    box.className = "box";
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-labelledby", "title");
    const title = doc.createElement("h2");
    title.id = "title";
    title.textContent = texts.title;
    const text = doc.createElement("p");
    text.textContent = texts.text;
    const row = doc.createElement("div");
    row.className = "row";
    const later = doc.createElement("button");
    later.type = "button";
    later.textContent = texts.later;
    const allow = doc.createElement("button");
    allow.type = "button";
    allow.className = "allow";
    allow.textContent = texts.allow;
    row.append(later, allow);
    box.append(title, text, row);
    shadow.append(box);

    const close = (answer: "allow" | "later") => {
      host.remove();
      resolve(answer);
    };
    allow.addEventListener("click", () => {
      onAllow();
      close("allow");
    });
    later.addEventListener("click", () => close("later"));
    box.addEventListener("keydown", (event) => {
      if (event.key === "Escape") close("later");
    });
    doc.body.append(host);
  });
}
