import type { Operation } from "../../edge/contract";
import { randomId } from "./random-id";
import type { Sender } from "./sender";

/** Options of `vitrine('track', operation, data, options)`. */
export interface TrackOptions {
  /** Your own id for the action (say, the order number), so that sending
   * it again, from a reload or a retry, is stored once. */
  id?: string;
  /** Customer id for this action only; `identify` sets it for all. */
  customer?: string;
}

export interface Tracker {
  track(
    operation: Operation,
    data: Record<string, unknown>,
    options?: TrackOptions,
  ): void;
  identify(customer: string): void;
}

/** Turns calls into actions: id, time, device and customer filled in. */
export function createTracker(device: string, sender: Sender): Tracker {
  let known: string | undefined;

  function track(
    operation: Operation,
    data: Record<string, unknown>,
    options: TrackOptions = {},
  ): void {
    const customer = options.customer ?? known;
    sender.add({
      id: options.id ?? randomId(),
      operation,
      at: Date.now(),
      device,
      ...(customer && { customer }),
      data,
    });
  }

  return {
    track,
    identify(customer) {
      known = customer;
      track("AuthorizeCustomer", {});
    },
  };
}
