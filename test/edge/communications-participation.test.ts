import { describe, expect, it } from "vitest";
import { adminJson, BASE, commsSite, event, postEvents } from "./communications-support";
import { admin } from "./support";

interface Participation {
  customer: string;
  deliveries: {
    message: { id: string; subject: string; campaign: string; campaignName: string };
    recipient: string;
    address: { deliverable: boolean; reason: string | null };
    state: string;
    attempts: number;
    delayMs: number | null;
    events: { type: string; at: number; answer: string | null; smtp: unknown }[];
    transcript: string;
  }[];
}

const later = { status: 421, enhancedCode: "4.7.0", text: "Try again later" };

describe("a customer's message participation", () => {
  it("shows every attempt with the server's answer, the attempts and the delay", async () => {
    const site = await commsSite("part-story");
    const who = { customer: "anna", recipient: "anna@corp.example" };
    await postEvents(site, [
      event("delivered", BASE + 40 * 60_000, {
        ...who,
        smtp: { status: 250, enhancedCode: "2.0.0", text: "OK" },
      }),
      event("queued", BASE, who),
      event("deferred", BASE + 1000, { ...who, smtp: later }),
      event("opened", BASE + 50 * 60_000, who),
      event("bounced", BASE + 5000, {
        ...who,
        message: "spring-2",
        recipient: "push-sub-1",
        bounce: { kind: "hard" },
        smtp: { text: "Subscription expired" },
      }),
      event("queued", BASE, { customer: "bob", recipient: "bob@x.example" }),
    ]);

    const answer = await adminJson<Participation>(
      site,
      "GET",
      "/communications/customers/anna",
    );
    expect(answer.customer).toBe("anna");
    // Newest first: the push went out 5 s after the email was queued.
    const [push, email] = answer.deliveries;
    expect(answer.deliveries).toHaveLength(2);
    expect(email).toMatchObject({
      message: {
        id: "spring-1",
        subject: "Spring is here",
        campaign: "spring",
        campaignName: "Spring",
      },
      recipient: "anna@corp.example",
      address: { deliverable: true, reason: null },
      state: "delivered",
      attempts: 2,
      delayMs: 40 * 60_000,
    });
    expect(email?.events.map((each) => [each.type, each.at - BASE, each.answer])).toEqual(
      [
        ["queued", 0, null],
        ["deferred", 1000, "421 4.7.0 Try again later"],
        ["delivered", 40 * 60_000, "250 2.0.0 OK"],
        ["opened", 50 * 60_000, null],
      ],
    );
    expect(email?.events[1]?.smtp).toEqual(later);
    expect(email?.transcript).toBe(
      [
        'Message "Spring is here" (spring-1) to anna@corp.example',
        `${new Date(BASE).toISOString()} queued`,
        `${new Date(BASE + 1000).toISOString()} deferred 421 4.7.0 Try again later`,
        `${new Date(BASE + 40 * 60_000).toISOString()} delivered 250 2.0.0 OK`,
        `${new Date(BASE + 50 * 60_000).toISOString()} opened`,
        "Attempts: 2; delivered 40 min after it was queued",
      ].join("\n"),
    );
    expect(push).toMatchObject({
      state: "bounced",
      attempts: 1,
      delayMs: null,
      address: { deliverable: false, reason: "hard bounce: Subscription expired" },
    });
  });

  it("answers an empty timeline for a customer without messages, and checks limit", async () => {
    const site = await commsSite("part-empty");
    expect(
      await adminJson<Participation>(site, "GET", "/communications/customers/nobody"),
    ).toEqual({ customer: "nobody", deliveries: [] });
    const response = await admin(
      site.id,
      site.key,
      "/communications/customers/x?limit=0",
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { field: string } }).error.field).toBe(
      "limit",
    );
  });
});

describe("campaigns and messages", () => {
  it("creates (201) and replaces (200), and refuses a message of an unknown campaign", async () => {
    const site = await commsSite("part-catalog");
    const put = (path: string, body: unknown) =>
      admin(site.id, site.key, path, { method: "PUT", body: JSON.stringify(body) });
    expect(
      (await put("/communications/campaigns/autumn", { name: "Autumn" })).status,
    ).toBe(201);
    expect((await put("/communications/campaigns/autumn", { name: "Fall" })).status).toBe(
      200,
    );
    const orphan = await put("/communications/messages/x-1", {
      campaign: "winter",
      channel: "email",
      subject: "Hi",
    });
    expect(orphan.status).toBe(400);
    expect(await orphan.json()).toMatchObject({
      error: { code: "unknown_campaign", field: "campaign" },
    });
    const badChannel = await put("/communications/messages/x-1", {
      campaign: "autumn",
      channel: "sms",
      subject: "Hi",
    });
    expect(((await badChannel.json()) as { error: { field: string } }).error.field).toBe(
      "channel",
    );
    expect(
      (
        await put("/communications/messages/x-1", {
          campaign: "autumn",
          channel: "mobilepush",
          subject: "Hi",
        })
      ).status,
    ).toBe(201);
  });
});
