/**
 * Formatting shared by the templates: numbers and prices for the site's
 * locale, and the one check every URL passes before it reaches the page.
 */

/**
 * `Intl.NumberFormat` for `locale`, or for the default locale when the tag
 * is malformed; undefined when even that refuses `options` (an unknown
 * currency code).
 */
export function numberFormat(
  locale: string,
  options?: Intl.NumberFormatOptions,
): Intl.NumberFormat | undefined {
  for (const tag of [locale, undefined]) {
    try {
      return new Intl.NumberFormat(tag, options);
    } catch {
      // RangeError: a malformed locale tag or option; try the next.
    }
  }
  return undefined;
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
  const format = numberFormat(locale, { style: "currency", currency });
  if (!format) return () => "";
  const scale = 10 ** (format.resolvedOptions().maximumFractionDigits ?? 0);
  return (minor) => format.format(minor / scale);
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
