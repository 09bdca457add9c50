import { describe, expect, it } from "vitest";
import {
  adminJson,
  BASE,
  BASE_DAY,
  commsSite,
  DAY,
  dateOfDay,
  event,
  postEvents,
  sendAll,
} from "./communications-support";
import { admin } from "./support";

interface Rate {
  value: number | null;
  numerator: number;
  denominator: number;
  formula: string;
}
interface Row {
  id: string;
  counts: Record<string, number>;
  rates: Record<string, Rate>;
  falling: { rate: string; current: number; previous: number; message?: string }[];
}
interface Overview {
  period: { from: string; to: string; days: number; comparedFrom: string };
  rates: { id: string; formula: string }[];
  days: string[];
  campaigns: (Row & { series: Record<string, (number | null)[]> })[];
}

const DAY1 = BASE + 10 * 3_600_000;

/** Ten deliveries of spring-1 on one day, with outcomes counted by hand:
 * sent 10 (every attempted one), delivered 8, deferred 3 (two of them
 * then delivered, one then bounced), bounced 2, unique opens 5 (c0 opens
 * twice; c4 clicks without an open), unique clicks 2, unsubscribed 1,
 * complained 1. */
function tenDeliveries() {
  const events: Record<string, unknown>[] = [];
  const at = (minutes: number) => DAY1 + minutes * 60_000;
  for (let n = 0; n < 10; n++) {
    const who = { customer: `c${n}`, recipient: `c${n}@x.example` };
    events.push(event("queued", at(0), who));
    if (n < 3) {
      events.push(
        event("deferred", at(1), {
          ...who,
          smtp: { status: 421, enhancedCode: "4.7.0" },
        }),
      );
    }
    if (n < 8) events.push(event("delivered", at(30), who));
    else
      events.push(
        event("bounced", at(30), { ...who, bounce: { kind: n === 8 ? "soft" : "hard" } }),
      );
  }
  const who = (n: number) => ({ customer: `c${n}`, recipient: `c${n}@x.example` });
  events.push(
    event("opened", at(60), who(0)),
    event("opened", at(90), who(0)),
    event("opened", at(60), who(1)),
    event("opened", at(60), who(2)),
    event("opened", at(60), who(3)),
    event("clicked", at(61), who(0)),
    event("clicked", at(70), who(4)),
    event("unsubscribed", at(80), who(1)),
    event("complained", at(80), who(2)),
  );
  return events;
}

