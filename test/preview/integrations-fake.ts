import type { HealthRow, IntegrationRecord } from "../../preview/src/integrations/types";
import type { Retention, SegmentRecord } from "../../preview/src/segments/types";
import { KEY, SITE } from "./fake-admin";

export interface Call {
  method: string;
  path: string;
  body: unknown;
}

/**
 * The admin routes of the Integrations and Segments sections, in memory,
 * as a `fetch`. The edge's own behaviour is tested in workerd
 * (test/edge/integrations-*, segments-*) and end to end in Chromium; this
 * stands in for it so that the pages can be driven in happy-dom.
 */
export function fakeIntegrationsEdge(
  options: {
    integrations?: IntegrationRecord[];
    segments?: SegmentRecord[];
    retention?: Retention;
    /** Old history rows per segment, for the preview. */
    oldRows?: Record<string, number>;
  } = {},
) {
  const integrations = new Map(
    (options.integrations ?? []).map((each) => [each.id, each]),
  );
  const segments = [...(options.segments ?? [])];
  let retention: Retention = options.retention ?? { historyDays: null, exceptions: [] };
  const oldRows = options.oldRows ?? {};
  const calls: Call[] = [];
  let keys = 0;

  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { "Content-Type": "application/json" },
    });
  const error = (status: number, code: string, message: string, field?: string) =>
    json({ error: { code, message, field } }, status);
  const newKey = () => {
    keys += 1;
    return `vt_ik_fake-key-${keys}`;
  };

  async function request(input: RequestInfo | URL, init: RequestInit = {}) {
    const url = new URL(String(input), "http://editor.test");
    const method = init.method ?? "GET";
    const body: unknown = init.body ? JSON.parse(String(init.body)) : undefined;
    const prefix = `/v1/sites/${SITE}/admin`;
    const path = url.pathname.slice(prefix.length);
    calls.push({ method, path: `${path}${url.search}`, body });
    if (new Headers(init.headers).get("authorization") !== `Bearer ${KEY}`) {
      return error(401, "unauthorized", "Unknown key.");
    }

    if (path === "/integrations" && method === "GET") {
      return json({ integrations: [...integrations.values()] });
    }
    if (path === "/integrations" && method === "POST") {
      const input = body as {
        name: string;
        kind: IntegrationRecord["kind"];
        operations: string[];
      };
      if (input.operations.includes("Fly")) {
        return error(
          400,
          "invalid_integration",
          "operations.0 must be one of: Order.",
          "operations.0",
        );
      }
      const key = newKey();
      const created: IntegrationRecord = {
        id: `int_00000000000${integrations.size + 1}`,
        name: input.name,
        kind: input.kind,
        operations: input.operations as IntegrationRecord["operations"],
        keyHint: key.slice(-4),
        createdAt: 1,
        keyCreatedAt: 1,
        revokedAt: null,
      };
      integrations.set(created.id, created);
      return json({ integration: created, key }, 201);
    }
    const action = /^\/integrations\/([^/]+)\/(rotate|revoke)$/.exec(path);
    if (action && method === "POST") {
      const found = integrations.get(action[1] ?? "");
      if (!found) return error(404, "not_found", "No such integration.");
      if (action[2] === "revoke") {
        const revoked = { ...found, revokedAt: 2 };
        integrations.set(found.id, revoked);
        return json({ integration: revoked });
      }
      const key = newKey();
      const rotated = { ...found, keyHint: key.slice(-4), keyCreatedAt: 3 };
      integrations.set(found.id, rotated);
      return json({ integration: rotated, key });
    }
    if (path === "/integrations/monitoring/health") {
      const rows: HealthRow[] = [...integrations.values()].map((each, index) => ({
        integration: each.id,
        name: each.name,
        state: index === 0 ? "failing" : "healthy",
        lastHour: {
          calls: 4,
          errors: index === 0 ? 2 : 0,
          rejected: 1,
          errorRate: index === 0 ? 0.5 : 0,
        },
        lastDay: { calls: 10, errors: 2, errorRate: 0.2 },
        lastCallAt: 5,
      }));
      return json({ windowMinutes: 60, integrations: rows });
    }
    if (path === "/integrations/monitoring/records") {
      const status = url.searchParams.get("status");
      const all = [
        record(202, null),
        record(403, {
          code: "operation_not_allowed",
          message: "may not call CalculateCart",
        }),
      ];
      const records = all.filter((each) => status !== "error" || each.status >= 400);
      return json({ total: records.length, records, retentionDays: 30 });
    }
    if (path === "/integrations/monitoring/rejections") {
      return json({
        minutes: [{ minute: 60_000, operation: "ViewProduct", rejected: 1210 }],
      });
    }

    if (path === "/segments") return json({ segments });
    const put = /^\/segments\/([^/]+)$/.exec(path);
    if (put && method === "PUT" && put[1] !== "retention") {
      const input = body as { name: string; rule: SegmentRecord["rule"] };
      if ("orders" in input.rule && input.rule.orders > 1000) {
        return error(
          400,
          "invalid_segment",
          "rule.orders must be 1 to 1000.",
          "rule.orders",
        );
      }
      const saved = { ...segmentRecord(put[1] ?? "", input.name), rule: input.rule };
      segments.push(saved);
      return json(saved, 201);
    }
    const recompute = /^\/segments\/([^/]+)\/recompute$/.exec(path);
    if (recompute && method === "POST") {
      return json({ segment: recompute[1], entered: 3, exited: 1, members: 12 });
    }
    if (path === "/segments/retention" && method === "GET") return json(retention);
    if (path === "/segments/retention" && method === "PUT") {
      retention = body as Retention;
      return json(retention);
    }
    if (path === "/segments/retention/preview") {
      const days = url.searchParams.get("days") ?? "";
      const kept = (url.searchParams.get("exceptions") ?? "").split(",");
      const rows =
        days === ""
          ? 0
          : Object.entries(oldRows)
              .filter(([segment]) => !kept.includes(segment))
              .reduce((sum, [, count]) => sum + count, 0);
      return json({
        historyDays: days === "" ? null : Number(days),
        exceptions: kept,
        rows,
        cutoff: 0,
        maxRowsPerRun: 200_000,
      });
    }
    return error(404, "not_found", `No route ${method} ${path} in the fake.`);
  }

  function record(status: number, problem: { code: string; message: string } | null) {
    const [first] = integrations.keys();
    return {
      integration: first ?? "int_x",
      at: 1_000 + status,
      requestId: `req-${status}`,
      method: "POST",
      path: `/v1/sites/${SITE}/operations`,
      operations: ["Order"],
      status,
      durationMs: 12,
      error: problem,
      payload: '{"actions":[{"id":"a1","password":"***"}]}',
      payloadTruncated: false,
      headers: { authorization: "Bearer ***" },
    };
  }

  return {
    request: request as typeof fetch,
    calls,
    integrations,
    retention: () => retention,
  };
}

export function integrationRecord(
  id: string,
  name: string,
  operations: IntegrationRecord["operations"] = ["Order"],
): IntegrationRecord {
  return {
    id,
    name,
    kind: "backend_api",
    operations,
    keyHint: "abcd",
    createdAt: 1,
    keyCreatedAt: 1,
    revokedAt: null,
  };
}

export function segmentRecord(id: string, name: string): SegmentRecord {
  return {
    id,
    name,
    rule: { type: "bought_within_days", days: 7 },
    createdAt: 1,
    updatedAt: 1,
    computedAt: null,
    members: 10,
    historyKept: false,
  };
}
