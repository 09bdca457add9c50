/** What the edge stores about a device (edge/push/device-report.ts). */
export interface DeviceDetails {
  browser: string | null;
  os: string | null;
  deviceType: "desktop" | "mobile" | "tablet" | "unknown";
  userAgent: string | null;
}

// Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
const BROWSERS: [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\//, "Edge"],
  [/OPR\/|Opera/, "Opera"],
  [/SamsungBrowser\//, "Samsung Internet"],
  [/Firefox\/|FxiOS\//, "Firefox"],
  [/Chrome\/|CriOS\//, "Chrome"],
  [/Safari\//, "Safari"],
];
const SYSTEMS: [RegExp, string][] = [
  [/iPhone|iPad|iPod/, "iOS"],
  [/Android/, "Android"],
  [/CrOS/, "ChromeOS"],
  [/Windows/, "Windows"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/Linux/, "Linux"],
];

const first = (list: [RegExp, string][], text: string) =>
  list.find(([pattern]) => pattern.test(text))?.[1] ?? null;

/**
 * Reads browser, OS and device type from the user agent. It is a guess by
 * design (user agents lie, and iPadOS says "Macintosh"); the raw string is
 * sent too, so the profile can always show what the browser said.
 */
export function deviceDetails(userAgent: string): DeviceDetails {
  const ua = userAgent.slice(0, 512);
  const tablet = /iPad|Tablet|Android(?!.*Mobile)/.test(ua);
  const mobile = !tablet && /Mobi|iPhone|iPod|Android/.test(ua);
  return {
    browser: first(BROWSERS, ua),
    os: first(SYSTEMS, ua),
    deviceType: tablet ? "tablet" : mobile ? "mobile" : ua ? "desktop" : "unknown",
    userAgent: ua || null,
  };
}
