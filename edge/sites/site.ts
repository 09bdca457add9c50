import type { SiteSettings } from "../contract";

/** A site as the edge works with it. */
export interface Site extends SiteSettings {
  allowedOrigins: string[];
  operationCeiling: number;
  configVersion: number;
}

interface SiteRow {
  id: string;
  name: string;
  allowed_origins: string;
  locale: string;
  currency: string;
  operation_ceiling: number;
  config_version: number;
}

export async function findSite(db: D1Database, id: string): Promise<Site | null> {
  const row = await db
    .prepare(
      "SELECT id, name, allowed_origins, locale, currency, operation_ceiling, config_version FROM sites WHERE id = ?",
    )
    .bind(id)
    .first<SiteRow>();
  if (!row) return null;

  return {
    id: row.id,
    name: row.name,
    allowedOrigins: parseOrigins(row.allowed_origins),
    locale: row.locale,
    currency: row.currency,
    operationCeiling: row.operation_ceiling,
    configVersion: row.config_version,
  };
}

function parseOrigins(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((item) => typeof item === "string") : [];
}

export function publicSettings(site: Site): SiteSettings {
  return { id: site.id, name: site.name, locale: site.locale, currency: site.currency };
}