describe("campaign metrics", () => {
  it("counts unique deliveries per kind and states each rate with its formula", async () => {
    const site = await commsSite("metrics-hand");
    expect((await postEvents(site, tenDeliveries())).status).toBe(200);
    const day = dateOfDay(BASE_DAY);

    const overview = await adminJson<Overview>(
      site,
      "GET",
      `/communications/campaigns?from=${day}&to=${day}`,
    );
    expect(overview.period).toEqual({
      from: day,
      to: day,
      days: 1,
      comparedFrom: dateOfDay(BASE_DAY - 4),
    });
    const [spring] = overview.campaigns;
    expect(spring?.counts).toEqual({
      sent: 10,
      delivered: 8,
      deferred: 3,
      bounced: 2,
      opened: 5,
      clicked: 2,
      unsubscribed: 1,
      complained: 1,
    });
    expect(spring?.rates).toEqual({
      deliveryRate: {
        value: 0.8,
        numerator: 8,
        denominator: 10,
        formula: "delivered ÷ sent",
      },
      deferralRate: {
        value: 0.3,
        numerator: 3,
        denominator: 10,
        formula: "deferred ÷ sent",
      },
      bounceRate: {
        value: 0.2,
        numerator: 2,
        denominator: 10,
        formula: "bounced ÷ sent",
      },
      openRate: {
        value: 0.625,
        numerator: 5,
        denominator: 8,
        formula: "unique opens ÷ delivered",
      },
      clickRate: {
        value: 0.25,
        numerator: 2,
        denominator: 8,
        formula: "unique clicks ÷ delivered",
      },
      unsubscribeRate: {
        value: 0.125,
        numerator: 1,
        denominator: 8,
        formula: "unsubscribed ÷ delivered",
      },
      complaintRate: {
        value: 0.125,
        numerator: 1,
        denominator: 8,
        formula: "complaints ÷ delivered",
      },
    });
    expect(spring?.series.openRate).toEqual([0.625]);
    expect(overview.rates.map((rate) => rate.formula)).toContain(
      "unique opens ÷ delivered",
    );

    // One message had it all; the other has nothing and no rates.
    const detail = await adminJson<{ messages: Row[] }>(
      site,
      "GET",
      `/communications/campaigns/spring?from=${day}&to=${day}`,
    );
    expect(detail.messages.map((message) => [message.id, message.counts.sent])).toEqual([
      ["spring-1", 10],
      ["spring-2", 0],
    ]);
    expect(detail.messages[1]?.rates.openRate?.value).toBeNull();
  });

  it("counts only the period's events, and gives a daily series", async () => {
    const site = await commsSite("metrics-period");
    await postEvents(site, tenDeliveries());
    // The opens of the next day belong to the next day.
    await postEvents(site, [
      event("opened", DAY1 + DAY, { customer: "c5", recipient: "c5@x.example" }),
    ]);
    const previous = dateOfDay(BASE_DAY - 1);
    const before = await adminJson<Overview>(
      site,
      "GET",
      `/communications/campaigns?from=${previous}&to=${previous}`,
    );
    expect(before.campaigns[0]?.counts.sent).toBe(0);
    // Three days around it hold both days' events, falling flags read
    // whole periods of three days.
    const around = await adminJson<Overview>(
      site,
      "GET",
      `/communications/campaigns?from=${previous}&to=${dateOfDay(BASE_DAY + 1)}`,
    );
    expect(around.campaigns[0]?.counts).toMatchObject({
      sent: 10,
      delivered: 8,
      opened: 6,
    });
    expect(around.campaigns[0]?.series.openRate).toEqual([null, 5 / 8, null]);

    const series = await adminJson<{
      days: {
        date: string;
        counts: Record<string, number>;
        rates: Record<string, Rate>;
      }[];
    }>(
      site,
      "GET",
      `/communications/campaigns/spring/series?from=${dateOfDay(BASE_DAY)}&to=${dateOfDay(BASE_DAY + 2)}`,
    );
    expect(series.days.map((d) => [d.date, d.counts.delivered, d.counts.opened])).toEqual(
      [
        [dateOfDay(BASE_DAY), 8, 5],
        [dateOfDay(BASE_DAY + 1), 0, 1],
        [dateOfDay(BASE_DAY + 2), 0, 0],
      ],
    );
    expect(series.days[1]?.rates.openRate?.value).toBeNull();
  });

  it("refuses a malformed period, naming from or to", async () => {
    const site = await commsSite("metrics-bad");
    for (const [query, field] of [
      ["from=2026-02-30", "from"],
      ["to=yesterday", "to"],
      ["from=2026-05-02&to=2026-05-01", "from"],
      ["from=2020-01-01&to=2026-01-01", "from"],
    ]) {
      const response = await admin(
        site.id,
        site.key,
        `/communications/campaigns?${query}`,
      );
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { field: string } }).error.field).toBe(
        field,
      );
    }
    const missing = await admin(site.id, site.key, "/communications/campaigns/autumn");
    expect(missing.status).toBe(404);
  });
});

/** `delivered` deliveries on `day`, `opened` of them opened. */
function dayOf(day: number, delivered: number, opened: number, prefix: string) {
  const at = BASE + day * DAY + 3_600_000;
  return Array.from({ length: delivered }, (_, n) => {
    const who = {
      customer: `${prefix}-${day}-${n}`,
      recipient: `${prefix}${n}@x.example`,
    };
    return [
      event("delivered", at, who),
      ...(n < opened ? [event("opened", at + 60_000, who)] : []),
    ];
  }).flat();
}

describe("the falling flag", () => {
  async function openRateWeek(id: string, currentOpens: number, currentDelivered = 60) {
    const site = await commsSite(id);
    // Four earlier days at 40 % (24 of 60), then the chosen day.
    for (const day of [0, 1, 2, 3]) await sendAll(site, dayOf(day, 60, 24, id));
    await sendAll(site, dayOf(4, currentDelivered, currentOpens, id));
    const day = dateOfDay(BASE_DAY + 4);
    const overview = await adminJson<Overview>(
      site,
      "GET",
      `/communications/campaigns?from=${day}&to=${day}`,
    );
    return overview.campaigns[0];
  }

  it("flags the campaign and its message when the open rate is under half its level", async () => {
    // 11 of 60 is 18.3 %, under half of 40 %.
    const spring = await openRateWeek("fall-yes", 11);
    expect(spring?.falling).toEqual([
      { rate: "openRate", current: 11 / 60, previous: 0.4 },
      { rate: "openRate", current: 11 / 60, previous: 0.4, message: "spring-1" },
    ]);
  });

  it("does not flag a rate at half its level or more", async () => {
    // 12 of 60 is exactly 20 %: half of 40 %, not under it.
    expect((await openRateWeek("fall-half", 12))?.falling).toEqual([]);
  });

  it("does not flag a fall measured on fewer than 50 deliveries", async () => {
    expect((await openRateWeek("fall-small", 0, 49))?.falling).toEqual([]);
  });
});
