import type { JSX } from "preact";
import { useEffect, useState } from "preact/hooks";
import { INTEGRATION_OPERATIONS } from "../../../edge/integrations/integration";
import type { IntegrationsApi } from "./integrations-api";
import { formatRate, formatTime, HEALTH_LABELS, HEALTH_RULE } from "./labels";
import type { CallRecord, HealthRow, RecordFilters, RejectionMinute } from "./types";

interface Props {
  api: IntegrationsApi;
  onBack(): void;
}

const LIMIT = 100;
const NO_FILTERS: RecordFilters = {
  integration: "",
  operation: "",
  status: "",
  from: "",
  to: "",
};

/** Integration monitoring: health and error rate per integration, the
 * call records with filters, and the ceiling's rejections per minute. */
export function MonitoringPage({ api, onBack }: Props): JSX.Element {
  const [health, setHealth] = useState<HealthRow[]>();
  const [rejections, setRejections] = useState<RejectionMinute[]>();
  const [filters, setFilters] = useState<RecordFilters>(NO_FILTERS);
  const [found, setFound] = useState<{ total: number; records: CallRecord[] }>();
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    let current = true;
    Promise.all([api.health(), api.rejections()]).then(
      ([rows, minutes]) => {
        if (!current) return;
        setHealth(rows);
        setRejections(minutes);
      },
      (error: unknown) => current && setProblem(messageOf(error)),
    );
    return () => {
      current = false;
    };
  }, [api]);

  useEffect(() => {
    let current = true;
    api.records(filters, LIMIT).then(
      (answer) => {
        if (!current) return;
        setFound(answer);
        setProblem(undefined);
      },
      (error: unknown) => current && setProblem(messageOf(error)),
    );
    return () => {
      current = false;
    };
  }, [api, filters]);

  const set =
    (name: keyof RecordFilters) => (event: { currentTarget: { value: string } }) =>
      setFilters((now) => ({ ...now, [name]: event.currentTarget.value }));
  const names = new Map((health ?? []).map((row) => [row.integration, row.name]));

  return (
    <main class="monitoring">
      <div class="list-header">
        <h1>Integration monitoring</h1>
        <button type="button" onClick={onBack}>
          Back to integrations
        </button>
      </div>
      <p class="problem" role="alert">
        {problem}
      </p>

      <section aria-labelledby="health-title">
        <h2 id="health-title">Health</h2>
        <p class="hint">{HEALTH_RULE}</p>
        {health === undefined ? (
          <p>Loading…</p>
        ) : health.length === 0 ? (
          <p>No integrations yet.</p>
        ) : (
          <table class="health">
            <thead>
              <tr>
                <th scope="col">Integration</th>
                <th scope="col">State</th>
                <th scope="col">Calls, last hour</th>
                <th scope="col">Error rate, last hour</th>
                <th scope="col">429, last hour</th>
                <th scope="col">Error rate, last day</th>
                <th scope="col">Last call</th>
              </tr>
            </thead>
            <tbody>
              {health.map((row) => (
                <tr key={row.integration}>
                  <th scope="row">{row.name}</th>
                  <td>
                    <span class={`health-state ${row.state}`}>
                      {HEALTH_LABELS[row.state]}
                    </span>
                  </td>
                  <td>{row.lastHour.calls}</td>
                  <td>{formatRate(row.lastHour.errorRate)}</td>
                  <td>{row.lastHour.rejected}</td>
                  <td>{formatRate(row.lastDay.errorRate)}</td>
                  <td>{formatTime(row.lastCallAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="records-title">
        <h2 id="records-title">Calls</h2>
        <form class="record-filters" onSubmit={(event) => event.preventDefault()}>
          <div class="field">
            <label for="filter-integration">Integration</label>
            <select
              id="filter-integration"
              value={filters.integration}
              onChange={set("integration")}
            >
              <option value="">All</option>
              {(health ?? []).map((row) => (
                <option key={row.integration} value={row.integration}>
                  {row.name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="filter-operation">Operation</label>
            <select
              id="filter-operation"
              value={filters.operation}
              onChange={set("operation")}
            >
              <option value="">All</option>
              {INTEGRATION_OPERATIONS.map((operation) => (
                <option key={operation} value={operation}>
                  {operation}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="filter-status">Status</label>
            <select id="filter-status" value={filters.status} onChange={set("status")}>
              <option value="">All</option>
              <option value="2xx">Succeeded (2xx)</option>
              <option value="error">Errors (400 and up)</option>
              <option value="4xx">Refused (4xx)</option>
              <option value="429">Over the ceiling (429)</option>
              <option value="5xx">Failed on our side (5xx)</option>
            </select>
          </div>
          <div class="field">
            <label for="filter-from">From</label>
            <input
              id="filter-from"
              type="datetime-local"
              value={filters.from}
              onChange={set("from")}
            />
          </div>
          <div class="field">
            <label for="filter-to">To</label>
            <input
              id="filter-to"
              type="datetime-local"
              value={filters.to}
              onChange={set("to")}
            />
          </div>
          <button type="button" onClick={() => setFilters(NO_FILTERS)}>
            Clear filters
          </button>
        </form>
        {found === undefined ? (
          <p>Loading the calls…</p>
        ) : (
          <>
            <p class="hint" role="status">
              {found.total === 0
                ? "No calls match. Records are kept 30 days."
                : `${found.total} calls match${found.total > found.records.length ? `; the newest ${found.records.length} are shown` : ""}. Records are kept 30 days.`}
            </p>
            {found.records.length > 0 && (
              <table class="records">
                <thead>
                  <tr>
                    <th scope="col">Time</th>
                    <th scope="col">Integration</th>
                    <th scope="col">Operations</th>
                    <th scope="col">Status</th>
                    <th scope="col">Duration</th>
                    <th scope="col">Request</th>
                  </tr>
                </thead>
                <tbody>
                  {found.records.map((record) => (
                    <tr key={`${record.requestId}-${record.at}`}>
                      <td>{formatTime(record.at)}</td>
                      <td>{names.get(record.integration) ?? record.integration}</td>
                      <td>{record.operations.join(", ") || "–"}</td>
                      <td class={record.status >= 400 ? "failed-status" : undefined}>
                        <strong>{record.status}</strong>
                        {record.error && (
                          <div class="record-error">
                            <code>{record.error.code}</code> {record.error.message}
                          </div>
                        )}
                      </td>
                      <td>{record.durationMs} ms</td>
                      <td>
                        <details>
                          <summary>
                            <code>{record.requestId}</code>
                          </summary>
                          <p class="hint">
                            {record.method} {record.path}
                            {record.payloadTruncated ? " · payload cut to 4 KB" : ""} ·
                            secrets masked
                          </p>
                          <pre class="payload">{record.payload}</pre>
                        </details>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="rejections-title">
        <h2 id="rejections-title">
          Requests over the ceiling, per minute (last 24 hours)
        </h2>
        <p class="hint">
          Counted by the ceiling itself for every caller of the site, integrations and
          shoppers' browsers alike; written once a minute has ended.
        </p>
        {rejections === undefined ? (
          <p>Loading…</p>
        ) : rejections.length === 0 ? (
          <p>None: no request was turned away.</p>
        ) : (
          <table class="rejections">
            <thead>
              <tr>
                <th scope="col">Minute</th>
                <th scope="col">Operation</th>
                <th scope="col">Turned away (429)</th>
              </tr>
            </thead>
            <tbody>
              {rejections.map((row) => (
                <tr key={`${row.minute}-${row.operation}`}>
                  <td>{formatTime(row.minute)}</td>
                  <td>{row.operation}</td>
                  <td>{row.rejected}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
