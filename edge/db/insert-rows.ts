/** D1 refuses statements with more than 100 bound parameters. */
export const MAX_BOUND_PARAMETERS = 100;

/**
 * Prepares multi-row INSERTs for `rows`, as few statements as the parameter
 * limit allows. `head` is the statement up to VALUES and `tail` what follows
 * the value lists (an ON CONFLICT clause, say).
 */
export function insertRows(
  db: D1Database,
  head: string,
  rows: unknown[][],
  tail = "",
): D1PreparedStatement[] {
  const width = rows[0]?.length ?? 0;
  if (width === 0) return [];
  const perStatement = Math.floor(MAX_BOUND_PARAMETERS / width);
  const placeholders = `(${Array(width).fill("?").join(", ")})`;

  const statements: D1PreparedStatement[] = [];
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const sql = `${head} VALUES ${chunk.map(() => placeholders).join(", ")} ${tail}`;
    statements.push(db.prepare(sql).bind(...chunk.flat()));
  }
  return statements;
}
