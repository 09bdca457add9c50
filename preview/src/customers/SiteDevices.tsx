import type { JSX } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { AdminApi } from "../api/admin-api";
import { DeviceTables } from "./DeviceTables";
import type { Device } from "./types";

/** The site's devices that reported a push state, web and mobile apart. */
export function SiteDevices(props: { api: AdminApi; onBack(): void }): JSX.Element {
  const [devices, setDevices] = useState<Device[]>();
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    Promise.all(
      (["web", "mobile"] as const).map((kind) =>
        props.api.request<{ devices: Device[] }>(`/devices?kind=${kind}&limit=100`),
      ),
    ).then(
      (answers) => setDevices(answers.flatMap((answer) => answer.devices)),
      (error: Error) => setProblem(error.message),
    );
  }, [props.api]);

  return (
    <section class="customers">
      <button type="button" class="link" onClick={props.onBack}>
        ← All customers
      </button>
      <h1>All devices</h1>
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      {devices ? (
        <DeviceTables devices={devices} />
      ) : (
        !problem && <p role="status">Loading…</p>
      )}
    </section>
  );
}
