import type { JSX } from "preact";
import { REASONS } from "./labels";
import type { Device } from "./types";

/** A green dot when a push can reach the device, red with the reason. */
export function PushDot({ device }: { device: Device }): JSX.Element {
  const text = device.pushable
    ? "Push can be sent"
    : REASONS[device.reason ?? "no_subscription"];
  return (
    <span class={`push-state ${device.pushable ? "ok" : "no"}`}>
      <span class="dot" aria-hidden="true" />
      {text}
    </span>
  );
}
