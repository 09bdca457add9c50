import { useEffect, useRef, useState } from "preact/hooks";
import type { RecommendationSettings } from "../../../templates/recommendations/settings";
import type { AdminApi } from "../api/admin-api";
import { ApiProblem } from "../api/problem";
import type { ProductCard, SiteSettings } from "../api/types";

export interface PreviewItems {
  status: "idle" | "loading" | "ready" | "failed";
  items: ProductCard[];
  /** Locale and currency the shop formats prices in. */
  site?: SiteSettings;
  problem?: string;
}

/** Waits for typing to pause before asking the edge: "1" on the way to
 * "12" is not worth a request. */
const DELAY_MS = 250;

/**
 * The items the shop would show for these settings on this product's page,
 * from the edge. Only the settings that choose items (algorithm, count,
 * window) and the product cause a request; texts, colours and layout do
 * not, so they re-render at once. Until an answer arrives the previous
 * items stay, and the widget shows as many of them as the new count says.
 */
export function usePreviewItems(
  api: AdminApi,
  settings: RecommendationSettings | undefined,
  product: string | undefined,
): PreviewItems {
  const [state, setState] = useState<PreviewItems>({ status: "idle", items: [] });
  const latest = useRef(settings);
  latest.current = settings;
  const asked = useRef(false);
  const key =
    settings && product !== undefined
      ? JSON.stringify([settings.algorithm, settings.count, settings.windowDays, product])
      : undefined;

  useEffect(() => {
    const wanted = latest.current;
    if (key === undefined || !wanted) return;
    const controller = new AbortController();
    setState((before) => ({ ...before, status: "loading" }));
    const ask = () =>
      api.previewItems(wanted, product, controller.signal).then(
        (answer) => setState({ status: "ready", items: answer.items, site: answer.site }),
        (error: unknown) => {
          if (controller.signal.aborted) return;
          const problem = error instanceof ApiProblem ? error.message : String(error);
          setState((before) => ({ ...before, status: "failed", problem }));
        },
      );
    const timer = setTimeout(ask, asked.current ? DELAY_MS : 0);
    asked.current = true;
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, key, product]);

  return state;
}
