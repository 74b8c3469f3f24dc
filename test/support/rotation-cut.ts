import fc from "fast-check";
import { addDays } from "../../src/core/calendar.ts";
import { candidateLimit, type RotationScope } from "../../src/features/rotation/scope.ts";
import { emptyTally, fairOrder, type MemberTally, tallyLedger } from "../../src/features/rotation/tally.ts";
import type { LedgerEntry, RotationMember, RotationState } from "../../src/features/rotation/types.ts";

const CLOSES = new Set(["hosted", "skipped", "cancelled"]);

/**
 * What `RotationReads.view` (src/features/rotation/view-store.ts) returns for `scope`, computed from the whole
 * rotation: a model of its SQL, so the pure property can feed `assignHosts` both. `more` reads that
 * many more candidates than the limit (a larger limit must never change a plan either).
 */
export function cutRotation(full: RotationState, scope: RotationScope, more = 0): RotationState {
  const tallies = tallyLedger(full.ledger);
  const tally = (id: string): MemberTally => tallies.get(id) ?? emptyTally(id);
  // The ledger's days: from the last meeting held before `first` on, and every day not closed.
  const closed = new Set(full.ledger.filter((e) => CLOSES.has(e.kind)).map((e) => e.meetingDate));
  const held = full.ledger
    .filter((e) => e.kind === "hosted" && e.meetingDate < scope.first)
    .map((e) => e.meetingDate)
    .sort();
  const from = held.at(-1) ?? "";
  const ledger = full.ledger.filter((e) => e.meetingDate >= from || !closed.has(e.meetingDate));
  const aways = full.aways.filter((a) => a.to >= scope.first && a.from <= scope.last);
  const named = new Set(scope.members);
  for (const e of ledger) for (const id of [e.memberId, e.otherMemberId]) if (id) named.add(id);
  const newcomers = full.members.filter((m) => {
    if (m.status !== "active") return false;
    const joined = Date.parse(m.joinedAt);
    return m.founder ? joined >= Date.parse(scope.joinedAfter) : joined > Date.parse(scope.newcomersAfter);
  }).length;
  const away = new Set(aways.map((a) => a.memberId)).size;
  const limit = candidateLimit(scope, { named: named.size, away, newcomers }) + more;
  const pool = full.members.filter((m) => m.status === "active" && (full.mode === "everyone" || m.optedIn));
  const fairest = [...pool].sort((a, b) => fairOrder(tally(a.id), tally(b.id))).slice(0, limit);
  const fewest = [...pool]
    .sort((a, b) => {
      const [x, y] = [tally(a.id), tally(b.id)];
      return x.hosted - y.hosted || x.passed - y.passed || (a.id < b.id ? -1 : 1);
    })
    .slice(0, limit);
  const ids = new Set([...fairest, ...fewest].map((m) => m.id));
  for (const id of named) ids.add(id);
  const members = full.members.filter((m) => ids.has(m.id));
  return { ...full, members, ledger, aways, tallies: members.map((m) => ({ ...tally(m.id) })) };
}

export const BASE = "2027-03-02";
const id = (i: number) => `m${String(i).padStart(2, "0")}`;

/**
 * The kinds of community the properties run over, each pressing on one part of the limit:
 * `ordinary` (a bit of everything), `crowded` (three in four members joined lately and nothing is
 * committed ahead: the members a day excludes fill the front of the fair order), `committed`
 * (commitments and passes on every coming day: the members the ledger names), `debtors` (many
 * passes on record: a debtor comes first again after hosting, and "hosted less" decides).
 */
export type Kind = "ordinary" | "crowded" | "committed" | "debtors";

/**
 * A member: most joined long ago; some joined lately (or are about to), and those are seldom
 * founders and often have not answered the intro, so they wait out their first week.
 */
