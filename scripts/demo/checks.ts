/**
 * The demo checks its own outcome, per platform, from guyub's tables and the stand-ins' counts:
 * every newcomer welcomed exactly once, no meeting on the holiday, hosts taking fair turns,
 * exactly one nudge, one digest per week, no 429 from either platform, no dead message, no failed
 * job. `npm run demo` exits 1 when any of them fails, so CI can run it as a test.
 */

import { checkHosts } from "./check-hosts.ts";
import { checkMemory, MEMORY_WHAT } from "./checks-memory.ts";
import type { Driver } from "./driver.ts";
import { EVERYONE, NEWCOMERS } from "./people.ts";
import { query } from "./play.ts";
import type { Lang } from "./scenario.ts";
import type { Transcript } from "./transcript.ts";
import type { World } from "./world.ts";

/** Idul Fitri 2027, a Tuesday: the weekly meeting must not happen. */
export const HOLIDAY = "2027-03-09";
/** The Mondays the weekly digest goes out on, 08:00 WIB. */
const DIGEST_WEEKS = 4;

/** One check of the outcome, for the page: its words in both languages and what was found. */
export interface Check {
  platform: string;
  passed: boolean;
  what: Record<Lang, string>;
  detail: string;
}

export interface Outcome {
  ok: boolean;
  lines: string[];
  checks: Check[];
}

const WHAT = {
  welcomed: {
    en: "every newcomer welcomed exactly once",
    id: "setiap anggota baru disambut tepat satu kali",
  },
  holiday: {
    en: `no meeting on the holiday (${HOLIDAY}), and one post saying so`,
    id: `tidak ada pertemuan pada hari libur (${HOLIDAY}), dan satu kabar tentangnya`,
  },
  hosts: {
    en: "hosts take fair turns, every meeting of the month and the next planned (nobody hosts twice while others wait)",
    id: "giliran fasilitator adil di setiap pertemuan bulan ini, dan pertemuan berikutnya sudah direncanakan (tidak ada yang memandu dua kali selagi yang lain menunggu)",
  },
  nudge: { en: "exactly one nudge", id: "tepat satu sapaan untuk anggota yang kurang aktif" },
  digest: { en: "one digest per week", id: "satu ringkasan mingguan setiap minggu" },
  dead: { en: "no dead messages in the outbox", id: "tidak ada pesan yang akhirnya gagal terkirim" },
  failed: { en: "no failed job", id: "tidak ada tugas terjadwal yang gagal" },
  limits: { en: "zero 429s", id: "tidak pernah kena batas laju platform (nol 429)" },
  ...MEMORY_WHAT,
} satisfies Record<string, Record<Lang, string>>;

/** The run's language and transcript: the memory checks look for what was written, and the search's answer. */
export interface Played {
  readonly lang: Lang;
  readonly transcript: Transcript;
}

export async function checkOutcome(
  world: World,
  drivers: readonly Driver[],
  played: Played,
): Promise<Outcome> {
  const lines: string[] = ["", "outcome:"];
  const checks: Check[] = [];
  let ok = true;
  const check = (platform: string, passed: boolean, what: keyof typeof WHAT, detail: string) => {
    ok &&= passed;
    checks.push({ platform, passed, what: WHAT[what], detail });
    lines.push(`  ${passed ? "✓" : "✗"} ${platform}: ${WHAT[what].en}${detail ? ` (${detail})` : ""}`);
  };
  for (const d of drivers) {
    const rows = (sql: string, ...params: unknown[]) =>
      query(
        world.mf,
        sql.replaceAll(":community", "(SELECT id FROM communities WHERE platform = ?)"),
        d.platform,
        ...params,
      );
    const sent = async (pattern: string) =>
      rows(
        `SELECT idempotency_key AS key, status, target FROM outbox WHERE community_id = :community AND idempotency_key LIKE ?`,
        pattern,
      );

    const welcomes = await sent("welcome:%");
    const counts = NEWCOMERS.map(
      (m) => welcomes.filter((w) => w.key === `welcome:${d.idOf(m)}` && w.status === "sent").length,
    );
    check(
      d.platform,
      counts.every((n) => n === 1) && welcomes.length === NEWCOMERS.length,
      "welcomed",
      `${NEWCOMERS.length} newcomers, ${welcomes.length} welcomes`,
    );

    const onHoliday = [...(await sent(`announce:${HOLIDAY}%`)), ...(await sent(`remind:${HOLIDAY}%`))];
    const closed = await rows(
      `SELECT kind FROM rotation_ledger WHERE community_id = :community AND meeting_day = ? AND kind IN ('hosted','skipped','cancelled')`,
      HOLIDAY,
    );
    const saidSo = await sent(`holiday:${HOLIDAY}`);
    check(
      d.platform,
      onHoliday.length === 0 &&
        closed.length === 1 &&
        closed[0]?.kind === "skipped" &&
        saidSo.length === 1 &&
        saidSo[0]?.status === "sent",
      "holiday",
      `${onHoliday.length} announcements or reminders, ${saidSo.length} "no meeting" posts, recorded as ${closed.map((c) => c.kind).join(", ") || "nothing"}`,
    );

    const hosts = await checkHosts(d, rows, HOLIDAY);
    check(d.platform, hosts.passed, "hosts", hosts.detail);

    const nudges = await sent("nudge:%");
    check(
      d.platform,
      nudges.length === 1 && nudges[0]?.status === "sent",
      "nudge",
      nudges
        .map((n) => `${nameOf(d, String(n.key).split(":")[2] ?? "")} on ${String(n.key).split(":")[1]}`)
        .join(", "),
    );

    const digests = await sent("digest:%");
    const weeks = new Set(digests.map((r) => String(r.key)));
    check(
      d.platform,
      digests.length === DIGEST_WEEKS &&
        weeks.size === DIGEST_WEEKS &&
        digests.every((r) => r.status === "sent"),
      "digest",
      digests.map((r) => String(r.key).slice(7)).join(", "),
    );

    const dead = await rows(
      `SELECT count(*) AS n FROM outbox WHERE community_id = :community AND status = 'dead'`,
    );
    check(d.platform, Number(dead[0]?.n) === 0, "dead", "");
    const failed = await rows(
      `SELECT count(*) AS n FROM job_runs WHERE community_id = :community AND status = 'failed'`,
    );
    check(d.platform, Number(failed[0]?.n) === 0, "failed", "");

    await checkMemory(
      { world, d, rows, lang: played.lang, transcript: played.transcript },
      (passed, what, detail) => check(d.platform, passed, what, detail),
    );
  }
  const stats = world.standins.state.stats.snapshot();
  for (const d of drivers) {
    const s = stats[d.platform];
    check(
      d.platform,
      s.rateLimited === 0,
      "limits",
      `${s.accepted} calls accepted, ${s.rateLimited} rate-limited${s.rateLimited ? ` ${JSON.stringify(s.rateLimitedBy)}` : ""}, ${s.errors} errors${s.errors ? ` ${JSON.stringify(s.errorsBy)}` : ""}`,
    );
  }
  return { ok, lines, checks };
}

function nameOf(d: Driver, id: string): string {
  return EVERYONE.find((m) => d.idOf(m) === id)?.name ?? id;
}
