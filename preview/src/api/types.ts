import type { ProductCard, SiteSettings } from "../../../edge/contract";
import type { RecommendationSettings } from "../../../templates/recommendations/settings";

/** A widget as the admin API answers it (edge/widgets/widget.ts). */
export interface WidgetRecord {
  id: string;
  name: string;
  template: "recommendations";
  enabled: boolean;
  settings: RecommendationSettings;
  updatedAt: number;
}

/** What `PUT /admin/widgets/:id` takes. */
export interface WidgetBody {
  name: string;
  enabled: boolean;
  settings: RecommendationSettings;
}

/** `GET /admin/settings`, as far as the editor reads it. */
export interface SiteInfo extends SiteSettings {
  allowedOrigins: string[];
}

/** `POST /admin/widgets/preview` (edge/routes/admin/widget-preview.ts). */
export interface PreviewAnswer {
  site: SiteSettings;
  items: ProductCard[];
}

export type { ProductCard, SiteSettings };
