/**
 * Measures what every shopper downloads: the snippet merchants paste and the
 * runtime the edge serves (Preact included), gzipped and brotli-compressed,
 * against their budgets. Exits 1 when a budget is exceeded. Run it through
 * `npm run bench:size`, which builds the runtime first.
 *
 * Budgets are read in decimal units (1 KB = 1,000 bytes), the stricter of
 * the two readings.
 */
import { readFileSync } from "node:fs";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { build, type Plugin } from "vite";

const CONFIG = "client/vite.config.ts";
const RUNTIME = "dist/public/runtime/runtime.js";
const SNIPPET = "client/snippet.js";
const LOGGER = "/client/runtime/logger.ts";

interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

function measure(code: string | Uint8Array): Sizes {
  const bytes = typeof code === "string" ? Buffer.from(code) : code;
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length,
  };
}

/** Builds the runtime's config with `plugins` added and returns the code. */
async function buildWith(plugins: Plugin[], entry?: string): Promise<string> {
  const result = await build({
    configFile: CONFIG,
    logLevel: "silent",
    plugins,
    build: { write: false, ...(entry && { lib: { entry, formats: ["es"] } }) },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const output of outputs) {
    if (!("output" in output)) continue;
    for (const chunk of output.output) if (chunk.type === "chunk") return chunk.code;
  }
  throw new Error("the build produced no chunk");
}

// Preact as the runtime uses it (render and the automatic JSX runtime),
// bundled and minified the same way: the floor any Preact widget pays.
const preactOnly: Plugin = {
  name: "preact-only",
  enforce: "pre",
  // Vite makes the lib entry absolute, hence `endsWith`.
  resolveId: (id) => (id.endsWith("virtual:preact-only") ? "\0preact-only" : undefined),
  load: (id) =>
    id === "\0preact-only"
      ? 'export { render } from "preact"; export { jsx } from "preact/jsx-runtime";'
      : undefined,
};

// The runtime with its debug logger replaced by a no-op, to show what the
// debug mode costs every shopper. Mirrors logger.ts's exports.
const silentLogger: Plugin = {
  name: "silent-logger",
  enforce: "pre",
  load: (id) =>
    id.endsWith(LOGGER)
      ? "export function createLogger() { return { log() {} }; }"
      : undefined,
};

function row(label: string, sizes: Sizes, budget?: number): boolean {
  const within = budget === undefined || sizes.gzip < budget;
  const cells = [
    label.padEnd(34),
    `${sizes.raw} B`.padStart(9),
    `${sizes.gzip} B`.padStart(9),
    `${sizes.brotli} B`.padStart(9),
    budget === undefined
      ? ""
      : `  budget ${budget} B gzip: ${within ? "ok" : "EXCEEDED"}`,
  ];
  console.log(cells.join(""));
  return within;
}

const code = readFileSync(SNIPPET, "utf8")
  .split("\n")
  .filter((line) => line.trim() && !line.trimStart().startsWith("//"))
  .join("\n");
// Exactly what a merchant pastes, tags and line breaks included.
const pasted = `<script>\n${code}\n</script>\n`;
const runtime = readFileSync(RUNTIME);
const preact = await buildWith([preactOnly], "virtual:preact-only");
const silent = await buildWith([silentLogger]);

console.log(
  `${"".padEnd(34)}${"raw".padStart(9)}${"gzip".padStart(9)}${"brotli".padStart(9)}`,
);
const ok = [
  row("snippet, as pasted (with <script>)", measure(pasted), 1_000),
  row("snippet, code only", measure(code)),
  row("runtime.js (Preact included)", measure(runtime), 10_000),
].every(Boolean);
const preactSizes = measure(preact);
const runtimeSizes = measure(runtime);
row("  of which Preact (render + jsx)", preactSizes);
row("  runtime without debug logger", measure(silent));

const share = Math.round((100 * preactSizes.gzip) / runtimeSizes.gzip);
console.log(`\nPreact is ${share} % of the gzipped runtime (compressed separately,`);
console.log("so the parts do not add up exactly).");
const logger = runtimeSizes.gzip - measure(silent).gzip;
console.log(`The debug logger adds ${logger} B gzipped to every download.`);

if (!ok) {
  console.error("\nA size budget is exceeded.");
  process.exit(1);
}
