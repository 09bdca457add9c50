import type { JSX } from "preact";
import type { ProductCard } from "../../edge/contract";
import { accentProperties } from "../accent";
import { priceFormatter, safeUrl } from "../format";
import type { RecommendationSettings } from "./settings";
import { PICTURE_SIZE, WIDGET_HEIGHT } from "./styles";

export interface WidgetProps {
  settings: RecommendationSettings;
  items: ProductCard[];
  /** BCP 47 tag used to format prices, e.g. `en-US`. */
  locale: string;
  /** ISO 4217 code; prices are integer minor units of it. */
  currency: string;
  /** Called when the shopper follows an item's link (navigation still happens). */
  onItemClick?: (item: ProductCard) => void;
}

/**
 * The recommendation widget, as the storefront mounts it in a shadow root and
 * the editor previews it. Always {@link WIDGET_HEIGHT} pixels tall.
 */
export function Widget(props: WidgetProps): JSX.Element {
  const { settings, onItemClick } = props;
  const price = priceFormatter(props.locale, props.currency);
  const items = props.items.slice(0, settings.count);

  return (
    <section
      class={`root ${settings.layout}`}
      aria-label={settings.title}
      style={{ height: `${WIDGET_HEIGHT}px`, ...accentProperties(settings.accentColor) }}
    >
      <h2 class="title">{settings.title}</h2>
      <ul class="list">
        {items.map((item, index) => {
          const href = safeUrl(item.url);
          const src = safeUrl(item.image);

          return (
            <li class="card" key={`${index}:${item.id}`}>
              {src ? (
                <img
                  class="picture"
                  src={src}
                  alt={item.name}
                  loading="lazy"
                  decoding="async"
                  width={PICTURE_SIZE}
                  height={PICTURE_SIZE}
                />
              ) : (
                <span class="picture" />
              )}
              <p class="name" title={item.name}>
                {item.name}
              </p>
              <p class="price">{price(item.price)}</p>
              {href && (
                <a
                  class="button"
                  href={href}
                  aria-label={`${settings.buttonText}: ${item.name}`}
                  onClick={onItemClick && (() => onItemClick(item))}
                >
                  {settings.buttonText}
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

// Moved to templates/format.ts, shared with the pop-ups; kept for importers.
export { priceFormatter, safeUrl } from "../format";
