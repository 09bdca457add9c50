/** The answers of /admin/communications/*, as the back office reads them
 * (edge/communications/dashboard.ts and participation.ts). */

export type RateId =
  | "deliveryRate"
  | "deferralRate"
  | "bounceRate"
  | "openRate"
  | "clickRate"
  | "unsubscribeRate"
  | "complaintRate";

export type Metric =
  | "sent"
  | "delivered"
  | "deferred"
  | "bounced"
  | "opened"
  | "clicked"
  | "unsubscribed"
  | "complained";

export interface RateValue {
  value: number | null;
  numerator: number;
  denominator: number;
  formula: string;
}

export interface RateInfo {
  id: RateId;
  label: string;
  formula: string;
  higherIsBetter: boolean;
}

export interface Falling {
  rate: RateId;
  current: number;
  previous: number;
  message?: string;
}

export interface Legend {
  period: { from: string; to: string; days: number; comparedFrom: string };
  rates: RateInfo[];
  counting: string;
  fallingRule: string;
}

export interface MetricsRow {
  id: string;
  counts: Record<Metric, number>;
  rates: Record<RateId, RateValue>;
  falling: Falling[];
}

export interface CampaignRow extends MetricsRow {
  name: string;
  channels: string[];
  messages: number;
  series: Record<RateId, (number | null)[]>;
}

export interface Overview extends Legend {
  days: string[];
  campaigns: CampaignRow[];
}

export interface MessageRow extends MetricsRow {
  campaign: string;
  channel: string;
  subject: string;
}

export interface CampaignDetail extends Legend {
  days: string[];
  campaign: CampaignRow;
  messages: MessageRow[];
}

export interface TimelineEvent {
  id: string;
  type: string;
  at: number;
  smtp: { status: number | null; enhancedCode: string | null; text: string | null };
  answer: string | null;
  bounceKind: string | null;
  url: string | null;
}

export interface Participation {
  customer: string;
  deliveries: {
    message: {
      id: string;
      subject: string | null;
      channel: string | null;
      campaign: string | null;
      campaignName: string | null;
    };
    recipient: string;
    address: { deliverable: boolean; reason: string | null; since: number | null };
    state: string;
    attempts: number;
    queuedAt: number | null;
    firstAttemptAt: number | null;
    deliveredAt: number | null;
    delayMs: number | null;
    events: TimelineEvent[];
    transcript: string;
  }[];
}

/** The chosen period; undefined ends mean the edge's default (7 days). */
export interface PeriodChoice {
  from?: string;
  to?: string;
}
