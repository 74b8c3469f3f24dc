/**
 * The demo's fairness check: every meeting of the month it plays, and the next one guyub has
 * already planned (the host it told, e.g. with the topic choice the evening before). With twelve
 * members who can host and five meetings, nobody may host twice: nobody hosts twice in a row, or
 * at all, while an eligible member has hosted less.
 */
import { addDays, weekdayOf } from "../../src/core/calendar.ts";
import type { Driver } from "./driver.ts";
import { EVERYONE } from "./people.ts";
import { DAYS, START_DAY } from "./scenario.ts";

/** The community meets on Tuesdays (ISO weekday 2), from the first one after setup. */
const MEETING_WEEKDAY = 2;

/** The scheduled meeting days the demo plays through, and the one after them. */
export function meetingDays(): { month: string[]; next: string } {
  const month: string[] = [];
  for (let day = addDays(START_DAY, 1); day < addDays(START_DAY, DAYS); day = addDays(day, 1))
    if (weekdayOf(day) === MEETING_WEEKDAY) month.push(day);
  const last = month.at(-1) ?? START_DAY;
  return { month, next: addDays(last, 7) };
}

type Rows = (sql: string, ...params: unknown[]) => Promise<Record<string, unknown>[]>;

/** Whether the hosts were fair, and the line that says who hosted what. */
export async function checkHosts(
  d: Driver,
  rows: Rows,
  holiday: string,
): Promise<{ passed: boolean; detail: string }> {
  const { month, next } = meetingDays();
  const closes = await rows(
    `SELECT meeting_day AS day, kind, member_id AS host FROM rotation_ledger
      WHERE community_id = :community AND kind IN ('hosted', 'skipped', 'cancelled')`,
  );
  // Whoever guyub told they host the next meeting: its topic choice, or its heads-up.
  const told = await rows(
    `SELECT idempotency_key AS key FROM outbox WHERE community_id = :community
      AND (idempotency_key LIKE ? OR idempotency_key LIKE ?) ORDER BY id`,
    `topics:${next}:%`,
    `headsup:${next}:%`,
  );
  const hosts: string[] = [];
  const parts: string[] = [];
  let passed = true;
  for (const day of month) {
    const close = closes.find((c) => c.day === day);
    if (day === holiday && close?.kind === "skipped") {
      parts.push(`${day.slice(5)}: holiday`);
      continue;
    }
    // Every meeting of the month was held, by someone.
    if (close?.kind !== "hosted" || !close.host) {
      passed = false;
      parts.push(`${day.slice(5)}: ${close?.kind ?? "not closed"}`);
      continue;
    }
    hosts.push(String(close.host));
    parts.push(`${day.slice(5)}: ${nameOf(d, String(close.host))}`);
  }
  // `topics:<day>:<host>` and `headsup:<day>:<host>`; the same host told twice counts once.
  const planned = [...new Set(told.map((r) => String(r.key).split(":")[2] ?? ""))];
  if (planned.length === 0) passed = false;
  hosts.push(...planned);
  parts.push(`next ${next.slice(5)}: ${planned.map((id) => nameOf(d, id)).join(" then ") || "nobody told"}`);
  return { passed: passed && new Set(hosts).size === hosts.length, detail: parts.join(", ") };
}

function nameOf(d: Driver, id: string): string {
  return EVERYONE.find((m) => d.idOf(m) === id)?.name ?? id;
}
