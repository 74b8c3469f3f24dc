import { env } from "cloudflare:workers";

/** Splits a SQL file the way wrangler does for the statements here (D1's exec goes by line). */
export function statements(sqlText: string): string[] {
  const lines = sqlText.split("\n").filter((line) => !line.trimStart().startsWith("--"));
  const out: string[] = [];
  let current = "";
  for (const line of lines) {
    current += `${line}\n`;
    const inTrigger = /\bBEGIN\s*$/m.test(current) && !/^END;\s*$/m.test(current);
    if (line.trimEnd().endsWith(";") && !inTrigger) {
      out.push(current.trim());
      current = "";
    }
  }
  return out.filter(Boolean);
}

/** Runs a SQL file's statements on the test D1, as `wrangler d1 execute --file` would. */
export const runSqlFile = (sqlText: string) =>
  env.DB.batch(statements(sqlText).map((s) => env.DB.prepare(s)));
