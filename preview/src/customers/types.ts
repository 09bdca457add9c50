/** The admin API's customer profile (edge/customers/profile.ts). */

export type UnpushableReason =
  | "unsupported"
  | "denied"
  | "not_asked"
  | "no_subscription"
  | "expired"
  | "rejected";

export interface Device {
  id: string;
  customer: string | null;
  platform: "web" | "ios" | "android";
  kind: "web" | "mobile";
  firstSeen: number;
  lastSeen: number;
  recentActions: number;
  permission: string;
  subscribed: boolean;
  pushService: string | null;
  expiresAt: number | null;
  browser: string | null;
  os: string | null;
  deviceType: string | null;
  userAgent: string | null;
  pushable: boolean;
  reason: UnpushableReason | null;
  unreachable: { reason: string; at: number } | null;
}

export interface CardField {
  name: string;
  type: "text" | "number" | "date" | "boolean" | "choice";
  required: boolean;
  choices: string[] | null;
}

export interface Card {
  number: string;
  customer: string;
  status: "active" | "blocked" | "expired";
  balance: string | null;
  level: string | null;
  fields: Record<string, unknown>;
  updatedAt: number;
}

export interface Profile {
  id: string;
  firstSeen: number | null;
  lastSeen: number | null;
  identifiers: { type: "customer" | "device" | "card"; value: string }[];
  devices: Device[];
  lastWebDevice: Device | null;
  cards: Card[];
  cardFields: CardField[];
  recentActions: {
    id: string;
    operation: string;
    at: number;
    device: string | null;
    data: unknown;
  }[];
  pushes: {
    device: string;
    reason: string;
    outcome: string;
    status: number | null;
    sentAt: number;
  }[];
  /** The segments the customer is in now, as of their last recompute. */
  segments: { id: string; name: string; since: number }[];
}

export interface CustomerPush {
  customer: string;
  devices: number;
  reachable: number;
  sends: {
    device: string;
    platform: string;
    rank: number;
    reason: string;
    outcome: string;
    status: number | null;
  }[];
}
