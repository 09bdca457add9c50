import { Hono } from "hono";
import { requireAdminKey } from "./auth/admin";
import { demo } from "./demo";
import type { AppEnv } from "./http/app-env";
import { handleError } from "./http/error-handler";
import { siteContext } from "./http/site-context";
import { integrationCall } from "./integrations/integration-call";
import { adminActions } from "./routes/admin/actions";
import { adminCommunications } from "./routes/admin/communications";
import { adminCustomers } from "./routes/admin/customers";
import { adminCardFields, adminCards } from "./routes/admin/customers-cards";
import { adminDevices } from "./routes/admin/customers-devices";
import { adminIntegrations } from "./routes/admin/integrations";
import { adminIntegrationMonitoring } from "./routes/admin/integrations-monitoring";
import { adminPopups } from "./routes/admin/popups";
import { adminProducts } from "./routes/admin/products";
import { adminPromotions } from "./routes/admin/promotions";
import { adminRounding } from "./routes/admin/rounding";
import { adminRoundingExample } from "./routes/admin/rounding-example";
import { adminSegments } from "./routes/admin/segments";
import { adminSegmentRetention } from "./routes/admin/segments-retention";
import { adminSettings } from "./routes/admin/settings";
import { adminWidgetPreview } from "./routes/admin/widget-preview";
import { adminWidgets } from "./routes/admin/widgets";
import { calculateCart } from "./routes/calculate-cart";
import { editor } from "./routes/editor";
import { operations } from "./routes/operations";
import { page } from "./routes/page";
import { pushAppDevices } from "./routes/push-app-devices";
import { pushDevices } from "./routes/push-devices";
import { pushServiceWorker } from "./routes/push-sw";
import { recommendations } from "./routes/recommendations";
import { runtime, runtimeChunks } from "./routes/runtime";
import { deliveryWebhook } from "./routes/webhooks/delivery";

const site = new Hono<AppEnv>()
  .use(siteContext)
  // Calls with an integration key are authenticated and recorded.
  .use("/operations/*", integrationCall)
  .route("/runtime.js", runtime)
  .route("/chunks", runtimeChunks)
  .route("/page", page)
  .route("/operations", operations)
  .route("/operations/CalculateCart", calculateCart)
  .route("/recommendations", recommendations)
  .route("/push/sw.js", pushServiceWorker)
  .route("/push", pushDevices)
  .route("/webhooks/delivery", deliveryWebhook)
  .use("/admin/*", requireAdminKey)
  .route("/admin/widgets/preview", adminWidgetPreview)
  .route("/admin/widgets", adminWidgets)
  .route("/admin/popups", adminPopups)
  .route("/admin/products", adminProducts)
  .route("/admin/actions", adminActions)
  .route("/admin/customers", adminCustomers())
  .route("/admin/devices", adminDevices)
  .route("/admin/cards", adminCards)
  .route("/admin/card-fields", adminCardFields)
  .route("/admin/push/app-devices", pushAppDevices)
  .route("/admin/integrations/monitoring", adminIntegrationMonitoring)
  .route("/admin/integrations", adminIntegrations)
  .route("/admin/segments/retention", adminSegmentRetention)
  .route("/admin/segments", adminSegments)
  .route("/admin/settings", adminSettings)
  .route("/admin/promotions", adminPromotions)
  .route("/admin/rounding/example", adminRoundingExample)
  .route("/admin/rounding", adminRounding)
  .route("/admin/communications", adminCommunications);

export const app = new Hono<AppEnv>()
  .use(async (c, next) => {
    const requestId = c.req.header("cf-ray") ?? crypto.randomUUID();
    c.set("requestId", requestId);
    await next();
    c.res.headers.set("X-Request-Id", requestId);
  })
  .get("/", (c) => c.redirect("/demo/"))
  .route("/demo", demo)
  .route("/editor", editor)
  .route("/v1/sites/:site", site);

app.onError(handleError);
app.notFound((c) =>
  c.json(
    {
      error: { code: "not_found", message: "No such route. See README.md for the API." },
    },
    404,
  ),
);
