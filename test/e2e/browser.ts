import { type Browser, chromium } from "playwright-core";

/** Debian's Chromium, never a downloaded one. The flags keep it off the
 * network: this machine allows no connections but our own loopback ones. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
