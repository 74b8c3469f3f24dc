import { andMore, digestSection } from "../../core/digest/section.ts";
import type { Inline } from "../../core/message.ts";

/**
 * Membership's section of the weekly digest: the members welcomed this week, by mention. Placed
 * at 10: first after the heading.
 */
export const newcomersDigest = digestSection("membership", {
  place: 10,
  isEmpty: (week) => week.total === 0,
  render(t, week, { caps }) {
    const shown = week.items.slice(0, caps.list);
    const names = shown.flatMap((user, i): Inline[] => (i === 0 ? [{ user }] : [", ", { user }]));
    return [
      {
        type: "text",
        text: [{ bold: t("digest.newcomers") }, "\n", ...names, ...andMore(t, shown.length, week.total)],
      },
    ];
  },
});
