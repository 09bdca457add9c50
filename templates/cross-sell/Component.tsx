import type { JSX } from "preact";
import { priceFormatter, safeUrl } from "../format";
import type { PopupData, PopupProps } from "../popup/contract";
import { PopupDialog } from "../popup/Dialog";
import type { CrossSellSettings } from "./settings";
import { CROSS_SELL_PICTURE } from "./styles";

export type CrossSellProps = PopupProps<CrossSellSettings, PopupData["cross-sell"]>;

/**
 * The cross-sell pop-up: up to `count` complementary products, each with
 * its name linking to it and a button that hands it to the merchant's
 * add-to-cart hook. A product whose URL is unsafe shows its name unlinked.
 */
export function CrossSell(props: CrossSellProps): JSX.Element {
  const { settings } = props;
  const price = priceFormatter(props.locale, props.currency);

  return (
    <PopupDialog
      title={settings.title}
      onClose={props.onClose}
      accentColor={settings.accentColor}
    >
      <ul class="items">
        {props.data.items.slice(0, settings.count).map((item, index) => {
          const href = safeUrl(item.url);
          const src = safeUrl(item.image);

          return (
            <li class="item" key={`${index}:${item.id}`}>
              {/* The name follows as text: the picture adds nothing to say. */}
              {src ? (
                <img
                  class="picture"
                  src={src}
                  alt=""
                  width={CROSS_SELL_PICTURE}
                  height={CROSS_SELL_PICTURE}
                />
              ) : (
                <span class="picture" />
              )}
              <span class="facts">
                {href ? (
                  <a class="name link" href={href} onClick={props.onConvert}>
                    {item.name}
                  </a>
                ) : (
                  <span class="name">{item.name}</span>
                )}
                <span class="price">{price(item.price)}</span>
              </span>
              <button
                type="button"
                class="button add"
                aria-label={`${settings.buttonText}: ${item.name}`}
                onClick={() => {
                  props.onAddToCart?.(item);
                  props.onConvert();
                }}
              >
                {settings.buttonText}
              </button>
            </li>
          );
        })}
      </ul>
    </PopupDialog>
  );
}
