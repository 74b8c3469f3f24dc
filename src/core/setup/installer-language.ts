import type { ActionContext } from "../actions/types.ts";
import type { Locale } from "../i18n/index.ts";

/**
 * The zones of Indonesia (WIB: Jakarta and Pontianak, WITA: Makassar, WIT: Jayapura). Slack has no
 * Indonesian interface language, so an installer whose Slack zone is one of these is taken for an
 * Indonesian speaker.
 */
const INDONESIAN_ZONES = ["Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura"];

/**
 * The language the installer plainly reads, when the platform says so: Discord's `locale` or
 * `guild_locale` is `id`, or the Slack installer's own time zone (`users.info` `tz`) is Indonesian.
 * Null when nothing says so; the form then opens in the community's language.
 */
export async function installerLanguage(ctx: ActionContext): Promise<Locale | null> {
  if (ctx.languageHints?.includes("id")) return "id";
  if (!ctx.actorTimezone) return null;
  const zone = await ctx.actorTimezone().catch(() => null);
  return zone !== null && INDONESIAN_ZONES.includes(zone) ? "id" : null;
}
