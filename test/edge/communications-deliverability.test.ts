import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { BASE, commsSite, DAY, event, postEvents } from "./communications-support";

async function statusOf(siteId: string, recipient: string) {
  return env.DB.prepare(
    "SELECT deliverable, reason, since FROM address_status WHERE site_id = ? AND recipient = ?",
  )
    .bind(siteId, recipient)
    .first<{ deliverable: number; reason: string | null; since: number | null }>();
}

const full = { status: 452, enhancedCode: "4.2.2", text: "Mailbox full" };

/** A soft bounce of a different delivery on each given day. */
function softBounces(recipient: string, days: number[]) {
  return days.map((day, index) =>
    event("bounced", BASE + day * DAY + 3_600_000, {
      customer: `soft-${index}`,
      recipient,
      bounce: { kind: "soft" },
      smtp: full,
    }),
  );
}

describe("address deliverability", () => {
  it("marks an address not deliverable from its first hard bounce, with the server's reason", async () => {
    const site = await commsSite("addr-hard");
    await postEvents(site, [
      event("bounced", BASE + 5000, {
        recipient: "Gone@Corp.example",
        bounce: { kind: "hard" },
        smtp: { status: 550, enhancedCode: "5.1.1", text: "User unknown" },
      }),
    ]);
    expect(await statusOf(site.id, "gone@corp.example")).toEqual({
      deliverable: 0,
      reason: "hard bounce: 550 5.1.1 User unknown",
      since: BASE + 5000,
    });
  });

  it("marks soft bounces on 3 distinct days within 7 days, from the third day's bounce", async () => {
    const site = await commsSite("addr-soft");
    await postEvents(site, softBounces("a@x.example", [0, 3, 6]));
    expect(await statusOf(site.id, "a@x.example")).toEqual({
      deliverable: 0,
      reason: "soft bounces on 3 days within 7: 452 4.2.2 Mailbox full",
      since: BASE + 6 * DAY + 3_600_000,
    });
  });

  it("keeps an address deliverable with 3 soft bounces on one day, or days spread over more than 7", async () => {
    const site = await commsSite("addr-soft-ok");
    await postEvents(site, softBounces("same-day@x.example", [1, 1, 1]));
    await postEvents(site, softBounces("spread@x.example", [0, 3, 7, 14]));
    expect(await statusOf(site.id, "same-day@x.example")).toMatchObject({
      deliverable: 1,
    });
    expect(await statusOf(site.id, "spread@x.example")).toMatchObject({
      deliverable: 1,
      reason: null,
    });
    // Days 7, 10 and 11 fall within 7 days: the bounce of day 11 decides.
    await postEvents(
      site,
      softBounces("spread@x.example", [10, 11]).map((each, index) => ({
        ...each,
        customer: `late-${index}`,
      })),
    );
    expect(await statusOf(site.id, "spread@x.example")).toMatchObject({
      deliverable: 0,
      since: BASE + 11 * DAY + 3_600_000,
    });
  });

  it("reaches the same verdict whatever order the bounces arrive in", async () => {
    const site = await commsSite("addr-order");
    const bounces = softBounces("late@x.example", [0, 2, 4, 20]);
    await postEvents(site, [bounces[3], bounces[1]]);
    expect(await statusOf(site.id, "late@x.example")).toMatchObject({ deliverable: 1 });
    await postEvents(site, [bounces[2], bounces[0]]);
    const inOrder = await commsSite("addr-in-order");
    await postEvents(inOrder, softBounces("late@x.example", [0, 2, 4, 20]));
    expect(await statusOf(site.id, "late@x.example")).toEqual(
      await statusOf(inOrder.id, "late@x.example"),
    );
    expect(await statusOf(site.id, "late@x.example")).toMatchObject({
      deliverable: 0,
      since: BASE + 4 * DAY + 3_600_000,
    });
  });

  it("takes whichever came first when an address has both a hard bounce and soft ones", async () => {
    const site = await commsSite("addr-both");
    await postEvents(site, [
      ...softBounces("both@x.example", [0, 1, 2]),
      event("bounced", BASE + 9 * DAY, {
        customer: "hard",
        recipient: "both@x.example",
        bounce: { kind: "hard" },
      }),
    ]);
    expect(await statusOf(site.id, "both@x.example")).toMatchObject({
      deliverable: 0,
      since: BASE + 2 * DAY + 3_600_000,
    });
  });
});
