import type { RecommendationSettings } from "../../templates/recommendations/settings";

export interface DemoWidget {
  id: string;
  settings: RecommendationSettings;
}

function widget(
  id: string,
  settings: Pick<RecommendationSettings, "title" | "algorithm" | "pages" | "count"> &
    Partial<RecommendationSettings>,
): DemoWidget {
  return {
    id,
    settings: {
      layout: "grid",
      // A year, not a month: the seed is written once, and a local database
      // kept for weeks should still show pairs. Bestsellers override it.
      windowDays: 365,
      buttonText: "View",
      accentColor: "#1f6f5c",
      ...settings,
    },
  };
}

/** The widgets of the demo shop; the placeholders in edge/demo use these ids. */
export const DEMO_WIDGETS: readonly DemoWidget[] = [
  widget("product-fbt", {
    title: "Frequently bought together",
    algorithm: "frequently-bought-together",
    pages: ["product"],
    count: 4,
  }),
  widget("product-similar", {
    title: "More from this aisle",
    algorithm: "similar",
    pages: ["product"],
    count: 4,
  }),
  widget("home-bestsellers", {
    title: "Bestsellers this month",
    algorithm: "bestsellers",
    pages: ["home", "category"],
    count: 8,
    // A month, as the title says. The seeded orders age out of it: a local
    // database seeded more than 30 days ago shows no bestsellers.
    windowDays: 30,
  }),
  widget("recently-viewed", {
    title: "Recently viewed",
    algorithm: "recently-viewed",
    pages: ["home", "product", "category", "cart"],
    count: 6,
  }),
  widget("cart-fbt", {
    title: "Complete your basket",
    algorithm: "frequently-bought-together",
    pages: ["cart"],
    count: 4,
  }),
];
