import type { TestProject } from "vitest/node";
import { startLocalWorker } from "../support/local-worker";

declare module "vitest" {
  export interface ProvidedContext {
    edgeUrl: string;
    adminKey: string;
    /** Where the worker keeps its local D1, for reading it directly. */
    persistDir: string;
  }
}

/** One local worker, migrated and seeded, for the whole end-to-end run. */
export default async function setup(project: TestProject) {
  const worker = await startLocalWorker();
  project.provide("edgeUrl", worker.url);
  project.provide("adminKey", worker.adminKey);
  project.provide("persistDir", worker.persistDir);
  return () => worker.stop();
}
