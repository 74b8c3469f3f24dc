import { defineCommand } from "../../../core/commands/define.ts";
import { option } from "../../../core/commands/options.ts";
import { localized } from "../../../core/commands/syntax.ts";
import { ephemeral } from "../../../core/message.ts";
import { canonicalTimeZone, INDONESIAN_ZONES } from "../parse.ts";

/** `/copmod timezone Asia/Jakarta` (or `WIB`): the zone every meeting time and local day is read in. */
export const timezone = defineCommand({
  path: ["timezone"],
  summary: "cmd.timezone",
  options: { zone: option.text("arg.timezone", "arg.timezone.help", 64) },
  moderator: true,
  example: { zone: localized("example.timezone") },
  async handle(ctx, { zone }) {
    const say = (text: string) => ephemeral({ type: "text", text });
    // Intl knows names case-insensitively; store the canonical spelling.
    const canonical = canonicalTimeZone(zone);
    if (canonical === null) return { message: say(ctx.t("timezone.bad", { zone })) };
    // `WIB` is answered `WIB (Asia/Jakarta)`: the moderator sees which zone guyub took it for.
    const word = zone.trim().toUpperCase();
    const shown = INDONESIAN_ZONES[word] ? `${word} (${canonical})` : canonical;
    // The same zone as the default still counts as chosen: a schedule then keeps it (no Slack zone).
    const settings = await ctx.store.rotation.settings(ctx.community.id);
    if (canonical === ctx.community.timezone && settings.timezoneSet)
      return { message: say(ctx.t("timezone.unchanged", { zone: shown })) };
    return {
      message: say(ctx.t("timezone.set", { zone: shown })),
      effects: [{ type: "community.timezone", timezone: canonical }],
    };
  },
});
