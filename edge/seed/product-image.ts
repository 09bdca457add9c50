import { hash } from "./hash";

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function initials(name: string): string {
  return name
    .split(/[\s/().-]+/)
    .filter((word) => word.length > 0)
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase())
    .join("");
}

/** A generated picture for a product: its initials on a disc, its name
 * below, colours from a hash of the id. No photos: the data set has none. */
export function productImageSvg(product: { id: string; name: string }): string {
  const hue = hash(`hue:${product.id}`) % 360;
  const name = escapeXml(product.name);
  const text = `x="120" text-anchor="middle" font-family="system-ui, sans-serif"`;
  // Long names are squeezed to fit rather than cut.
  const fit =
    product.name.length > 22 ? ` textLength="216" lengthAdjust="spacingAndGlyphs"` : "";
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 240" width="240"`,
    ` height="240" role="img" aria-label="${name}">\n`,
    `<title>${name}</title>\n`,
    `<rect width="240" height="240" fill="hsl(${hue}, 60%, 90%)"/>\n`,
    `<circle cx="120" cy="100" r="64" fill="hsl(${hue}, 45%, 36%)"/>\n`,
    `<text ${text} y="100" dy="0.35em" font-size="44" font-weight="700" fill="#fff">`,
    `${escapeXml(initials(product.name))}</text>\n`,
    `<text ${text} y="204" font-size="16" fill="hsl(${hue}, 40%, 22%)"${fit}>`,
    `${name}</text>\n`,
    "</svg>\n",
  ].join("");
}
