/**
 * Measures what shoppers download, gzipped and brotli-compressed, against
 * budgets: the snippet merchants paste, the base runtime every page loads,
 * the runtime with Preact (the base and the Preact chunk, which a page
 * loads once it shows anything), and each template's own chunk, which only
 * a page showing one of its widgets or pop-ups loads. Also checks the
 * split itself: the base must import nothing at load and hold no Preact,
 * Preact must be in a chunk of its own, templates may import nothing but
 * it, and no module may be in two files. Exits 1 when a budget is exceeded or a check fails. Run
 * it through `npm run bench:size`, which builds the runtime first.
 *
 * Budgets are read in decimal units (1 KB = 1,000 bytes), the stricter of
 * the two readings. Files are compressed one by one, as they are served.
 */
import { readFileSync } from "node:fs";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { build, type Plugin, type Rolldown } from "vite";
import { POPUP_TEMPLATES } from "../templates/popup/contract";

const CONFIG = "client/vite.config.ts";
const SNIPPET = "client/snippet.js";
const LOGGER = "/client/runtime/logger.ts";
const PREACT = /[\\/]node_modules[\\/]preact[\\/]/;

const BUDGET = {
  snippet: 1_000,
  /** Every page pays it: kept near its size, so that growth is a decision. */
  base: 5_400,
  /** The runtime, Preact included: the base and the Preact chunk. */
  runtime: 10_000,
  preact: 5_000,
  /** What every template draws with (shadow roots, styles, prices). */
  kit: 1_000,
  /** The pop-up engine and dialog, loaded once a page has a pop-up. */
  popups: 4_000,
  /** Each template's own code. */
  template: 3_000,
  /** A feature loaded on its first use, e.g. web push registration. */
  feature: 3_500,
};

/** Chunks named after a template; any other is a feature's. */
const TEMPLATES: string[] = ["recommendations", ...POPUP_TEMPLATES];

/** The chunks client/vite.config.ts gives code that templates share. */
const SHARED = ["preact", "kit", "popups"] as const;

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

function sum(...sizes: Sizes[]): Sizes {
  return sizes.reduce(
    (total, one) => ({
      raw: total.raw + one.raw,
      gzip: total.gzip + one.gzip,
      brotli: total.brotli + one.brotli,
    }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
}

/** Builds the runtime's config, with `plugins` added, in memory. */
async function buildWith(plugins: Plugin[], entry?: string) {
  const result = await build({
    configFile: CONFIG,
    logLevel: "silent",
    plugins,
    build: { write: false, ...(entry && { lib: { entry, formats: ["es"] } }) },
  });
  const chunks: Rolldown.OutputChunk[] = [];
  for (const output of Array.isArray(result) ? result : [result]) {
    if (!("output" in output)) continue;
    for (const file of output.output) if (file.type === "chunk") chunks.push(file);
  }
  const entryChunk = chunks.find((chunk) => chunk.isEntry);
  if (!entryChunk) throw new Error("the build produced no entry chunk");
  return { chunks, entry: entryChunk };
}

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
    label.padEnd(52),
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

const { chunks, entry } = await buildWith([]);
const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
const sizes = new Map(chunks.map((chunk) => [chunk.fileName, measure(chunk.code)]));
const sizeOf = (file: string): Sizes => sizes.get(file) ?? measure("");

const problems: string[] = [];
if (entry.imports.length > 0) {
  problems.push(
    `runtime.js imports ${entry.imports.join(", ")} at load: every page would fetch it. ` +
      "A module shared by the base and a chunk is moved into a chunk of its own; keep chunks off the base's modules.",
  );
}
if (entry.moduleIds.some((id) => PREACT.test(id))) {
  problems.push("runtime.js holds Preact: it belongs in its own chunk.");
}
const shared = new Map(
  SHARED.map((name) => [name, chunks.find((chunk) => chunk.name === name)]),
);
for (const [name, chunk] of shared) {
  if (!chunk) problems.push(`No "${name}" chunk: client/vite.config.ts names it.`);
}
const preactChunk = shared.get("preact");
if (preactChunk?.moduleIds.some((id) => !PREACT.test(id))) {
  problems.push("The Preact chunk holds modules other than Preact's.");
}
const sharedFiles = [...shared.values()].flatMap((chunk) =>
  chunk ? [chunk.fileName] : [],
);
const templates = chunks.filter(
  (chunk) => !chunk.isEntry && !sharedFiles.includes(chunk.fileName),
);
for (const chunk of templates) {
  const others = chunk.imports.filter((file) => !sharedFiles.includes(file));
  if (others.length > 0) {
    problems.push(`${chunk.fileName} imports ${others.join(", ")}, not a shared chunk.`);
  }
}
const owners = new Map<string, string[]>();
for (const chunk of chunks) {
  for (const id of chunk.moduleIds)
    owners.set(id, [...(owners.get(id) ?? []), chunk.fileName]);
}
for (const [id, files] of owners) {
  if (files.length > 1) problems.push(`${id} is in ${files.join(" and ")}.`);
}

/** A chunk and the chunks it imports at load, as the browser fetches them. */
function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const imported of byFile.get(file)?.imports ?? []) closure(imported, seen);
  return seen;
}

const code = readFileSync(SNIPPET, "utf8")
  .split("\n")
  .filter((line) => line.trim() && !line.trimStart().startsWith("//"))
  .join("\n");
// Exactly what a merchant pastes, tags and line breaks included.
const pasted = `<script>\n${code}\n</script>\n`;
const silent = measure((await buildWith([silentLogger])).entry.code);
const base = sizeOf(entry.fileName);

console.log(
  `${"".padEnd(52)}${"raw".padStart(9)}${"gzip".padStart(9)}${"brotli".padStart(9)}`,
);
const results = [
  row("snippet, as pasted (with <script>)", measure(pasted), BUDGET.snippet),
  row("snippet, code only", measure(code)),
  row(`base ${entry.fileName} (every page)`, base, BUDGET.base),
];
row("  without its debug logger", silent);

const preactSize = preactChunk ? sizeOf(preactChunk.fileName) : measure("");
results.push(row("runtime: base + Preact", sum(base, preactSize), BUDGET.runtime));
for (const [name, chunk] of shared) {
  if (chunk)
    results.push(
      row(`  ${name} ${chunk.fileName}`, sizeOf(chunk.fileName), BUDGET[name]),
    );
}
console.log(
  "\nTemplates and features: each alone, then what a page using it loads in all.",
);
for (const chunk of templates) {
  const kind = TEMPLATES.includes(chunk.name) ? "template" : "feature";
  results.push(row(`${kind} ${chunk.fileName}`, sizeOf(chunk.fileName), BUDGET[kind]));
  const page = [entry.fileName, ...closure(chunk.fileName)];
  row(`  page total, with ${page.length - 2} shared chunk(s)`, sum(...page.map(sizeOf)));
}

console.log(
  `\nThe debug logger adds ${base.gzip - silent.gzip} B gzipped to every page.`,
);
for (const problem of problems) console.error(`\n${problem}`);
if (problems.length > 0 || !results.every(Boolean)) {
  console.error("\nA size budget is exceeded or the split is wrong.");
  process.exit(1);
}
