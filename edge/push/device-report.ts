import { isRecord } from "../../templates/validation";
import { isId } from "../http/identifiers";
import { fromBase64Url } from "./base64url";
import { endpointProblem } from "./endpoint";
import { isUncompressedPoint } from "./p256";

export const PERMISSIONS = ["granted", "denied", "default", "unsupported"] as const;
export type Permission = (typeof PERMISSIONS)[number];
export const DEVICE_TYPES = ["desktop", "mobile", "tablet", "unknown"] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];
export type Platform = "web" | "ios" | "android";

export interface DeviceDetails {
  browser: string | null;
  os: string | null;
  deviceType: DeviceType;
  userAgent: string | null;
}

/** A device's push state as reported, checked. */
export interface DeviceReport {
  device: string;
  platform: Platform;
  permission: Permission;
  details: DeviceDetails;
  /** Web: the subscription, or null when the browser has none. */
  subscription: {
    endpoint: string;
    p256dh: string;
    auth: string;
    expiresAt: number | null;
  } | null;
  /** Web: the VAPID key the subscription was made with. */
  vapidKey: string | null;
  /** Apps: the APNs or FCM token. */
  token: string | null;
}

export type Checked<T> =
  | { ok: true; value: T }
  | { ok: false; field: string; message: string };

const fail = (field: string, message: string) => ({ ok: false, field, message }) as const;

function optionalString(value: unknown, max: number): string | null | undefined {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value !== "string" || value.length > max) return undefined;
  return value;
}

function checkDetails(value: unknown): Checked<DeviceDetails> {
  const input = value ?? {};
  if (!isRecord(input)) return fail("details", "must be an object");
  const extra = Object.keys(input).find(
    (key) => !["browser", "os", "deviceType", "userAgent"].includes(key),
  );
  if (extra) return fail(`details.${extra}`, "is not a device detail");
  const browser = optionalString(input.browser, 64);
  if (browser === undefined)
    return fail("details.browser", "must be text of at most 64 characters");
  const os = optionalString(input.os, 64);
  if (os === undefined)
    return fail("details.os", "must be text of at most 64 characters");
  const userAgent = optionalString(input.userAgent, 512);
  if (userAgent === undefined) {
    return fail("details.userAgent", "must be text of at most 512 characters");
  }
  const deviceType = input.deviceType ?? "unknown";
  if (!DEVICE_TYPES.includes(deviceType as DeviceType)) {
    return fail("details.deviceType", `must be one of ${DEVICE_TYPES.join(", ")}`);
  }
  return {
    ok: true,
    value: { browser, os, userAgent, deviceType: deviceType as DeviceType },
  };
}

export function checkSubscription(value: unknown): Checked<DeviceReport["subscription"]> {
  if (value === null || value === undefined) return { ok: true, value: null };
  if (!isRecord(value))
    return fail("subscription", "must be a PushSubscription's JSON or null");
  const problem = endpointProblem(value.endpoint);
  if (problem) return fail("subscription.endpoint", problem);
  const keys = value.keys;
  if (!isRecord(keys)) return fail("subscription.keys", "must hold p256dh and auth");
  const point = typeof keys.p256dh === "string" ? fromBase64Url(keys.p256dh) : null;
  if (!point || !isUncompressedPoint(point)) {
    return fail(
      "subscription.keys.p256dh",
      "must be an uncompressed P-256 public key in base64url",
    );
  }
  const auth = typeof keys.auth === "string" ? fromBase64Url(keys.auth) : null;
  if (auth?.byteLength !== 16) {
    return fail("subscription.keys.auth", "must be 16 bytes in base64url");
  }
  const expires = value.expirationTime ?? null;
  if (expires !== null && (typeof expires !== "number" || !Number.isFinite(expires))) {
    return fail("subscription.expirationTime", "must be epoch milliseconds or null");
  }
  return {
    ok: true,
    value: {
      endpoint: value.endpoint as string,
      p256dh: keys.p256dh as string,
      auth: keys.auth as string,
      expiresAt: expires,
    },
  };
}

