import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { validateBatch } from "../../edge/actions/validate";
import { ApiError } from "../../edge/http/errors";
import { admitBatch } from "../../edge/limiter/admit";
import type { Site } from "../../edge/sites/site";

const site: Site = {
  id: "busy",
  name: "Busy",
  locale: "en-US",
  currency: "USD",
  allowedOrigins: [],
  operationCeiling: 15_000,
  configVersion: 1,
};

describe("a limiter that cannot answer", () => {
  it("becomes a 503 with Retry-After, never a 500", async () => {
    // Stands in for the platform's answer when a Durable Object is
    // overloaded: the stub's call rejects.
    const overloaded = {
      ...env,
      LIMITER: {
        idFromName: env.LIMITER.idFromName.bind(env.LIMITER),
        get: () => ({
          admit: () => Promise.reject(new Error("Durable Object is overloaded.")),
        }),
      },
    } as unknown as typeof env;
    const batch = validateBatch(
      {
        actions: [
          {
            id: "busy-000001",
            operation: "ViewProduct",
            at: Date.now(),
            data: { product: "a" },
          },
        ],
      },
      Date.now(),
    );
    if (!batch.ok) throw new Error(batch.message);

    const error = await admitBatch(overloaded, site, batch.value.actions).catch(
      (caught) => caught,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503, headers: { "Retry-After": "1" } });
    expect((error as ApiError).message).toContain(
      "send them again after Retry-After seconds",
    );
  });
});
