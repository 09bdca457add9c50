/**
 * ISO 4217 currencies Vitrine prices in, with their exponent: how many
 * decimals the minor unit has (2 for cents, 0 for yen, 3 for fils). Amounts
 * are integers of the minor unit everywhere, so the exponent is all the
 * edge needs to read and write them.
 *
 * The list is the currencies in common retail use, not all of ISO 4217:
 * funds codes, precious metals and the 4-decimal units of account (CLF,
 * UYW) are left out on purpose. Adding a currency is one line.
 */
const EXPONENTS: Readonly<Record<string, number>> = {
  // Zero decimals.
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  // Three decimals.
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  // Two decimals.
  AED: 2,
  ARS: 2,
  AUD: 2,
  BGN: 2,
  BRL: 2,
  CAD: 2,
  CHF: 2,
  CNY: 2,
  COP: 2,
  CZK: 2,
  DKK: 2,
  EGP: 2,
  EUR: 2,
  GBP: 2,
  HKD: 2,
  HUF: 2,
  IDR: 2,
  ILS: 2,
  INR: 2,
  KES: 2,
  MAD: 2,
  MXN: 2,
  MYR: 2,
  NGN: 2,
  NOK: 2,
  NZD: 2,
  PEN: 2,
  PHP: 2,
  PLN: 2,
  QAR: 2,
  RON: 2,
  RSD: 2,
  SAR: 2,
  SEK: 2,
  SGD: 2,
  THB: 2,
  TRY: 2,
  TWD: 2,
  UAH: 2,
  USD: 2,
  ZAR: 2,
};

export interface Currency {
  code: string;
  exponent: number;
}

/** The currency of an ISO 4217 code, or null when Vitrine does not know it.
 * Codes are upper case, as ISO writes them; "usd" is not accepted. */
export function findCurrency(code: string): Currency | null {
  if (!Object.hasOwn(EXPONENTS, code)) return null;
  const exponent = EXPONENTS[code];
  return exponent === undefined ? null : { code, exponent };
}

export const UNKNOWN_CURRENCY_RULE =
  "must be an ISO 4217 code Vitrine knows, in capitals, such as USD, EUR, GBP, JPY or KWD";
