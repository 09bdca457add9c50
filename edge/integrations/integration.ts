import { OPERATIONS, type Operation, SYNC_OPERATIONS } from "../contract";

/** What an integration is for. The kind is a label that the back office
 * uses to suggest operations; it grants nothing by itself. */
export const INTEGRATION_KINDS = [
  "website",
  "backend_api",
  "sending_service_webhook",
] as const;
export type IntegrationKind = (typeof INTEGRATION_KINDS)[number];

/** Every operation an integration can be allowed to call. */
export const INTEGRATION_OPERATIONS: readonly Operation[] = [
  ...OPERATIONS,
  ...SYNC_OPERATIONS,
];

export interface Integration {
  siteId: string;
  id: string;
  name: string;
  kind: IntegrationKind;
  operations: Operation[];
  /** The key's last four characters. */
  keyHint: string;
  createdAt: number;
  keyCreatedAt: number;
  revokedAt: number | null;
}

export interface IntegrationRow {
  site_id: string;
  id: string;
  name: string;
  kind: string;
  operations: string;
  key_hint: string;
  created_at: number;
  key_created_at: number;
  revoked_at: number | null;
}

export const INTEGRATION_COLUMNS =
  "site_id, id, name, kind, operations, key_hint, created_at, key_created_at, revoked_at";

export function integrationFromRow(row: IntegrationRow): Integration {
  const operations: unknown = JSON.parse(row.operations);
  return {
    siteId: row.site_id,
    id: row.id,
    name: row.name,
    kind: row.kind as IntegrationKind,
    operations: Array.isArray(operations)
      ? operations.filter((name): name is Operation =>
          INTEGRATION_OPERATIONS.includes(name as Operation),
        )
      : [],
    keyHint: row.key_hint,
    createdAt: row.created_at,
    keyCreatedAt: row.key_created_at,
    revokedAt: row.revoked_at,
  };
}

/** An integration as the admin API answers it: never its key or hash. */
export function integrationView(integration: Integration) {
  const { siteId: _site, ...view } = integration;
  return view;
}
