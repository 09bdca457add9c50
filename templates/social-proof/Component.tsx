import type { JSX } from "preact";
import { numberFormat } from "../format";
import type { PopupData, PopupProps } from "../popup/contract";
import { POPUP_TITLE_ID, PopupDialog } from "../popup/Dialog";
import type { SocialProofSettings } from "./settings";

export type SocialProofProps = PopupProps<SocialProofSettings, PopupData["social-proof"]>;

/**
 * The social-proof pop-up: its sentence with `{count}` replaced by the
 * number of people the edge counted, exactly as given (the edge sends no
 * pop-up below the minimum), and `{hours}` by the window. With no title,
 * the sentence names the dialog.
 */
export function SocialProof(props: SocialProofProps): JSX.Element {
  const { settings } = props;
  const number = numberFormat(props.locale);
  // Splitting on a capturing group keeps the placeholders as parts.
  const parts = settings.text.split(/(\{count\}|\{hours\})/).map((part) => {
    if (part === "{count}")
      return <strong class="count">{number?.format(props.data.count)}</strong>;
    return part === "{hours}" ? number?.format(settings.windowHours) : part;
  });

  return (
    <PopupDialog
      title={settings.title}
      onClose={props.onClose}
      accentColor={settings.accentColor}
    >
      <p class="text proof" id={settings.title ? undefined : POPUP_TITLE_ID}>
        {parts}
      </p>
    </PopupDialog>
  );
}
