import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL("..", import.meta.url));

/**
 * Builds the storefront runtime: one minified ES module with Preact inside,
 * which the edge serves at `/v1/sites/:site/runtime.js` for every site.
 */
export default defineConfig({
  root,
  // The runtime ships no static assets; `public/` belongs to nobody here.
  publicDir: false,
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: "dist/public/runtime",
    // Only this folder: the editor builds into its sibling under dist/public.
    emptyOutDir: true,
    target: "es2020",
    minify: true,
    rolldownOptions: {
      // Library mode keeps whitespace in ES output so that consumers can
      // tree-shake it again; this file goes straight to browsers instead.
      output: { minify: true, comments: false },
    },
    lib: {
      entry: "client/runtime/index.ts",
      formats: ["es"],
      fileName: () => "runtime.js",
    },
  },
});
