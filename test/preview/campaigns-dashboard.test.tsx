import { afterEach, describe, expect, it, vi } from "vitest";
import type {
  CampaignDetail,
  CampaignRow,
  Overview,
  Participation,
  RateId,
  RateValue,
} from "../../preview/src/campaigns/types";
import { button, closeEditor, openEditor, type } from "./editor-page";
import { KEY, SITE } from "./fake-admin";

const FORMULAS: Record<RateId, [string, string]> = {
  deliveryRate: ["Delivery rate", "delivered ÷ sent"],
  deferralRate: ["Deferral rate", "deferred ÷ sent"],
  bounceRate: ["Bounce rate", "bounced ÷ sent"],
  openRate: ["Open rate", "unique opens ÷ delivered"],
  clickRate: ["Click rate", "unique clicks ÷ delivered"],
  unsubscribeRate: ["Unsubscribe rate", "unsubscribed ÷ delivered"],
  complaintRate: ["Complaint rate", "complaints ÷ delivered"],
};

function rates(opened: number, delivered: number): Record<RateId, RateValue> {
  const rate = (n: number, d: number, formula: string): RateValue => ({
    value: d === 0 ? null : n / d,
    numerator: n,
    denominator: d,
    formula,
  });
  return Object.fromEntries(
    Object.entries(FORMULAS).map(([id, [, formula]]) => [
      id,
      id === "openRate" ? rate(opened, delivered, formula) : rate(0, delivered, formula),
    ]),
  ) as Record<RateId, RateValue>;
}

function campaign(
  id: string,
  name: string,
  opened: number,
  delivered: number,
): CampaignRow {
  return {
    id,
    name,
    channels: ["email"],
    messages: 1,
    counts: {
      sent: delivered,
      delivered,
      deferred: 0,
      bounced: 0,
      opened,
      clicked: 0,
      unsubscribed: 0,
      complained: 0,
    },
    rates: rates(opened, delivered),
    falling: [],
    series: Object.fromEntries(
      Object.keys(FORMULAS).map((id) => [id, [0.4, null, opened / delivered]]),
    ) as CampaignRow["series"],
  };
}

const legend = {
  period: { from: "2026-04-14", to: "2026-04-20", days: 7, comparedFrom: "2026-03-17" },
  rates: Object.entries(FORMULAS).map(([id, [label, formula]]) => ({
    id: id as RateId,
    label,
    formula,
    higherIsBetter: true,
  })),
  counting: "Counts of deliveries.",
  fallingRule: "Falling below half.",
};

const newsletter: CampaignRow = {
  ...campaign("newsletter", "Weekly newsletter", 9, 100),
  falling: [{ rate: "openRate", current: 0.09, previous: 0.38 }],
};
const overview: Overview = {
  ...legend,
  days: ["2026-04-18", "2026-04-19", "2026-04-20"],
  campaigns: [
    campaign("sale", "Spring sale", 60, 100),
    newsletter,
    campaign("cart", "<img src=x onerror=alert(1)> Cart", 30, 100),
  ],
};
const detail: CampaignDetail = {
  ...legend,
  days: overview.days,
  campaign: newsletter,
  messages: [
    {
      id: "newsletter-w6",
      campaign: "newsletter",
      channel: "email",
      subject: "This week (6)",
      counts: newsletter.counts,
      rates: newsletter.rates,
      falling: [],
    },
  ],
};
const participation: Participation = {
  customer: "anna",
  deliveries: [
    {
      message: {
        id: "sale-email",
        subject: "Spring sale",
        channel: "email",
        campaign: "sale",
        campaignName: "Spring sale",
      },
      recipient: "anna@corp.example",
      address: { deliverable: true, reason: null, since: null },
      state: "delivered",
      attempts: 2,
      queuedAt: 0,
      firstAttemptAt: 2000,
      deliveredAt: 1_800_000,
      delayMs: 1_800_000,
      events: [
        {
          id: "e1",
          type: "deferred",
          at: Date.UTC(2026, 3, 20, 9, 0, 2),
          smtp: { status: 421, enhancedCode: "4.7.0", text: "Try again later" },
          answer: "421 4.7.0 Try again later",
          bounceKind: null,
          url: null,
        },
        {
          id: "e2",
          type: "delivered",
          at: Date.UTC(2026, 3, 20, 9, 30, 0),
          smtp: { status: 250, enhancedCode: "2.0.0", text: "OK" },
          answer: "250 2.0.0 OK",
          bounceKind: null,
          url: null,
        },
      ],
      transcript: "Message to anna@corp.example\n… deferred 421 4.7.0 Try again later",
    },
  ],
};

/** The admin API's communications routes, in memory; records each path. */
function fakeCommunications() {
  const paths: string[] = [];
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { "Content-Type": "application/json" },
    });
  const request = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), "http://editor.test");
    const path = url.pathname.replace(`/v1/sites/${SITE}/admin`, "");
    paths.push(`${path}${url.search}`);
    if (new Headers(init.headers).get("authorization") !== `Bearer ${KEY}`) {
      return json({ error: { code: "unauthorized", message: "No." } }, 401);
    }
    if (path === "/settings") {
      return json({ id: SITE, name: "Green Basket", locale: "en-US", currency: "USD" });
    }
    if (path === "/communications/campaigns") return json(overview);
    if (path === "/communications/campaigns/newsletter") return json(detail);
    if (path === "/communications/customers/anna") return json(participation);
    return json({ error: { code: "not_found", message: "No such route." } }, 404);
  };
  return { request: request as typeof fetch, paths };
}

