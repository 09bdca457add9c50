import type { JSX } from "preact";
import { priceFormatter, safeUrl } from "../format";
import type { PopupData, PopupProps } from "../popup/contract";
import { PopupDialog } from "../popup/Dialog";
import type { UpsellSettings } from "./settings";
import { UPSELL_PICTURE } from "./styles";

export type UpsellProps = PopupProps<UpsellSettings, PopupData["upsell"]>;

/**
 * The upsell pop-up: one better product (picture, name, price) with a
 * button that opens it. A product whose URL is not http(s) or root-relative
 * shows without the button.
 */
export function Upsell(props: UpsellProps): JSX.Element {
  const { settings, data } = props;
  const { product } = data;
  const href = safeUrl(product.url);
  const src = safeUrl(product.image);

  return (
    <PopupDialog
      title={settings.title}
      onClose={props.onClose}
      accentColor={settings.accentColor}
    >
      {settings.text && <p class="text">{settings.text}</p>}
      <div class="product">
        {/* The name follows as text: the picture adds nothing to say. */}
        {src && (
          <img
            class="picture"
            src={src}
            alt=""
            width={UPSELL_PICTURE}
            height={UPSELL_PICTURE}
          />
        )}
        <div class="facts">
          <p class="name">{product.name}</p>
          <p class="price">
            {priceFormatter(props.locale, props.currency)(product.price)}
          </p>
        </div>
      </div>
      {href && (
        <a class="button" href={href} onClick={props.onConvert}>
          {settings.buttonText}
        </a>
      )}
    </PopupDialog>
  );
}
