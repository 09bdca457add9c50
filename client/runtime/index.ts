import { startRuntime } from "./start";

// The edge serves this module at /v1/sites/<site>/runtime.js: its own URL
// says where the edge is and which site this page belongs to.
void startRuntime({ scriptUrl: import.meta.url, window });
