import { Hono } from "hono";
import { requireAdminKey } from "./auth/admin";
import { demo } from "./demo";
import type { AppEnv } from "./http/app-env";
import { handleError } from "./http/error-handler";
import { siteContext } from "./http/site-context";
import { adminActions } from "./routes/admin/actions";
import { adminProducts } from "./routes/admin/products";
import { adminPromotions } from "./routes/admin/promotions";
import { adminRounding } from "./routes/admin/rounding";
import { adminRoundingExample } from "./routes/admin/rounding-example";
import { adminSettings } from "./routes/admin/settings";
import { adminWidgetPreview } from "./routes/admin/widget-preview";
import { adminWidgets } from "./routes/admin/widgets";
import { calculateCart } from "./routes/calculate-cart";
import { editor } from "./routes/editor";
import { operations } from "./routes/operations";
import { page } from "./routes/page";
import { recommendations } from "./routes/recommendations";
import { runtime, runtimeChunks } from "./routes/runtime";

const site = new Hono<AppEnv>()
  .use(siteContext)
  .route("/runtime.js", runtime)
  .route("/chunks", runtimeChunks)
  .route("/page", page)
  .route("/operations", operations)
  .route("/operations/CalculateCart", calculateCart)
  .route("/recommendations", recommendations)
  .use("/admin/*", requireAdminKey)
  .route("/admin/widgets/preview", adminWidgetPreview)
  .route("/admin/widgets", adminWidgets)
  .route("/admin/products", adminProducts)
  .route("/admin/actions", adminActions)
  .route("/admin/settings", adminSettings)
  .route("/admin/promotions", adminPromotions)
  .route("/admin/rounding/example", adminRoundingExample)
  .route("/admin/rounding", adminRounding);

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
