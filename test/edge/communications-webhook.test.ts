import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { BASE, commsSite, event, postEvents } from "./communications-support";
import { admin, call, countRows, createSite } from "./support";

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; field?: string } }).error;
}

describe("the delivery webhook's secret", () => {
  it("refuses a request without the secret, with the admin key, or with a wrong one", async () => {
    const site = await commsSite("wh-auth");
    const body = [event("queued", BASE)];

    const none = await postEvents({ ...site, secret: "" }, body, { Authorization: "" });
    expect(none.status).toBe(401);
    expect(await errorOf(none)).toMatchObject({ field: "authorization" });

    const adminKey = await postEvents({ ...site, secret: site.key }, body);
    expect(adminKey.status).toBe(401);
    const wrong = await postEvents({ ...site, secret: `${site.secret}x` }, body);
    expect(wrong.status).toBe(401);
    expect(
      await countRows(
        "SELECT count(*) AS n FROM delivery_events WHERE site_id = ?",
        site.id,
      ),
    ).toBe(0);

    expect((await postEvents(site, body)).status).toBe(200);
  });

  it("is per site: another site's secret opens nothing here", async () => {
    const one = await commsSite("wh-one");
    const other = await commsSite("wh-other");
    const response = await postEvents({ id: one.id, secret: other.secret }, [
      event("queued", BASE),
    ]);
    expect(response.status).toBe(401);
  });

  it("says how to create one when the site has none, and stores only its hash", async () => {
    const site = await createSite("wh-none");
    const response = await postEvents({ id: site.id, secret: "vt_wh_guess" }, [
      event("queued", BASE),
    ]);
    expect(response.status).toBe(401);
    expect(
      ((await response.json()) as { error: { message: string } }).error.message,
    ).toContain("/admin/communications/webhook-secret");

    const created = await admin(site.id, site.key, "/communications/webhook-secret", {
      method: "POST",
    });
    expect(created.status).toBe(201);
    const { secret } = (await created.json()) as { secret: string };
    expect(secret).toMatch(/^vt_wh_[A-Za-z0-9_-]{43}$/);
    const stored = await env.DB.prepare(
      "SELECT secret_hash FROM webhook_secrets WHERE site_id = ?",
    )
      .bind(site.id)
      .first<{ secret_hash: string }>();
    expect(stored?.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.secret_hash).not.toContain(secret);
  });

  it("stops accepting the old secret once rotated", async () => {
    const site = await commsSite("wh-rotate");
    const rotated = await admin(site.id, site.key, "/communications/webhook-secret", {
      method: "POST",
    });
    const { secret } = (await rotated.json()) as { secret: string };
    expect((await postEvents(site, [event("queued", BASE)])).status).toBe(401);
    expect((await postEvents({ ...site, secret }, [event("queued", BASE)])).status).toBe(
      200,
    );
  });

  it("can only be made with the site's admin key", async () => {
    await createSite("wh-admin");
    const response = await call(
      "/v1/sites/wh-admin/admin/communications/webhook-secret",
      {
        method: "POST",
      },
    );
    expect(response.status).toBe(401);
  });
});

