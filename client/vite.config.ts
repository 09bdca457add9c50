import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL("..", import.meta.url));

/**
 * Builds the storefront runtime: the base module `runtime.js`, which the
 * edge serves at `/v1/sites/:site/runtime.js` for every site, and one chunk
 * per widget template (Preact inside), which the base imports only when a
 * page needs it. The edge serves the chunks beside the runtime, at
 * `/v1/sites/:site/chunks/<file>`, which is where the runtime's relative
 * `import("./chunks/…")` resolves; their names carry a content hash, so the
 * edge caches them for a year.
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
      output: {
        // Library mode keeps whitespace in ES output so that consumers can
        // tree-shake it again; these files go straight to browsers instead.
        minify: true,
        comments: false,
        // edge/routes/runtime.ts serves only names of this shape.
        chunkFileNames: "chunks/[name]-[hash].js",
        // Preact is the runtime's, not a template's: one chunk that every
        // template chunk imports, so that a page with two kinds of widget
        // loads it once and a template's size is its own code.
        codeSplitting: {
          groups: [{ name: "preact", test: /[\\/]node_modules[\\/]preact[\\/]/ }],
        },
        hashCharacters: "base36",
      },
    },
    lib: {
      entry: "client/runtime/index.ts",
      formats: ["es"],
      fileName: () => "runtime.js",
    },
  },
});
