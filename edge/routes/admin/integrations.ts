import { Hono } from "hono";
import type { AppEnv } from "../../http/app-env";
import { readJson } from "../../http/body";
import { ApiError, notFound } from "../../http/errors";
import { integrationView } from "../../integrations/integration";
import {
  createIntegration,
  findIntegration,
  listIntegrations,
  MAX_INTEGRATIONS,
  revokeIntegration,
  rotateIntegrationKey,
  updateIntegration,
} from "../../integrations/store";
import { validateIntegration } from "../../integrations/validate";

const MAX_BODY_BYTES = 4 * 1024;
const INTEGRATION_ID = /^int_[0-9a-f]{12}$/;

function integrationId(value: string): string {
  if (!INTEGRATION_ID.test(value)) {
    throw new ApiError(
      400,
      "invalid_request",
      "id must be an integration id such as int_0123456789ab.",
      "id",
    );
  }
  return value;
}

function invalidIntegration(field: string, message: string): ApiError {
  return new ApiError(400, "invalid_integration", `${field} ${message}.`, field);
}

/**
 * Admin: the site's integrations. A key is in the answer that creates or
 * rotates it and nowhere else; the edge keeps only its SHA-256.
 */
export const adminIntegrations = new Hono<AppEnv>()
  .get("/", async (c) => {
    const integrations = await listIntegrations(c.env.DB, c.get("site").id);
    return c.json({ integrations: integrations.map(integrationView) });
  })
  .post("/", async (c) => {
    const site = c.get("site");
    const checked = validateIntegration(await readJson(c, MAX_BODY_BYTES), false);
    if (!checked.ok) throw invalidIntegration(checked.field, checked.message);
    const created = await createIntegration(c.env.DB, site.id, checked.value, Date.now());
    if (!created) {
      throw new ApiError(
        409,
        "too_many_integrations",
        `Site "${site.id}" has ${MAX_INTEGRATIONS} integrations already; this limit counts revoked ones too.`,
      );
    }
    return c.json(
      { integration: integrationView(created.integration), key: created.key },
      201,
    );
  })
  .patch("/:id", async (c) => {
    const id = integrationId(c.req.param("id"));
    const checked = validateIntegration(await readJson(c, MAX_BODY_BYTES), true);
    if (!checked.ok) throw invalidIntegration(checked.field, checked.message);
    const saved = await updateIntegration(c.env.DB, c.get("site").id, id, checked.value);
    if (!saved) throw notFound(`Integration "${id}"`);
    return c.json({ integration: integrationView(saved) });
  })
  .post("/:id/rotate", async (c) => {
    const id = integrationId(c.req.param("id"));
    const change = await rotateIntegrationKey(c.env.DB, c.get("site").id, id, Date.now());
    if (change.outcome === "missing") throw notFound(`Integration "${id}"`);
    if (change.outcome === "revoked") {
      throw new ApiError(
        409,
        "integration_revoked",
        `Integration "${id}" is revoked and stays so; create a new integration instead.`,
      );
    }
    return c.json({ integration: integrationView(change.integration), key: change.key });
  })
  .post("/:id/revoke", async (c) => {
    const id = integrationId(c.req.param("id"));
    const revoked = await revokeIntegration(c.env.DB, c.get("site").id, id, Date.now());
    if (!revoked) throw notFound(`Integration "${id}"`);
    return c.json({ integration: integrationView(revoked) });
  })
  .get("/:id", async (c) => {
    const id = integrationId(c.req.param("id"));
    const integration = await findIntegration(c.env.DB, c.get("site").id, id);
    if (!integration) throw notFound(`Integration "${id}"`);
    return c.json({ integration: integrationView(integration) });
  });
