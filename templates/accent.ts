/**
 * Custom properties for the accent colour and a readable text colour on it
 * (black or white by WCAG relative luminance), set through CSSOM on the root
 * element, which a CSP without 'unsafe-inline' allows.
 */
export function accentProperties(accent: string): Record<string, string> {
  const color = /^#[0-9a-f]{6}$/i.test(accent) ? accent : "#1f6f5c";
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((at) => {
    const channel = Number.parseInt(color.slice(at, at + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;

  return {
    "--vitrine-accent": color,
    // 0.179 is where black and white text have equal contrast on the colour.
    "--vitrine-on-accent": luminance > 0.179 ? "#000" : "#fff",
  };
}
