import type { JSX } from "preact";
import { useCallback, useEffect, useState } from "preact/hooks";
import type { AdminApi } from "../api/admin-api";
import { CardsPanel } from "./CardsPanel";
import { DeviceTables } from "./DeviceTables";
import { platformName, REASONS, when } from "./labels";
import { PushDot } from "./PushDot";
import { TestPush } from "./TestPush";
import type { Profile } from "./types";

type Loaded =
  | { state: "loading" }
  | { state: "missing" }
  | { state: "failed"; message: string }
  | { state: "ready"; profile: Profile };

/** One customer: identifiers, devices and push, cards, recent actions. */
export function CustomerProfileView(props: {
  api: AdminApi;
  id: string;
  onBack(): void;
}): JSX.Element {
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });

  const load = useCallback(() => {
    props.api.request<Profile>(`/customers/${encodeURIComponent(props.id)}`).then(
      (profile) => setLoaded({ state: "ready", profile }),
      (error: { status?: number; message?: string }) =>
        setLoaded(
          error.status === 404
            ? { state: "missing" }
            : { state: "failed", message: error.message ?? String(error) },
        ),
    );
  }, [props.api, props.id]);
  useEffect(load, [load]);

  const back = (
    <button type="button" class="link" onClick={props.onBack}>
      ← All customers
    </button>
  );
  if (loaded.state === "loading") return <p role="status">Loading {props.id}…</p>;
  if (loaded.state === "missing") {
    return (
      <section class="customers">
        {back}
        <p class="problem" role="alert">
          No customer "{props.id}" on this site. Check the id, or search by part of it.
        </p>
      </section>
    );
  }
  if (loaded.state === "failed") {
    return (
      <section class="customers">
        {back}
        <p class="problem" role="alert">
          {loaded.message}
        </p>
      </section>
    );
  }

  const { profile } = loaded;
  const last = profile.lastWebDevice;
  return (
    <section class="customers customer-profile">
      {back}
      <h1>Customer {profile.id}</h1>
      <p class="hint">
        First seen {when(profile.firstSeen)} · last seen {when(profile.lastSeen)}
      </p>

      <h2>Identifiers</h2>
      <ul class="identifiers">
        {profile.identifiers.map((identifier) => (
          <li key={`${identifier.type}:${identifier.value}`}>
            {identifier.type} <code>{identifier.value}</code>
          </li>
        ))}
      </ul>

      <h2>Devices and push</h2>
      <p class="last-web">
        {last
          ? `Last web device: ${last.id} (${last.browser ?? "unknown browser"} on ${last.os ?? "unknown OS"}), permission ${last.permission}.`
          : "No web device yet."}
      </p>
      <ol class="device-list">
        {profile.devices.map((device) => (
          <li key={device.id}>
            <PushDot device={device} /> <code>{device.id}</code> ·{" "}
            {platformName(device.platform)} · {device.recentActions} actions in 30 days
            {device.unreachable && (
              <span class="hint"> · {device.unreachable.reason}</span>
            )}
          </li>
        ))}
      </ol>
      <TestPush api={props.api} customer={profile.id} onSent={load} />

      <h2>All devices</h2>
      <DeviceTables devices={profile.devices} />

      <h2>Discount cards</h2>
      <CardsPanel cards={profile.cards} fields={profile.cardFields} />

      <h2>Recent actions</h2>
      {profile.recentActions.length ? (
        <table class="action-table">
          <tbody>
            {profile.recentActions.map((action) => (
              <tr key={action.id}>
                <td>{when(action.at)}</td>
                <td>{action.operation}</td>
                <td>
                  <code>{action.device ?? "—"}</code>
                </td>
                <td class="data">{JSON.stringify(action.data)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="hint">No action recorded.</p>
      )}

      <h2>Pushes sent</h2>
      {profile.pushes.length ? (
        <ul class="push-history">
          {profile.pushes.map((push) => (
            <li key={`${push.device}:${push.sentAt}`}>
              {when(push.sentAt)} <code>{push.device}</code> {push.outcome} —{" "}
              {push.reason}
            </li>
          ))}
        </ul>
      ) : (
        <p class="hint">No push sent yet.</p>
      )}

      <h2>Segments</h2>
      <p class="hint">
        {profile.segments.length
          ? profile.segments.map((segment) => segment.name).join(", ")
          : "In no segment as of the last recompute (Segments section)."}
      </p>
      <p class="hint legend">Red reasons: {Object.values(REASONS).join(" · ")}.</p>
    </section>
  );
}
