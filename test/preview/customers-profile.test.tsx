import { afterEach, describe, expect, it, vi } from "vitest";
import type { CustomerPush, Device, Profile } from "../../preview/src/customers/types";
import { closeEditor, openEditor } from "./editor-page";
import { fakeAdmin, KEY, SITE } from "./fake-admin";

const NOW = Date.UTC(2026, 11, 4, 12);

function device(id: string, overrides: Partial<Device>): Device {
  return {
    id,
    customer: "c-42",
    platform: "web",
    kind: "web",
    firstSeen: NOW - 86_400_000,
    lastSeen: NOW,
    recentActions: 3,
    permission: "granted",
    subscribed: true,
    pushService: "fcm.googleapis.com",
    expiresAt: null,
    browser: "Chrome",
    os: "Android",
    deviceType: "mobile",
    userAgent: "Mozilla/5.0 (Linux; Android 14) <b>bold</b>",
    pushable: true,
    reason: null,
    unreachable: null,
    ...overrides,
  };
}

const PROFILE: Profile = {
  id: "c-42",
  firstSeen: NOW - 86_400_000,
  lastSeen: NOW,
  identifiers: [
    { type: "customer", value: "c-42" },
    { type: "device", value: "d-phone-web" },
    { type: "device", value: "d-laptop" },
    { type: "device", value: "d-ios" },
    { type: "card", value: "GB-0001" },
  ],
  devices: [
    device("d-phone-web", {}),
    device("d-laptop", {
      browser: "Firefox",
      os: "Linux",
      deviceType: "desktop",
      permission: "denied",
      pushable: false,
      reason: "denied",
      subscribed: false,
      pushService: null,
    }),
    device("d-ios", {
      platform: "ios",
      kind: "mobile",
      os: "iOS 18",
      pushable: false,
      reason: "rejected",
      unreachable: { reason: "the push service answered 410", at: NOW },
    }),
  ],
  lastWebDevice: device("d-phone-web", {}),
  cards: [
    {
      number: "GB-0001",
      customer: "c-42",
      status: "active",
      balance: "12.50",
      level: "Gold",
      fields: { loyalty_level: "gold", newsletter: true },
      updatedAt: NOW,
    },
  ],
  cardFields: [
    {
      name: "loyalty_level",
      type: "choice",
      required: true,
      choices: ["silver", "gold"],
    },
    { name: "newsletter", type: "boolean", required: false, choices: null },
  ],
  recentActions: [
    {
      id: "a1",
      operation: "ViewProduct",
      at: NOW,
      device: "d-laptop",
      data: { product: "milk" },
    },
  ],
  pushes: [],
  segments: [],
};

/** fakeAdmin plus the customer routes, answering PROFILE for c-42. */
function customersAdmin(push: CustomerPush | { status: number; error: string }) {
  const base = fakeAdmin();
  const calls: string[] = [];
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { "Content-Type": "application/json" },
    });
  const request = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), "http://editor.test");
    const path = url.pathname.replace(`/v1/sites/${SITE}/admin`, "");
    const auth = new Headers(init.headers).get("authorization");
    if (!path.startsWith("/customers") || auth !== `Bearer ${KEY}`) {
      return base.request(input, init);
    }
    calls.push(`${init.method ?? "GET"} ${path}${url.search}`);
    if (path === "/customers") {
      const q = url.searchParams.get("q") ?? "";
      return json({
        customers: "c-42".includes(q)
          ? [{ id: "c-42", firstSeen: NOW, lastSeen: NOW }]
          : [],
      });
    }
    if (path === "/customers/c-42") return json(PROFILE);
    if (path === "/customers/c-42/push/test" && init.method === "POST") {
      return "error" in push
        ? json(
            { error: { code: "no_reachable_device", message: push.error, field: "id" } },
            push.status,
          )
        : json(push);
    }
    return json(
      { error: { code: "not_found", message: 'Customer "x" does not exist.' } },
      404,
    );
  }) as typeof fetch;
  return { request, calls };
}

const text = (selector: string) =>
  [...document.querySelectorAll(selector)].map((each) => each.textContent?.trim());

