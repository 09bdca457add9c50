import type { JSX } from "preact";
import { platformName, when } from "./labels";
import { PushDot } from "./PushDot";
import type { Device } from "./types";

function WebTable({ devices }: { devices: Device[] }): JSX.Element {
  return (
    <table class="device-table web-devices">
      <thead>
        <tr>
          <th>Device</th>
          <th>Push</th>
          <th>Browser</th>
          <th>OS</th>
          <th>Type</th>
          <th>Permission</th>
          <th>Push service</th>
          <th>First seen</th>
          <th>Last seen</th>
          <th>User agent</th>
        </tr>
      </thead>
      <tbody>
        {devices.map((device) => (
          <tr key={device.id}>
            <td>
              <code>{device.id}</code>
            </td>
            <td>
              <PushDot device={device} />
            </td>
            <td>{device.browser ?? "—"}</td>
            <td>{device.os ?? "—"}</td>
            <td>{device.deviceType ?? "—"}</td>
            <td>{device.permission}</td>
            <td>{device.pushService ?? "—"}</td>
            <td>{when(device.firstSeen)}</td>
            <td>{when(device.lastSeen)}</td>
            <td class="user-agent">{device.userAgent ?? "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MobileTable({ devices }: { devices: Device[] }): JSX.Element {
  return (
    <table class="device-table mobile-devices">
      <thead>
        <tr>
          <th>Device</th>
          <th>Push</th>
          <th>App</th>
          <th>OS</th>
          <th>Permission</th>
          <th>First seen</th>
          <th>Last seen</th>
        </tr>
      </thead>
      <tbody>
        {devices.map((device) => (
          <tr key={device.id}>
            <td>
              <code>{device.id}</code>
            </td>
            <td>
              <PushDot device={device} />
            </td>
            <td>{platformName(device.platform)}</td>
            <td>{device.os ?? "—"}</td>
            <td>{device.permission}</td>
            <td>{when(device.firstSeen)}</td>
            <td>{when(device.lastSeen)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Every device with its technical details, web and mobile apart. */
export function DeviceTables({ devices }: { devices: Device[] }): JSX.Element {
  const web = devices.filter((device) => device.kind === "web");
  const mobile = devices.filter((device) => device.kind === "mobile");
  return (
    <div class="all-devices">
      <h3>Web ({web.length})</h3>
      {web.length ? <WebTable devices={web} /> : <p class="hint">No web device.</p>}
      <h3>Mobile apps ({mobile.length})</h3>
      {mobile.length ? (
        <MobileTable devices={mobile} />
      ) : (
        <p class="hint">No app device.</p>
      )}
    </div>
  );
}