const memberArb = (i: number, kind: Kind) =>
  fc
    .record({
      active: fc.integer({ min: 0, max: 9 }),
      optedIn: fc.boolean(),
      recent: fc
        .integer({ min: 0, max: 3 })
        .map((n) => (kind === "crowded" ? n !== 0 : kind === "ordinary" && n === 0)),
      founder: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
      days: fc.integer({ min: 30, max: 400 }),
      lately: fc.integer({ min: -10, max: 14 }),
      intro: fc.option(fc.integer({ min: 0, max: 10 }), { freq: 2 }),
    })
    .map(({ active, optedIn, recent, founder, days, lately, intro }): RotationMember => {
      const joinedDay = addDays(BASE, recent ? -lately : -days);
      return {
        id: id(i),
        joinedAt: `${joinedDay}T05:00:00Z`,
        answeredIntroAt: intro === null ? null : `${addDays(joinedDay, intro)}T06:00:00Z`,
        status: active > 1 ? "active" : "alumni",
        optedIn,
        founder: recent ? founder : founder || optedIn,
      };
    });

interface Pin {
  kind: "assigned" | "volunteered" | "swapped" | "passed";
  memberId: string;
  otherMemberId: string | undefined;
  claimed: boolean;
}

/**
 * One weekly meeting day's entries: commitments and passes, then (mostly, on past days) a close.
 * The members named are among `hosts` (members there at the time), so newcomers have no turn on
 * record and come first in the fair order, as they do in a real community.
 */
const dayArb = (hosts: readonly string[], past: boolean, kind: Kind) => {
  // Debtors: a third of the members pass and host far more than the others.
  const heavy = fc.constantFrom(...hosts.slice(0, Math.max(1, Math.ceil(hosts.length / 3))));
  const who =
    kind === "debtors"
      ? fc.oneof({ weight: 3, arbitrary: heavy }, fc.constantFrom(...hosts))
      : fc.constantFrom(...hosts);
  const pin = (kinds: Pin["kind"][]): fc.Arbitrary<Pin> =>
    fc.record({
      kind: fc.constantFrom(...kinds),
      memberId: who,
      otherMemberId: fc.option(who, { nil: undefined }),
      claimed: fc.boolean(),
    });
  const any = pin(["assigned", "volunteered", "swapped", "passed"]);
  const none = fc.constant<Pin[]>([]);
  const pins: Record<Kind, fc.Arbitrary<Pin[]>> = {
    ordinary: past
      ? fc.array(any, { maxLength: 2 })
      : fc.oneof({ weight: 3, arbitrary: none }, fc.array(any, { maxLength: 2 })),
    crowded: none,
    committed: past ? fc.array(any, { maxLength: 1 }) : fc.array(any, { minLength: 1, maxLength: 3 }),
    debtors: past ? fc.array(pin(["passed"]), { maxLength: 3 }) : fc.array(any, { maxLength: 1 }),
  };
  const close = fc.oneof(
    { weight: 8, arbitrary: who.map((memberId) => ({ kind: "hosted" as const, memberId })) },
    { weight: 1, arbitrary: fc.constant({ kind: "skipped" as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: "cancelled" as const }) },
  );
  return fc.record({
    pins: pins[kind],
    // Past days are closed but for a few (a cron that never came, a day no longer scheduled).
    close: past ? fc.option(close, { freq: 12 }) : fc.option(close, { freq: 1 }),
  });
};