describe("the delivery webhook's payload", () => {
  const cases: [string, unknown, string][] = [
    ["no events list", { event: [] }, "events"],
    ["an empty list", { events: [] }, "events"],
    ["an unknown type", { events: [event("read", BASE)] }, "events.0.type"],
    ["a time as text", { events: [event("sent", String(BASE))] }, "events.0.at"],
    [
      "a time in the future",
      { events: [event("sent", Date.now() + 3_600_000)] },
      "events.0.at",
    ],
    [
      "an unknown field",
      { events: [event("sent", BASE, { colour: "red" })] },
      "events.0.colour",
    ],
    [
      "a missing customer",
      { events: [event("sent", BASE, { customer: undefined })] },
      "events.0.customer",
    ],
    [
      "a recipient with a newline",
      { events: [event("sent", BASE, { recipient: "a@b\nc" })] },
      "events.0.recipient",
    ],
    [
      "an id with a space",
      { events: [event("sent", BASE, { id: "ev 1" })] },
      "events.0.id",
    ],
    [
      "a bad enhanced code",
      {
        events: [event("deferred", BASE, { smtp: { status: 421, enhancedCode: "4.7" } })],
      },
      "events.0.smtp.enhancedCode",
    ],
    [
      "an SMTP status out of range",
      { events: [event("deferred", BASE, { smtp: { status: 99 } })] },
      "events.0.smtp.status",
    ],
    [
      "an SMTP answer on an open",
      { events: [event("opened", BASE, { smtp: { status: 250 } })] },
      "events.0.smtp",
    ],
    [
      "a bounce without its kind",
      { events: [event("bounced", BASE)] },
      "events.0.bounce.kind",
    ],
    [
      "a bounce kind on a delivery",
      { events: [event("delivered", BASE, { bounce: { kind: "hard" } })] },
      "events.0.bounce",
    ],
    [
      "a javascript: link",
      { events: [event("clicked", BASE, { url: "javascript:alert(1)" })] },
      "events.0.url",
    ],
    [
      "the second event bad",
      { events: [event("sent", BASE), event("sent", BASE, { message: "no such id!" })] },
      "events.1.message",
    ],
  ];

  it.each(cases)(
    "refuses %s with a 400 naming the field, storing nothing",
    async (_, body, field) => {
      const site = await commsSite(
        `wh-bad-${field.replace(/[^a-z0-9]/gi, "")}-${Math.random().toString(36).slice(2, 8)}`,
      );
      const response = await call(`/v1/sites/${site.id}/webhooks/delivery`, {
        method: "POST",
        headers: {
          Authorization: `Bearer ${site.secret}`,
          "Content-Type": "application/json",
        },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(400);
      expect(await errorOf(response)).toMatchObject({ code: "invalid_event", field });
      expect(
        await countRows(
          "SELECT count(*) AS n FROM delivery_events WHERE site_id = ?",
          site.id,
        ),
      ).toBe(0);
    },
  );

  it("refuses more than 500 events, bodies that are not JSON and other content types", async () => {
    const site = await commsSite("wh-limits");
    const many = Array.from({ length: 501 }, () => event("sent", BASE));
    const tooMany = await postEvents(site, many);
    expect(tooMany.status).toBe(400);
    expect(await errorOf(tooMany)).toMatchObject({ field: "events" });

    const notJson = await call(`/v1/sites/${site.id}/webhooks/delivery`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${site.secret}`,
        "Content-Type": "application/json",
      },
      body: "{events:",
    });
    expect(notJson.status).toBe(400);
    expect(await errorOf(notJson)).toMatchObject({ code: "invalid_json" });

    const form = await postEvents(site, [event("sent", BASE)], {
      "Content-Type": "application/x-www-form-urlencoded",
    });
    expect(form.status).toBe(415);
  });

  it("refuses a batch naming a message the site does not have, at that event, and stores none of it", async () => {
    const site = await commsSite("wh-unknown");
    const response = await postEvents(site, [
      event("queued", BASE),
      event("queued", BASE, { message: "autumn-1" }),
    ]);
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error).toMatchObject({ code: "unknown_message", field: "events.1.message" });
    expect(
      await countRows(
        "SELECT count(*) AS n FROM delivery_events WHERE site_id = ?",
        site.id,
      ),
    ).toBe(0);
    expect(
      await countRows("SELECT count(*) AS n FROM deliveries WHERE site_id = ?", site.id),
    ).toBe(0);
  });

  it("knows only this site's messages", async () => {
    await commsSite("wh-mine");
    const other = await createSite("wh-theirs");
    const rotated = await admin(other.id, other.key, "/communications/webhook-secret", {
      method: "POST",
    });
    const { secret } = (await rotated.json()) as { secret: string };
    const response = await postEvents({ id: other.id, secret }, [event("queued", BASE)]);
    expect(await errorOf(response)).toMatchObject({
      code: "unknown_message",
      field: "events.0.message",
    });
  });
});

describe("duplicates", () => {
  it("stores an event id once, counts resends as duplicates, and derives the same record", async () => {
    const site = await commsSite("wh-dup");
    const events = [
      event("queued", BASE),
      event("delivered", BASE + 1000, {
        smtp: { status: 250, enhancedCode: "2.0.0", text: "OK" },
      }),
      event("opened", BASE + 60_000),
    ];
    const first = await postEvents(site, events);
    expect(await first.json()).toEqual({ stored: 3, duplicates: 0 });
    const row = async () =>
      (
        await env.DB.prepare("SELECT * FROM deliveries WHERE site_id = ?")
          .bind(site.id)
          .all()
      ).results;
    const counts = async () =>
      (
        await env.DB.prepare(
          "SELECT * FROM delivery_daily WHERE site_id = ? ORDER BY day",
        )
          .bind(site.id)
          .all()
      ).results;
    const before = [await row(), await counts()];

    // The whole batch again, and one event twice within a batch.
    const again = await postEvents(site, [...events, events[2]]);
    expect(await again.json()).toEqual({ stored: 0, duplicates: 4 });
    expect([await row(), await counts()]).toEqual(before);
    expect(
      await countRows(
        "SELECT count(*) AS n FROM delivery_events WHERE site_id = ?",
        site.id,
      ),
    ).toBe(3);
    expect(await counts()).toEqual([
      expect.objectContaining({ sent: 1, delivered: 1, opened: 1, clicked: 0 }),
    ]);
  });
});