function checkPermission(value: unknown): Checked<Permission> {
  if (!PERMISSIONS.includes(value as Permission)) {
    return fail("permission", `must be one of ${PERMISSIONS.join(", ")}`);
  }
  return { ok: true, value: value as Permission };
}

/** `POST /push/devices` from the storefront runtime. */
export function checkWebReport(body: unknown): Checked<DeviceReport> {
  if (!isRecord(body)) return fail("body", "must be an object");
  const extra = Object.keys(body).find(
    (key) =>
      !["device", "permission", "subscription", "vapidKey", "details"].includes(key),
  );
  if (extra) return fail(extra, "is not a field of a device report");
  if (!isId(body.device)) return fail("device", "must be the runtime's device id");
  const permission = checkPermission(body.permission);
  if (!permission.ok) return permission;
  const subscription = checkSubscription(body.subscription);
  if (!subscription.ok) return subscription;
  if (subscription.value && permission.value !== "granted") {
    return fail("subscription", "can only be reported with permission granted");
  }
  const vapidKey = optionalString(body.vapidKey, 100);
  if (vapidKey === undefined)
    return fail("vapidKey", "must be the site's VAPID public key");
  const details = checkDetails(body.details);
  if (!details.ok) return details;
  return {
    ok: true,
    value: {
      device: body.device,
      platform: "web",
      permission: permission.value,
      details: details.value,
      subscription: subscription.value,
      vapidKey: subscription.value ? vapidKey : null,
      token: null,
    },
  };
}

/** `PUT /admin/push/app-devices/:device` from a merchant's app backend. */
export function checkAppReport(
  device: string,
  body: unknown,
): Checked<DeviceReport & { customer: string | null }> {
  if (!isId(device))
    return fail("device", "must be 1 to 64 letters, digits, '_', '.', ':' or '-'");
  if (!isRecord(body)) return fail("body", "must be an object");
  const extra = Object.keys(body).find(
    (key) => !["platform", "token", "permission", "customer", "details"].includes(key),
  );
  if (extra) return fail(extra, "is not a field of an app device");
  if (body.platform !== "ios" && body.platform !== "android") {
    return fail("platform", "must be ios or android");
  }
  const token = optionalString(body.token, 4096);
  if (token === undefined)
    return fail("token", "must be the app's push token, at most 4096 characters");
  const permission = checkPermission(body.permission ?? (token ? "granted" : "default"));
  if (!permission.ok) return permission;
  const customer = optionalString(body.customer, 128);
  if (customer === undefined) return fail("customer", "must be 1 to 128 characters");
  const details = checkDetails(body.details);
  if (!details.ok) return details;
  return {
    ok: true,
    value: {
      device,
      platform: body.platform,
      permission: permission.value,
      details: details.value,
      subscription: null,
      vapidKey: null,
      token,
      customer,
    },
  };
}

/** `POST /push/subscription-change` from the service worker. */
export function checkSubscriptionChange(body: unknown): Checked<{
  previousEndpoint: string;
  subscription: NonNullable<DeviceReport["subscription"]>;
  vapidKey: string | null;
}> {
  if (!isRecord(body)) return fail("body", "must be an object");
  const extra = Object.keys(body).find(
    (key) => !["previousEndpoint", "subscription", "vapidKey"].includes(key),
  );
  if (extra) return fail(extra, "is not a field of a subscription change");
  const problem = endpointProblem(body.previousEndpoint);
  if (problem) return fail("previousEndpoint", problem);
  const subscription = checkSubscription(body.subscription);
  if (!subscription.ok) return subscription;
  if (!subscription.value) return fail("subscription", "must be the new subscription");
  const vapidKey = optionalString(body.vapidKey, 100);
  if (vapidKey === undefined)
    return fail("vapidKey", "must be the site's VAPID public key");
  return {
    ok: true,
    value: {
      previousEndpoint: body.previousEndpoint as string,
      subscription: subscription.value,
      vapidKey,
    },
  };
}
