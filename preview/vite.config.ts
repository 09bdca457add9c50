import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const repo = fileURLToPath(new URL("..", import.meta.url));
const root = fileURLToPath(new URL(".", import.meta.url));

/** The worker `npm run dev` sends API and demo requests to; `npm start`
 * runs one at this address. */
const edge = process.env.VITRINE_EDGE ?? "http://127.0.0.1:8787";

/**
 * Builds the marketer's editor into dist/public/editor/, which the worker
 * serves at /editor/ (edge/routes/editor.ts). `npm run dev` serves it with
 * hot reload instead and forwards `/v1` and `/demo` to a running worker, so
 * that the editor, its API and the demo page it previews in share one
 * origin, as they do when the worker serves it: the preview reaches into
 * the demo page's frame, which only a same-origin parent may.
 */
export default defineConfig({
  root,
  base: "/editor/",
  publicDir: false,
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  server: {
    host: "127.0.0.1",
    // The editor imports the templates, the runtime's mounting code and
    // the edge's validation from outside preview/.
    fs: { allow: [repo] },
    proxy: {
      "/v1": { target: edge, changeOrigin: true },
      "/demo": { target: edge, changeOrigin: true },
    },
  },
  build: {
    outDir: fileURLToPath(new URL("../dist/public/editor", import.meta.url)),
    // Only this folder: the runtime builds into its sibling.
    emptyOutDir: true,
    target: "es2022",
    // Browsers that run the editor know modulepreload; the polyfill would
    // be dead weight in the entry chunk.
    modulePreload: { polyfill: false },
  },
});
