import { describe, expect, it } from "vitest";
import { heartbeatState, schemaState, tickState } from "../src/core/health/status.ts";
import { localeFromAcceptLanguage } from "../src/core/i18n/accept-language.ts";

const CODE = ["0001_init.sql", "0002_delivery.sql", "0015_health.sql"];

describe("the schema verdict", () => {
  it("current, behind (naming what is missing), ahead, unknown", () => {
    expect(schemaState("0015_health.sql", CODE)).toEqual({ state: "current", newest: "0015_health.sql" });
    expect(schemaState("0002_delivery.sql", CODE)).toEqual({ state: "behind", missing: ["0015_health.sql"] });
    expect(schemaState(null, CODE)).toEqual({ state: "behind", missing: CODE });
    // A name the code does not know is placed by its number.
    expect(schemaState("0014_installations.sql", CODE)).toEqual({
      state: "behind",
      missing: ["0015_health.sql"],
    });
    expect(schemaState("0016_next.sql", CODE)).toEqual({
      state: "ahead",
      applied: "0016_next.sql",
      newest: "0015_health.sql",
    });
    expect(schemaState(undefined, CODE)).toEqual({ state: "unknown" });
  });
});

describe("the cron verdict", () => {
  const at = new Date("2027-03-02T09:15:00Z");
  it("is late after two missed ticks (30 minutes)", () => {
    const tick = { scheduledAt: at, ok: true, failed: [] };
    expect(tickState(tick, new Date("2027-03-02T09:45:00Z"))).toMatchObject({ state: "ok", late: false });
    expect(tickState(tick, new Date("2027-03-02T09:45:01Z"))).toMatchObject({ state: "ok", late: true });
    expect(tickState(null, at)).toEqual({ state: "none" });
    expect(tickState({ scheduledAt: at, ok: false, failed: ["weekly-digest"] }, at)).toEqual({
      state: "failed",
      late: false,
      failed: ["weekly-digest"],
    });
  });
});

describe("a queue's heartbeat", () => {
  const sent = new Date("2027-03-02T09:15:00.000Z");
  const back = new Date("2027-03-02T09:15:01.250Z");
  it("is back when the newest one sent returned; waiting, then lost after 5 minutes, when not", () => {
    const returned = { sentAt: sent, backSentAt: sent, backAt: back, roundTripMs: 1250 };
    expect(heartbeatState(returned, back)).toEqual({ state: "back", roundTripMs: 1250, backAt: back });
    const later = new Date("2027-03-02T09:30:00Z");
    const pending = { ...returned, sentAt: later };
    expect(heartbeatState(pending, new Date("2027-03-02T09:35:00Z"))).toEqual({
      state: "waiting",
      sentAt: later,
    });
    expect(heartbeatState(pending, new Date("2027-03-02T09:35:01Z"))).toEqual({
      state: "lost",
      sentAt: later,
    });
    expect(heartbeatState({ sentAt: null, backSentAt: null, backAt: null, roundTripMs: null }, back)).toEqual(
      {
        state: "none",
      },
    );
  });
});

describe("Accept-Language", () => {
  it.each([
    [undefined, "en"],
    ["", "en"],
    ["id", "id"],
    ["id-ID,id;q=0.9,en-US;q=0.8,en;q=0.7", "id"],
    ["en-US,en;q=0.9,id;q=0.8", "en"],
    ["id;q=0.5, en;q=0.8", "en"],
    ["en;q=0.5, id;q=0.8", "id"],
    ["fr-FR, de;q=0.9", "en"],
    ["fr, id;q=0.1", "id"],
    ["id;q=0, en;q=0.1", "en"],
    ["id;q=0", "en"],
    ["*", "en"],
    ["ID-id", "id"],
    ["id;q=abc", "en"],
  ])("%s → %s", (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale);
  });
});
