import { describe, expect, it } from "vitest";
import { REOPEN_FORM } from "../src/core/actions/handle.ts";
import { ACTIONS, FORMS } from "../src/core/actions/index.ts";
import { PACKED_MAX_BYTES, pack, unpack } from "../src/core/actions/pack.ts";
import { TRAITS } from "./support/traits.ts";

/**
 * Every id core packs into a button or form must fit every platform it may go to, with room for
 * a community id far beyond any real one. A message is built once, not per platform, so the
 * budget is the smallest platform's: Telegram's 64-byte `callback_data`.
 */
const COMMUNITY = 9_999_999_999;
const DAY = "2026-12-31";
const SNOWFLAKE = "18446744073709551615"; // the largest 64-bit id: 20 digits

/** Each button's and form's longest arguments, as its schema admits them. A new one must be added. */
const LONGEST: Record<string, readonly string[]> = {
  "intro.open": [],
  "intro.next": [],
  "nudge.snooze": [],
  "privacy.forget": [],
  "nudge.read": [],
  "meeting.rsvp": [DAY, "maybe"],
  "meeting.host": [DAY],
  "meeting.done": [DAY],
  "memory.attend": [DAY],
  "rotation.pass": [DAY],
  "rotation.swap-open": [DAY],
  "rotation.swap-accept": [DAY, SNOWFLAKE],
  "rotation.swap-decline": [DAY, SNOWFLAKE],
  "topic.vote": ["999999999", "mine", "9999"],
  "topic.unvote": ["999999999", "mine", "9999"],
  "topic.page": ["mine", "9999"],
  "topic.choose": [DAY, "999999999999999"],
  "setup.open": [],
  "setup.next": [],
  "audit.more": ["999999", "U".repeat(32)],
  "report.claim": ["f".repeat(12)],
  "report.resolve": ["f".repeat(12)],
  "report.dismiss": ["f".repeat(12)],
  "form.pick": ["999", "999"],
  "form.next": ["999"],
};
/** Forms carry their arguments unchecked by a schema; these are the ones they are built with. */
const FORM_ARGS: Record<string, readonly string[]> = {
  "intro.profile": [],
  "intro.about": [],
  "intro.choices": [],
  "rotation.swap": [DAY],
  "meeting.held": [DAY],
  "setup.all": [],
  "setup.basics": [],
  "setup.meeting": [],
  "report.note": ["f".repeat(12)],
  "report.why": [SNOWFLAKE],
};

const bytes = (text: string) => new TextEncoder().encode(text).length;

describe("button and form ids", () => {
  it("every adapter takes ids as long as core packs", () => {
    for (const traits of Object.values(TRAITS))
      expect(traits.maxButtonIdBytes).toBeGreaterThanOrEqual(PACKED_MAX_BYTES);
    expect(PACKED_MAX_BYTES).toBeLessThanOrEqual(64);
  });

  it("lists every button and form guyub has", () => {
    expect(Object.keys(LONGEST).sort()).toEqual([...new Set(ACTIONS.map((a) => a.id))].sort());
    expect(Object.keys(FORM_ARGS).sort()).toEqual(FORMS.map((f) => f.id).sort());
  });

  it.each(ACTIONS.map((action) => [action.id, action] as const))(
    "%s: its longest arguments are the longest its schema admits",
    (id, action) => {
      const longest = LONGEST[id] ?? [];
      expect(action.args.safeParse(longest).success).toBe(true);
      // One character more in any place is refused, so nothing longer can be packed and pressed.
      longest.forEach((_arg, i) => {
        const longer = longest.map((a, j) => (j === i ? a + a.slice(-1) : a));
        expect(action.args.safeParse(longer).success, `${id} argument ${i}`).toBe(false);
      });
    },
  );

  it("packs every button, form and reopen button within the budget, and reads it back", () => {
    const packed = [
      ...Object.entries(LONGEST).map(([id, args]) => pack(id, COMMUNITY, args)),
      ...Object.entries(FORM_ARGS).map(([id, args]) => pack(id, COMMUNITY, args)),
      ...Object.entries(FORM_ARGS).map(([id, args]) => pack(REOPEN_FORM, COMMUNITY, [id, ...args])),
    ];
    for (const id of packed) {
      expect(bytes(id), id).toBeLessThanOrEqual(PACKED_MAX_BYTES);
      expect(unpack(id)?.communityId).toBe(COMMUNITY);
    }
  });

  it("refuses to pack an id over the budget, counted in bytes", () => {
    expect(() => pack("topic.vote", 1, ["x".repeat(64)])).toThrow(/too long/);
    // 33 characters but 73 bytes ("€" is three in UTF-8): bytes are what Telegram counts.
    expect(() => pack("topic.vote", 1, ["€".repeat(20)])).toThrow(/too long/);
  });
});