function campaignRows(): string[] {
  return [...document.querySelectorAll("tbody tr")].map(
    (row) => row.getAttribute("data-campaign") ?? "",
  );
}

describe("the campaigns dashboard", () => {
  afterEach(closeEditor);

  it("lists the campaigns with each rate's formula on screen, sortable by any column", async () => {
    const api = fakeCommunications();
    openEditor(api.request, { path: "/editor/campaigns" });
    await vi.waitFor(() =>
      expect(campaignRows()).toEqual(["cart", "sale", "newsletter"]),
    );

    const headings = [...document.querySelectorAll("thead th")].map(
      (th) => th.textContent,
    );
    expect(headings).toContain("Open rate= unique opens ÷ delivered");
    expect(headings).toContain("Delivery rate= delivered ÷ sent");
    expect(document.querySelectorAll("svg.sparkline").length).toBe(3 * 7);

    button("Open rate").click();
    await vi.waitFor(() =>
      expect(campaignRows()).toEqual(["sale", "cart", "newsletter"]),
    );
    expect(document.querySelector('th[aria-sort="descending"]')?.textContent).toContain(
      "Open rate",
    );
    button("Open rate ↓").click();
    await vi.waitFor(() =>
      expect(campaignRows()).toEqual(["newsletter", "cart", "sale"]),
    );
  });

  it("shows untrusted names as text", async () => {
    const api = fakeCommunications();
    openEditor(api.request, { path: "/editor/campaigns" });
    await vi.waitFor(() => expect(campaignRows()).toHaveLength(3));
    expect(document.querySelector("tbody img")).toBeNull();
    expect(document.querySelector('[data-campaign="cart"] a')?.textContent).toBe(
      "<img src=x onerror=alert(1)> Cart",
    );
  });

  it("flags the falling campaign with a link to its messages", async () => {
    const api = fakeCommunications();
    openEditor(api.request, { path: "/editor/campaigns" });
    await vi.waitFor(() => expect(campaignRows()).toHaveLength(3));
    const flag = document.querySelector<HTMLAnchorElement>(
      '[data-campaign="newsletter"] .falling a',
    );
    expect(flag?.textContent).toBe("▼ Open rate falling: 9.00 %, was 38.0 %");
    expect(flag?.getAttribute("href")).toBe("/editor/campaigns/c/newsletter");
    flag?.click();
    await vi.waitFor(() =>
      expect(document.querySelector('[data-message="newsletter-w6"]')).not.toBeNull(),
    );
    expect(location.pathname).toBe("/editor/campaigns/c/newsletter");
    expect(api.paths).toContain("/communications/campaigns/newsletter");
  });

  it("asks for the chosen period", async () => {
    const api = fakeCommunications();
    openEditor(api.request, { path: "/editor/campaigns" });
    await vi.waitFor(() => expect(campaignRows()).toHaveLength(3));
    type(document.getElementById("period-from"), "2026-03-01");
    type(document.getElementById("period-to"), "2026-03-31");
    // happy-dom does not submit a form on a submit button's click.
    document.querySelector<HTMLFormElement>(".period-picker")?.requestSubmit();
    await vi.waitFor(() =>
      expect(api.paths).toContain(
        "/communications/campaigns?from=2026-03-01&to=2026-03-31",
      ),
    );
  });
});

describe("a customer's message participation", () => {
  afterEach(closeEditor);

  it("finds the customer, shows each attempt with the server's answer, and copies them", async () => {
    const api = fakeCommunications();
    openEditor(api.request, { path: "/editor/campaigns/customer" });
    await vi.waitFor(() =>
      expect(document.getElementById("participation-customer")).not.toBeNull(),
    );
    type(document.getElementById("participation-customer"), "anna");
    document.querySelector<HTMLFormElement>(".participation-search")?.requestSubmit();

    await vi.waitFor(() => expect(document.querySelector(".timeline")).not.toBeNull());
    expect(location.pathname).toBe("/editor/campaigns/customer/anna");

    const rows = [...document.querySelectorAll(".timeline tbody tr")].map((row) =>
      [...row.querySelectorAll("td")].map((cell) => cell.textContent),
    );
    expect(rows).toEqual([
      ["2026-04-20 09:00:02 UTC", "deferred", "421 4.7.0 Try again later"],
      ["2026-04-20 09:30:00 UTC", "delivered", "250 2.0.0 OK"],
    ]);
    expect(document.querySelector(".delivery-summary")?.textContent).toContain(
      "delivered after 2 attempts · delivered 30 min after it was queued",
    );

    button("Copy the server's answers").click();
    await vi.waitFor(async () =>
      expect(await navigator.clipboard.readText()).toBe(
        participation.deliveries[0]?.transcript,
      ),
    );
    expect(document.querySelector(".copy [role=status]")?.textContent).toBe("Copied.");
  });
});