/** A community of `kind` with a long history: enough members that a cut leaves most of them out. */
export function community(kind: Kind = "ordinary") {
  const small = kind === "debtors";
  return fc
    .record({
      size: fc.integer({ min: small ? 8 : 12, max: small ? 25 : 60 }),
      volunteers: fc.boolean(),
      timezone: fc.constantFrom("UTC", "America/Los_Angeles", "Asia/Jakarta", "Pacific/Auckland"),
      weeks: fc.integer({ min: small ? 20 : 5, max: 40 }),
    })
    .chain(({ size, volunteers, timezone, weeks }) =>
      fc.tuple(...Array.from({ length: size }, (_, i) => memberArb(i, kind))).chain((members) => {
        const old = members.filter((m) => m.joinedAt < `${addDays(BASE, -30)}`).map((m) => m.id);
        const hosts = old.length > 0 ? old : [id(0)];
        const away: fc.Arbitrary<{ who: number; from: number; length: number }> = fc.record({
          who: fc.integer({ min: 0, max: size - 1 }),
          from: fc.integer({ min: -20, max: 40 }),
          length: fc.integer({ min: 0, max: 60 }),
        });
        return fc.record({
          members: fc.constant(members),
          past: fc.array(dayArb(hosts, true, kind), { minLength: weeks, maxLength: weeks }),
          future: fc.array(dayArb(hosts, false, kind), { minLength: 10, maxLength: 10 }),
          aways:
            kind === "ordinary" || kind === "crowded"
              ? fc.array(away, { maxLength: 15 })
              : fc.array(away, { maxLength: 0 }),
          mode: fc.constant(volunteers ? ("volunteers" as const) : ("everyone" as const)),
          timezone: fc.constant(timezone),
          weeks: fc.constant(weeks),
        });
      }),
    )
    .map(({ members, past, future, aways, mode, timezone, weeks }): RotationState => {
      const ledger: LedgerEntry[] = [];
      const days = [...past, ...future];
      days.forEach((day, i) => {
        const date = addDays(BASE, (i - weeks) * 7);
        for (const p of day.pins) {
          const entry: LedgerEntry = {
            kind: p.kind,
            meetingDate: date,
            memberId: p.memberId,
            reason: p.kind === "volunteered" && p.claimed ? "claimed" : p.kind,
          };
          if (p.otherMemberId !== undefined) entry.otherMemberId = p.otherMemberId;
          ledger.push(entry);
        }
        if (day.close) ledger.push({ ...day.close, meetingDate: date, reason: day.close.kind });
      });
      return {
        members: [...members],
        mode,
        timezone,
        ledger,
        aways: aways.map((a) => ({
          memberId: id(a.who),
          from: addDays(BASE, a.from),
          to: addDays(BASE, a.from + a.length),
        })),
      };
    });
}

/**
 * The case the fewest-hosted read is for: the host of the meeting before is still the fairest (a
 * big debt), so the rule looks for an eligible member who hosted less; here that is only `o`, who
 * is behind three debtors in the fair order and so not among the fairest candidates.
 */
export function debtorsCase(): { state: RotationState; dates: string[]; now: Date } {
  const ledger: LedgerEntry[] = [];
  let day = "2026-01-06";
  const next = () => {
    const d = day;
    day = addDays(day, 7);
    return d;
  };
  const hosted = (memberId: string, times: number) => {
    for (let i = 0; i < times; i++)
      ledger.push({ kind: "hosted", meetingDate: next(), memberId, reason: "hosted" });
  };
  const passed = (memberId: string, times: number) => {
    for (let i = 0; i < times; i++) {
      const date = next();
      ledger.push({ kind: "passed", meetingDate: date, memberId, reason: "passed" });
      ledger.push({ kind: "cancelled", meetingDate: date, reason: "cancelled" });
    }
  };
  hosted("w", 9);
  passed("w", 9); // standing 0
  hosted("x", 9);
  passed("x", 9); // standing 0
  hosted("p", 3);
  passed("p", 6); // standing -3: first, and still first after hosting once
  hosted("o", 1); // standing 1, and hosted less than p
  for (const r of ["r1", "r2", "r3"]) hosted(r, 5);
  hosted("q", 8); // the last meeting held: the only member the ledger's read days name
  const members = ["o", "p", "q", "r1", "r2", "r3", "w", "x"].map((id) => ({
    id,
    joinedAt: "2025-01-01T00:00:00Z",
    answeredIntroAt: null,
    status: "active" as const,
    optedIn: true,
    founder: true,
  }));
  const now = new Date(`${addDays(day, 1)}T12:00:00Z`);
  const dates = [addDays(day, 7), addDays(day, 14)];
  return { state: { members, mode: "everyone", timezone: "UTC", ledger, aways: [] }, dates, now };
}
