import { readFileSync } from "node:fs";
import { SCRIPT_URL } from "./fake-edge";

const code = readFileSync("client/snippet.js", "utf8").replace(
  "https://EDGE/v1/sites/SITE/runtime.js",
  SCRIPT_URL,
);

/**
 * Runs the merchant snippet against the real `window` but with a document
 * whose <head> only records what is appended, so that nothing is fetched.
 * Returns the appended elements.
 */
export function pasteSnippet(): HTMLScriptElement[] {
  const appended: HTMLScriptElement[] = [];
  const doc = {
    createElement: (tag: string) => document.createElement(tag),
    head: { appendChild: (node: HTMLScriptElement) => appended.push(node) },
  };
  new Function("window", "document", code)(window, doc);
  return appended;
}
