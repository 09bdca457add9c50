import type { Operation } from "../contract";
import {
  INTEGRATION_COLUMNS,
  type Integration,
  type IntegrationRow,
  integrationFromRow,
} from "./integration";
import { type NewKey, newIntegrationKey } from "./key";
import type { IntegrationInput } from "./validate";

/** A site may keep this many integrations, revoked ones included. */
export const MAX_INTEGRATIONS = 100;

export async function listIntegrations(
  db: D1Database,
  siteId: string,
): Promise<Integration[]> {
  const { results } = await db
    .prepare(
      `SELECT ${INTEGRATION_COLUMNS} FROM integrations WHERE site_id = ?
       ORDER BY revoked_at IS NOT NULL, created_at, id`,
    )
    .bind(siteId)
    .all<IntegrationRow>();
  return results.map(integrationFromRow);
}

export async function findIntegration(db: D1Database, siteId: string, id: string) {
  const row = await db
    .prepare(
      `SELECT ${INTEGRATION_COLUMNS} FROM integrations WHERE site_id = ? AND id = ?`,
    )
    .bind(siteId, id)
    .first<IntegrationRow>();
  return row ? integrationFromRow(row) : null;
}

/** The integration whose current key hashes to `hash`, revoked or not, of
 * any site: the caller tells those cases apart. */
export async function integrationByKeyHash(db: D1Database, hash: string) {
  const row = await db
    .prepare(`SELECT ${INTEGRATION_COLUMNS} FROM integrations WHERE secret_hash = ?`)
    .bind(hash)
    .first<IntegrationRow>();
  return row ? integrationFromRow(row) : null;
}

/** Creates an integration with a fresh key; `null` when the site has
 * MAX_INTEGRATIONS already. The count and the insert are one statement,
 * so two creations at once cannot both pass the limit. */
export async function createIntegration(
  db: D1Database,
  siteId: string,
  input: IntegrationInput,
  now: number,
): Promise<{ integration: Integration; key: string } | null> {
  const id = `int_${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const fresh = await newIntegrationKey();
  const result = await db
    .prepare(
      `INSERT INTO integrations
         (site_id, id, name, kind, operations, secret_hash, key_hint, created_at, key_created_at)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8
       WHERE (SELECT count(*) FROM integrations WHERE site_id = ?1) < ?9`,
    )
    .bind(
      siteId,
      id,
      input.name,
      input.kind,
      JSON.stringify(input.operations),
      fresh.hash,
      fresh.hint,
      now,
      MAX_INTEGRATIONS,
    )
    .run();
  if (result.meta.changes === 0) return null;
  const integration = await findIntegration(db, siteId, id);
  return integration && { integration, key: fresh.key };
}

export async function updateIntegration(
  db: D1Database,
  siteId: string,
  id: string,
  input: Partial<IntegrationInput>,
): Promise<Integration | null> {
  await db
    .prepare(
      `UPDATE integrations SET name = coalesce(?3, name), operations = coalesce(?4, operations)
       WHERE site_id = ?1 AND id = ?2`,
    )
    .bind(
      siteId,
      id,
      input.name ?? null,
      input.operations ? JSON.stringify(input.operations) : null,
    )
    .run();
  return findIntegration(db, siteId, id);
}

export type KeyChange =
  | { outcome: "rotated"; integration: Integration; key: string }
  | { outcome: "missing" }
  | { outcome: "revoked" };

/** Replaces the key; the old one stops working with this write. A revoked
 * integration keeps its revocation: rotating must not bring it back. */
export async function rotateIntegrationKey(
  db: D1Database,
  siteId: string,
  id: string,
  now: number,
): Promise<KeyChange> {
  const fresh: NewKey = await newIntegrationKey();
  const result = await db
    .prepare(
      `UPDATE integrations SET secret_hash = ?3, key_hint = ?4, key_created_at = ?5
       WHERE site_id = ?1 AND id = ?2 AND revoked_at IS NULL`,
    )
    .bind(siteId, id, fresh.hash, fresh.hint, now)
    .run();
  const integration = await findIntegration(db, siteId, id);
  if (!integration) return { outcome: "missing" };
  if (result.meta.changes === 0) return { outcome: "revoked" };
  return { outcome: "rotated", integration, key: fresh.key };
}

/** Revokes for good; revoking twice keeps the first time. */
export async function revokeIntegration(
  db: D1Database,
  siteId: string,
  id: string,
  now: number,
): Promise<Integration | null> {
  await db
    .prepare(
      `UPDATE integrations SET revoked_at = coalesce(revoked_at, ?3)
       WHERE site_id = ?1 AND id = ?2`,
    )
    .bind(siteId, id, now)
    .run();
  return findIntegration(db, siteId, id);
}

export function mayCall(integration: Integration, operation: Operation): boolean {
  return integration.operations.includes(operation);
}
