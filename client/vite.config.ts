import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Preact's core and JSX runtime: the rest of the runtime, for any page
 * that shows something. */
export const PREACT_MODULES = /[\\/]node_modules[\\/]preact[\\/](dist|jsx-runtime)[\\/]/;
/** What every template draws with: shadow roots, styles, prices, URLs. */
export const KIT_MODULES =
  /[\\/]client[\\/]runtime[\\/]templates[\\/]shadow-|[\\/]templates[\\/](format|accent)\.ts$/;
/** The pop-up engine and the dialog every pop-up uses. A group takes what
 * its modules import too, unless another group has it: nothing here may
 * import what the base uses, or the base would import this chunk. */
export const POPUP_MODULES =
  /[\\/]node_modules[\\/]preact[\\/]hooks[\\/]|[\\/]client[\\/]runtime[\\/]popups[\\/][^\\/]+$|[\\/]templates[\\/]popup[\\/]/;

/**
 * Builds the storefront runtime: the base module `runtime.js`, which the
 * edge serves at `/v1/sites/:site/runtime.js` for every site, and one chunk
 * per template, plus the chunks they share, which the base imports only
 * when a page needs them. The edge serves the chunks beside the runtime, at
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
        // Code that several templates share goes in a chunk of its own,
        // never in the base: Preact; the kit every template draws with;
        // the pop-up engine and its dialog, which only pop-ups use. A
        // template's chunk is then its own code alone, and a page loads
        // each shared chunk once, whatever it shows.
        codeSplitting: {
          groups: [
            { name: "preact", test: PREACT_MODULES },
            { name: "kit", test: KIT_MODULES },
            { name: "popups", test: POPUP_MODULES },
          ],
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
