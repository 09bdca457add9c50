import type { Subscriber } from "./push-stand-in";
import { actionId, call, postActions, SHOP_ORIGIN } from "./support";

/** Records `count` page views of a device signed in as `customer`. */
export async function activity(
  site: string,
  device: string,
  customer: string,
  count: number,
) {
  const now = Date.now();
  const actions = Array.from({ length: count }, (_, index) => ({
    id: actionId(),
    operation: index === 0 ? "AuthorizeCustomer" : "ViewPage",
    at: now - (count - index) * 1000,
    device,
    customer,
    data: index === 0 ? {} : { url: "https://shop.example/" },
  }));
  const response = await postActions(site, actions);
  if (response.status !== 202)
    throw new Error(`actions refused: ${await response.text()}`);
}

export async function siteKey(site: string): Promise<string> {
  const response = await call(`/v1/sites/${site}/push/key`);
  return ((await response.json()) as { publicKey: string }).publicKey;
}

/** Reports a device's push state as the storefront runtime does. */
export async function reportDevice(
  site: string,
  device: string,
  state: { permission: string; subscriber?: Subscriber; expirationTime?: number },
): Promise<void> {
  const subscription = state.subscriber
    ? { ...state.subscriber.json, expirationTime: state.expirationTime ?? null }
    : null;
  const response = await call(`/v1/sites/${site}/push/devices`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: SHOP_ORIGIN },
    body: JSON.stringify({
      device,
      permission: state.permission,
      subscription,
      vapidKey: subscription ? await siteKey(site) : undefined,
      details: { browser: "Firefox", os: "Linux", deviceType: "desktop" },
    }),
  });
  if (response.status !== 204)
    throw new Error(`report refused: ${await response.text()}`);
}
