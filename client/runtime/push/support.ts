/**
 * Whether this browser can receive web push here. Safari outside a home
 * screen app, old browsers, some private windows and insecure pages lack
 * one of the three; reading them can itself throw in locked-down frames.
 */
export function pushSupported(win: Window & typeof globalThis): boolean {
  try {
    return (
      win.isSecureContext !== false &&
      "serviceWorker" in win.navigator &&
      typeof win.PushManager === "function" &&
      typeof win.Notification === "function"
    );
  } catch {
    return false;
  }
}
