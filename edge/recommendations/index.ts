import type { Algorithm } from "../../templates/recommendations/settings";
import { bestsellers } from "./bestsellers";
import type { Recommender } from "./context";
import { frequentlyBoughtTogether } from "./frequently-bought-together";
import { recentlyViewed } from "./recently-viewed";
import { similar } from "./similar";

export type { RecommendationContext } from "./context";

export const recommenders: Record<Algorithm, Recommender> = {
  "frequently-bought-together": frequentlyBoughtTogether,
  similar,
  bestsellers: (db, context) => bestsellers(db, context),
  "recently-viewed": recentlyViewed,
};
