import type { Channel } from "./event";

export interface CampaignRow {
  id: string;
  name: string;
}

export interface MessageRow {
  id: string;
  campaign_id: string;
  channel: Channel;
  subject: string;
}

export async function listCampaigns(db: D1Database, siteId: string) {
  const [campaigns, messages] = await db.batch([
    db
      .prepare("SELECT id, name FROM campaigns WHERE site_id = ? ORDER BY id")
      .bind(siteId),
    db
      .prepare(
        "SELECT id, campaign_id, channel, subject FROM messages WHERE site_id = ? ORDER BY id",
      )
      .bind(siteId),
  ]);
  return {
    campaigns: (campaigns?.results ?? []) as CampaignRow[],
    messages: (messages?.results ?? []) as MessageRow[],
  };
}

export async function findCampaign(db: D1Database, siteId: string, id: string) {
  const [campaign, messages] = await db.batch([
    db
      .prepare("SELECT id, name FROM campaigns WHERE site_id = ? AND id = ?")
      .bind(siteId, id),
    db
      .prepare(
        `SELECT id, campaign_id, channel, subject FROM messages
         WHERE site_id = ? AND campaign_id = ? ORDER BY id`,
      )
      .bind(siteId, id),
  ]);
  const row = campaign?.results[0] as CampaignRow | undefined;
  return row
    ? { campaign: row, messages: (messages?.results ?? []) as MessageRow[] }
    : null;
}

/** Creates or renames a campaign; true when it was new. */
export async function saveCampaign(
  db: D1Database,
  siteId: string,
  campaign: CampaignRow,
  now: number,
): Promise<boolean> {
  const [existed] = await db.batch([
    db
      .prepare("SELECT count(*) AS n FROM campaigns WHERE site_id = ? AND id = ?")
      .bind(siteId, campaign.id),
    db
      .prepare(
        `INSERT INTO campaigns (site_id, id, name, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?4)
         ON CONFLICT (site_id, id) DO UPDATE SET
           name = excluded.name, updated_at = excluded.updated_at`,
      )
      .bind(siteId, campaign.id, campaign.name, now),
  ]);
  return ((existed?.results[0] as { n: number } | undefined)?.n ?? 0) === 0;
}

export type SaveMessageOutcome = "created" | "replaced" | "no_campaign";

/** Creates or replaces a message of an existing campaign, in one
 * transaction so the campaign cannot vanish between check and write. */
export async function saveMessage(
  db: D1Database,
  siteId: string,
  message: MessageRow,
  now: number,
): Promise<SaveMessageOutcome> {
  const [existed, written] = await db.batch([
    db
      .prepare("SELECT count(*) AS n FROM messages WHERE site_id = ? AND id = ?")
      .bind(siteId, message.id),
    db
      .prepare(
        `INSERT INTO messages (site_id, id, campaign_id, channel, subject, created_at,
           updated_at)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?6
         WHERE EXISTS (SELECT 1 FROM campaigns WHERE site_id = ?1 AND id = ?3)
         ON CONFLICT (site_id, id) DO UPDATE SET
           campaign_id = excluded.campaign_id, channel = excluded.channel,
           subject = excluded.subject, updated_at = excluded.updated_at`,
      )
      .bind(
        siteId,
        message.id,
        message.campaign_id,
        message.channel,
        message.subject,
        now,
      ),
  ]);
  if ((written?.meta.changes ?? 0) === 0) return "no_campaign";
  return ((existed?.results[0] as { n: number } | undefined)?.n ?? 0) === 0
    ? "created"
    : "replaced";
}
