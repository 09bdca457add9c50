/**
 * Settings of every pop-up template, for the edge and the editor. Only the
 * settings modules are imported here, never a component: the edge bundle
 * must not pull in Preact.
 */
import {
  type CountdownSettings,
  countdownDefaults,
  validateCountdownSettings,
} from "./countdown/settings";
import {
  type CrossSellSettings,
  crossSellDefaults,
  validateCrossSellSettings,
} from "./cross-sell/settings";
import type { PopupTemplate } from "./popup/contract";
import {
  type SocialProofSettings,
  socialProofDefaults,
  validateSocialProofSettings,
} from "./social-proof/settings";
import {
  type UpsellSettings,
  upsellDefaults,
  validateUpsellSettings,
} from "./upsell/settings";
import type { Validated } from "./validation";

/** The settings type of each template. */
export interface PopupSettings {
  countdown: CountdownSettings;
  "social-proof": SocialProofSettings;
  upsell: UpsellSettings;
  "cross-sell": CrossSellSettings;
}

/** What a new pop-up of each template starts with; each passes its check. */
export const POPUP_DEFAULTS: { [T in PopupTemplate]: PopupSettings[T] } = {
  countdown: countdownDefaults,
  "social-proof": socialProofDefaults,
  upsell: upsellDefaults,
  "cross-sell": crossSellDefaults,
};

const VALIDATORS: {
  [T in PopupTemplate]: (input: unknown, prefix?: string) => Validated<PopupSettings[T]>;
} = {
  countdown: validateCountdownSettings,
  "social-proof": validateSocialProofSettings,
  upsell: validateUpsellSettings,
  "cross-sell": validateCrossSellSettings,
};

/**
 * Checks `input` as the settings of `template`: missing fields take their
 * defaults, unknown ones are refused, and every error names its field
 * under `prefix` (`settings.title`).
 */
export function validatePopupSettings<T extends PopupTemplate>(
  template: T,
  input: unknown,
  prefix = "settings",
): Validated<PopupSettings[T]> {
  return VALIDATORS[template](input, prefix);
}
