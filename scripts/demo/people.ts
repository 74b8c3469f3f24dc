/**
 * The demo community's twelve people: three already in the workspace when guyub is installed
 * (Budi moderates), nine who join during the month. The same people on Slack and on Discord.
 */
import type { DemoMember } from "./driver.ts";

/** Discord ids count up from the stand-in's first generated member, in this order. */
const discordId = (i: number) => String(200_000_000_000_000_001n + BigInt(i));

const person = (i: number, handle: string, slackId: string, moderator = false): DemoMember => ({
  handle,
  name: handle[0]?.toUpperCase() + handle.slice(1),
  slackId,
  discordId: discordId(i),
  telegramId: String(7_100_001 + i),
  ...(moderator ? { moderator } : {}),
});

/** In the workspace before guyub arrives: the stand-in's seeded Slack users. */
export const BUDI = person(0, "budi", "U0MODERATOR", true);
export const CITRA = person(1, "citra", "U0OWNER");
export const AYU = person(2, "ayu", "U0MEMBER");
/** Newcomers, in the order they join. */
export const DIMAS = person(3, "dimas", "U0DIMAS");
export const EKA = person(4, "eka", "U0EKA");
export const FAJAR = person(5, "fajar", "U0FAJAR");
export const GITA = person(6, "gita", "U0GITA");
export const HADI = person(7, "hadi", "U0HADI");
export const INDAH = person(8, "indah", "U0INDAH");
export const JOKO = person(9, "joko", "U0JOKO");
export const KARTIKA = person(10, "kartika", "U0KARTIKA");
export const LESTARI = person(11, "lestari", "U0LESTARI");

export const FOUNDERS = [BUDI, CITRA, AYU] as const;
export const NEWCOMERS = [DIMAS, EKA, FAJAR, GITA, HADI, INDAH, JOKO, KARTIKA, LESTARI] as const;
export const EVERYONE: readonly DemoMember[] = [...FOUNDERS, ...NEWCOMERS];
