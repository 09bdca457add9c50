import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { expect } from "vitest";
import { app } from "../../edge/app";
import { actionId, admin } from "./support";

export interface Created {
  integration: {
    id: string;
    name: string;
    kind: string;
    operations: string[];
    keyHint: string;
    revokedAt: number | null;
  };
  key: string;
}

export async function createIntegration(
  siteId: string,
  adminKey: string,
  body: { name?: string; kind?: string; operations: string[] },
): Promise<Created> {
  const response = await admin(siteId, adminKey, "/integrations", {
    method: "POST",
    body: JSON.stringify({ name: "Shop back end", kind: "backend_api", ...body }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return response.json();
}

/**
 * Sends a request through the worker's app with an execution context of
 * our own, and waits for everything it handed to `waitUntil` (the call
 * record): the record is then in D1 without any timed wait.
 */
export async function callAndSettle(path: string, init: RequestInit): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await app.fetch(
    new Request(`https://edge.example${path}`, init),
    env,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return response;
}

export function postWithKey(
  siteId: string,
  key: string | null,
  actions: unknown[],
  path = "/operations",
): Promise<Response> {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (key !== null) headers.Authorization = `Bearer ${key}`;
  return callAndSettle(`/v1/sites/${siteId}${path}`, {
    method: "POST",
    headers,
    body: JSON.stringify({ actions }),
  });
}

export const order = (orderId = actionId(), customer = "c-1") => ({
  id: actionId(),
  operation: "Order",
  at: Date.now(),
  customer,
  data: { order: orderId, items: [{ product: "milk" }] },
});

export const view = (product = "milk") => ({
  id: actionId(),
  operation: "ViewProduct",
  at: Date.now(),
  device: "dev-1",
  data: { product },
});
