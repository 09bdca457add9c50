export type SqlValue = string | number | null;

/** A SQLite literal. Strings are quoted with single quotes doubled, which is
 * the whole of SQLite's string escaping; numbers must be safe integers. */
export function sqlLiteral(value: SqlValue): string {
  if (value === null) return "NULL";
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) throw new Error(`${value} is not an integer`);
    return String(value);
  }
  if (value.includes("\0")) throw new Error("SQL text cannot hold a NUL character");
  return `'${value.replaceAll("'", "''")}'`;
}

/** Rows per INSERT, and bytes: D1 refuses statements over 100 KB. */
const MAX_ROWS = 500;
const MAX_BYTES = 90_000;

/** Multi-row INSERTs, split so that none is too long for D1. */
export function insertStatements(
  table: string,
  columns: readonly string[],
  rows: readonly SqlValue[][],
): string[] {
  const head = `INSERT INTO ${table} (${columns.join(", ")}) VALUES\n`;
  const statements: string[] = [];
  let tuples: string[] = [];
  let bytes = head.length;
  for (const row of rows) {
    const tuple = `(${row.map(sqlLiteral).join(", ")})`;
    if (tuples.length === MAX_ROWS || bytes + tuple.length + 2 > MAX_BYTES) {
      statements.push(head + tuples.join(",\n"));
      tuples = [];
      bytes = head.length;
    }
    tuples.push(tuple);
    bytes += tuple.length + 2;
  }
  if (tuples.length > 0) statements.push(head + tuples.join(",\n"));
  return statements;
}
