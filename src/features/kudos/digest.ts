import { andMore, digestList, digestSection } from "../../core/digest/section.ts";
import { memberMention } from "../../core/former-member.ts";
import type { Inline } from "../../core/message.ts";
import { shorten } from "../topics/fold.ts";

/** A reason's length at each level of the digest's caps (the last also for any tighter one). */
const REASON_CAPS = [300, 120, 60, 40] as const;

/**
 * Kudos's section of the weekly digest: the week's thank-yous, who thanked whom and why. Placed
 * at 50: after the top topics (40), before the week in numbers (60).
 */
export const kudosDigest = digestSection("kudos", {
  place: 50,
  isEmpty: (week) => week.total === 0,
  render(t, week, { caps }) {
    const reasonCap = REASON_CAPS[Math.min(caps.level, REASON_CAPS.length - 1)] ?? 40;
    const shown = week.items.slice(0, caps.list);
    const lines = shown.map((k): Inline[] => [
      ...t.rich("digest.kudos.line", { to: memberMention(t, k.to), from: memberMention(t, k.from) }),
      shorten(k.reason, reasonCap),
    ]);
    return [digestList(t("digest.kudos"), lines, andMore(t, shown.length, week.total))];
  },
});
