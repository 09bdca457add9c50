import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import {
  CORPORATE_DOMAIN,
  DEFERRED_CUSTOMER,
  demoCommunicationsStatements,
} from "../../edge/seed/demo-communications";
import { adminJson } from "./communications-support";
import { createSite } from "./support";

const NOW = Date.now();

describe("the demo campaigns", () => {
  it("are the same for the same input and fit D1's statement limit", () => {
    const statements = demoCommunicationsStatements("demo", NOW);
    expect(statements).toEqual(demoCommunicationsStatements("demo", NOW));
    for (const sql of statements) {
      expect(new TextEncoder().encode(sql).length).toBeLessThan(100_000);
    }
  });

  it("load into D1 with a deferred corporate delivery, a falling newsletter and a full mailbox", async () => {
    const site = await createSite("comms-seed");
    await env.DB.batch(
      demoCommunicationsStatements(site.id, NOW).map((sql) => env.DB.prepare(sql)),
    );

    const timeline = await adminJson<{
      deliveries: {
        message: { id: string };
        recipient: string;
        attempts: number;
        state: string;
        events: { type: string; answer: string | null }[];
      }[];
    }>(site, "GET", `/communications/customers/${DEFERRED_CUSTOMER}`);
    const sale = timeline.deliveries.find((d) => d.message.id === "spring-sale-email");
    expect(sale).toMatchObject({
      recipient: `${DEFERRED_CUSTOMER}@${CORPORATE_DOMAIN}`,
      attempts: 2,
      state: "delivered",
    });
    expect(sale?.events.map((e) => [e.type, e.answer]).slice(0, 3)).toEqual([
      ["queued", null],
      ["deferred", "421 4.7.0 Try again later, closing connection"],
      ["delivered", "250 2.0.0 OK: queued"],
    ]);

    const overview = await adminJson<{
      campaigns: { id: string; falling: { rate: string; message?: string }[] }[];
    }>(site, "GET", "/communications/campaigns");
    expect(overview.campaigns.map((c) => c.id)).toEqual([
      "cart-reminder",
      "spring-sale",
      "weekly-newsletter",
    ]);
    const newsletter = overview.campaigns.find((c) => c.id === "weekly-newsletter");
    expect(newsletter?.falling).toContainEqual(
      expect.objectContaining({ rate: "openRate" }),
    );
    expect(overview.campaigns.find((c) => c.id === "cart-reminder")?.falling).toEqual([]);

    const full = await env.DB.prepare(
      "SELECT deliverable, reason FROM address_status WHERE site_id = ? AND recipient = ?",
    )
      .bind(site.id, "customer-0002@mail.example")
      .first();
    expect(full).toEqual({
      deliverable: 0,
      reason: "soft bounces on 3 days within 7: 452 4.2.2 Mailbox full",
    });
  });
});
