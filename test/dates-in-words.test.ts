import { beforeEach, describe, expect, it } from "vitest";
import { translator } from "../src/core/i18n/index.ts";
import { meetingWhen } from "../src/features/meetings/announcement.ts";
import { formatClock } from "../src/features/meetings/format.ts";
import { formatDayName } from "../src/features/meetings/holidays.ts";
import { resetDb } from "./support/db.ts";
import { commandBody, MODERATOR, replyText, signedSlack } from "./support/slack.ts";
import { isolate, resetStandins } from "./support/worker.ts";

/**
 * Messages write dates and times in words, in the community's language: no ISO date, weekdays in
 * full, "pukul 08.00 WIB", and the zone's IANA name only where its short name is a bare offset.
 */
const AT = new Date("2027-03-08T03:00:00Z"); // Monday 8 March 2027, 10.00 WIB
const ISO_DATE = /\d{4}-\d{2}-\d{2}|\d{4}-W\d{2}/;

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

const send = isolate({ now: () => AT, sessionCacheMs: 0 });
async function ask(text: string): Promise<string> {
  const body = commandBody(text, { user_id: MODERATOR });
  const response = await send(await signedSlack("/slack/commands", body, { timestamp: AT.getTime() / 1000 }));
  return replyText((await response.json()) as { text?: string; blocks?: unknown[] });
}

async function indonesianJakarta() {
  await ask("language id");
  await ask("timezone Asia/Jakarta");
}

describe("dates and times in words", () => {
  it("a snooze by command names its day in words, never as an ISO date", async () => {
    await indonesianJakarta();
    const reply = await ask("nudges snooze 2");
    expect(reply).toContain("Tidak ada sapaan untuk Anda sampai Senin, 22 Maret 2027.");
    expect(reply).not.toMatch(ISO_DATE);
  });

  it("the digest schedule says “pukul 08.00 WIB”, with no “(Asia/Jakarta)” after it", async () => {
    await indonesianJakarta();
    const reply = await ask("digest schedule senin 08.00");
    expect(reply).toContain("Ringkasan mingguan kini dikirim setiap Senin pukul 08.00 WIB.");
    expect(reply).not.toContain("Asia/Jakarta");
    expect(await ask("digest on")).toContain("setiap Senin pukul 08.00 WIB.");
  });

  it("in English the same zone's offset-only name is followed by the zone", async () => {
    await ask("timezone Asia/Jakarta");
    expect(await ask("digest schedule mon 08:00")).toContain("every Monday at 08:00 GMT+7 (Asia/Jakarta).");
  });

  it("a digest already sent names its week in words, not as an ISO week", async () => {
    await indonesianJakarta();
    await ask("onboarding channel <#C0GENERAL|general>");
    await ask("digest send");
    const again = await ask("digest send");
    expect(again).toContain("Ringkasan minggu ini (8–14 Maret 2027) sudah dikirim");
    expect(again).not.toMatch(ISO_DATE);
  });
});

describe("the formatting helpers", () => {
  const startsAt = new Date("2027-03-02T12:00:00Z");
  it("a meeting's time names WIB once in Indonesian, and adds the zone after an offset", () => {
    const jakarta = { id: 1, timezone: "Asia/Jakarta" };
    expect(meetingWhen(jakarta, translator("id"), { startsAt })).toBe("Selasa, 2 Maret 2027 pukul 19.00 WIB");
    expect(meetingWhen(jakarta, translator("en"), { startsAt })).toBe(
      "Tuesday, 2 March 2027 at 19:00 GMT+7 (Asia/Jakarta)",
    );
    expect(meetingWhen({ id: 1, timezone: "Europe/Berlin" }, translator("en"), { startsAt })).toBe(
      "Tuesday, 2 March 2027 at 13:00 CET",
    );
  });

  it("lists write the weekday in full", () => {
    expect(formatDayName("2027-03-02", "id")).toBe("Selasa, 2 Maret 2027");
    expect(formatDayName("2027-03-02", "en")).toBe("Tuesday, 2 March 2027");
  });

  it("a time of day takes a period and its zone in Indonesian", () => {
    expect(formatClock(8 * 60, "id", "Asia/Makassar", AT)).toBe("08.00 WITA");
    expect(formatClock(8 * 60, "en", "Asia/Jayapura", AT)).toBe("08:00 GMT+9 (Asia/Jayapura)");
  });
});