describe("the customer profile", () => {
  afterEach(closeEditor);

  it("finds a customer by id and shows devices with green and red dots and reasons", async () => {
    const admin = customersAdmin({
      customer: "c-42",
      devices: 3,
      reachable: 1,
      sends: [],
    });
    openEditor(admin.request, { path: "/editor/customers" });
    const input = await vi.waitFor(() => {
      const found = document.querySelector<HTMLInputElement>("#customer-query");
      if (!found) throw new Error("no search");
      return found;
    });
    input.value = "42";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    const result = await vi.waitFor(() => {
      const found = document.querySelector<HTMLButtonElement>(".customer-results button");
      if (!found) throw new Error("no result");
      return found;
    });
    result.click();

    await vi.waitFor(() =>
      expect(document.querySelector("h1")?.textContent).toBe("Customer c-42"),
    );
    expect(location.pathname).toBe("/editor/customers/c/c-42");
    expect(text(".device-list .push-state")).toEqual([
      "Push can be sent",
      "Notifications refused",
      "Rejected by the push service",
    ]);
    expect(
      [...document.querySelectorAll(".device-list .push-state")].map(
        (dot) => dot.className,
      ),
    ).toEqual(["push-state ok", "push-state no", "push-state no"]);
    expect(document.querySelector(".last-web")?.textContent).toBe(
      "Last web device: d-phone-web (Chrome on Android), permission granted.",
    );
    // Web and mobile apart, with technical details; the user agent as text.
    expect(text(".web-devices tbody td:first-child")).toEqual([
      "d-phone-web",
      "d-laptop",
    ]);
    expect(text(".mobile-devices tbody td:first-child")).toEqual(["d-ios"]);
    expect(document.querySelector(".web-devices .user-agent")?.textContent).toContain(
      "<b>bold</b>",
    );
    expect(document.querySelector(".web-devices b")).toBeNull();
    // Cards with the site's custom fields.
    expect(text(".card-table thead th")).toEqual([
      "Card number",
      "Status",
      "Balance",
      "Level",
      "loyalty_level *",
      "newsletter",
    ]);
    expect(text(".card-table tbody td")).toEqual([
      "GB-0001",
      "active",
      "12.50",
      "Gold",
      "gold",
      "Yes",
    ]);
    expect(text(".action-table td:nth-child(2)")).toEqual(["ViewProduct"]);
  });

  it("sends a test push and says which devices were chosen and why", async () => {
    const admin = customersAdmin({
      customer: "c-42",
      devices: 3,
      reachable: 1,
      sends: [
        {
          device: "d-phone-web",
          platform: "web",
          rank: 1,
          reason: "most used reachable device #1 of 1",
          outcome: "delivered",
          status: 201,
        },
      ],
    });
    openEditor(admin.request, { path: "/editor/customers/c/c-42" });
    const send = await vi.waitFor(() => {
      const found = [...document.querySelectorAll("button")].find(
        (each) => each.textContent === "Send test push",
      );
      if (!found) throw new Error("no button");
      return found;
    });
    send.click();
    await vi.waitFor(() =>
      expect(document.querySelector(".push-results")?.textContent).toBe(
        "d-phone-web: Accepted by the push service (201) — most used reachable device #1 of 1",
      ),
    );
    expect(admin.calls).toContain("POST /customers/c-42/push/test");
  });

  it("says why when no device can receive a push", async () => {
    const admin = customersAdmin({
      status: 409,
      error: 'None of the 3 devices of customer "c-42" can receive a push.',
    });
    openEditor(admin.request, { path: "/editor/customers/c/c-42" });
    const send = await vi.waitFor(() => {
      const found = [...document.querySelectorAll("button")].find(
        (each) => each.textContent === "Send test push",
      );
      if (!found) throw new Error("no button");
      return found;
    });
    send.click();
    await vi.waitFor(() =>
      expect(document.querySelector(".test-push [role=alert]")?.textContent).toContain(
        "None of the 3 devices",
      ),
    );
  });

  it("says so for an unknown customer", async () => {
    const admin = customersAdmin({ customer: "x", devices: 0, reachable: 0, sends: [] });
    openEditor(admin.request, { path: "/editor/customers/c/nobody" });
    await vi.waitFor(() =>
      expect(document.querySelector("[role=alert]")?.textContent).toContain(
        'No customer "nobody"',
      ),
    );
  });
});
