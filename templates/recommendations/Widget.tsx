import type { JSX } from "preact";
import type { ProductCard } from "../../edge/contract";
import type { RecommendationSettings } from "./settings";
import { accentProperties, PICTURE_SIZE, WIDGET_HEIGHT } from "./styles";

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

/**
 * Formats integer minor units in the currency's own number of decimals (2 for
 * USD, 0 for JPY, 3 for KWD). An unknown locale falls back to the default
 * one; an unknown currency shows no price rather than a wrong one.
 */
export function priceFormatter(
  locale: string,
  currency: string,
): (minor: number) => string {
  for (const tag of [locale, undefined]) {
    try {
      const format = new Intl.NumberFormat(tag, { style: "currency", currency });
      const scale = 10 ** (format.resolvedOptions().maximumFractionDigits ?? 0);
      return (minor) => format.format(minor / scale);
    } catch {
      // RangeError: a malformed locale tag or currency code; try the next.
    }
  }
  return () => "";
}

/**
 * Returns `value` if it is an http(s) URL or a root-relative path, else
 * undefined, so that `javascript:` and other schemes never reach an `href`
 * or `src`. Protocol-relative `//host` and `/\host` are refused too.
 */
export function safeUrl(raw: string): string | undefined {
  // Browsers drop tabs and line breaks inside URLs and trim control
  // characters and spaces around them, so "/\n/host" would become the
  // protocol-relative "//host": check what the browser will use.
  const value = raw.replace(/[\t\n\r]/g, "").replace(/^[\0- ]+|[\0- ]+$/g, "");
  if (/^\/(?![/\\])/.test(value)) return value;
  try {
    const url = new URL(value);
    if (url.protocol === "https:" || url.protocol === "http:") return url.href;
  } catch {
    // Not absolute and not root-relative: drop it.
  }
  return undefined;
}
