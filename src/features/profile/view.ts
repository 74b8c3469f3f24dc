import { actionButton } from "../../core/actions/pack.ts";
import type { CommandContext } from "../../core/commands/types.ts";
import type { Locale } from "../../core/i18n/index.ts";
import { type Block, ephemeral, type Field, type Message } from "../../core/message.ts";
import type { Profile } from "./answers.ts";
import type { ProfileOwner } from "./ports.ts";

type ViewContext = Pick<CommandContext, "t" | "community" | "syntax">;

// Building an Intl.DateTimeFormat costs far more than using one: one per locale and timezone.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A day in the community's language and timezone: "1 December 2026", "1 Desember 2026". */
export function formatDay(at: Date, locale: Locale, timezone: string): string {
  const key = `${locale}\n${timezone}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", {
      dateStyle: "long",
      timeZone: timezone,
    });
    dateFormats.set(key, format);
  }
  return format.format(at);
}

/** What a member wrote about their work: shown to others only if they agreed to be found. */
function publicFields(ctx: ViewContext, profile: Profile): Field[] {
  return [
    { label: ctx.t("intro.post.does"), value: profile.does },
    { label: ctx.t("intro.post.shares"), value: profile.shares },
  ];
}

/** The member's own profile: every answer and both consents, with the dates it was written. */
export function ownProfile(ctx: ViewContext, profile: Profile | null): Message {
  const { t } = ctx;
  if (!profile) {
    const open = actionButton(ctx.community, "intro.open", t("intro.open"), [], "primary");
    return ephemeral({ type: "text", text: t("profile.none.self") }, { type: "actions", buttons: [open] });
  }
  const yesNo = (value: boolean) => t(value ? "profile.yes" : "profile.no");
  const day = (at: Date) => formatDay(at, t.locale, ctx.community.timezone);
  const fields: Field[] = [
    ...publicFields(ctx, profile),
    { label: t("intro.post.needs"), value: profile.needs || t("profile.nothing") },
    {
      label: t("profile.benefits"),
      value: profile.benefits.map((b) => t(`benefit.${b}`)).join("; ") || t("profile.nothing"),
    },
    { label: t("profile.frequency"), value: t(`frequency.${profile.frequency}`) },
    { label: t("profile.consent.intro"), value: yesNo(profile.introConsent) },
    { label: t("profile.consent.findable"), value: yesNo(profile.findable) },
  ];
  const hint = [
    t("profile.dates", { answered: day(profile.answeredAt), updated: day(profile.updatedAt) }),
    t("profile.editHint", { usage: `${ctx.syntax.prefix} profile edit` }),
  ];
  return ephemeral(
    { type: "heading", text: t("profile.title") },
    { type: "fields", fields },
    { type: "context", text: hint.join(" ") },
  );
}

/**
 * Another member's profile, private by default: what they do and can share only if they agreed
 * to be found; otherwise just their name and that they keep it private. Needs, hopes and
 * availability are never shown to others.
 */
export function otherProfile(
  ctx: ViewContext,
  userId: string,
  owner: ProfileOwner | null,
  profile: Profile | null,
): Message {
  const member = { user: userId };
  if (!owner || !profile)
    return ephemeral({ type: "text", text: ctx.t.rich("profile.none.other", { member }) });
  if (!profile.findable || owner.status === "alumni") {
    return ephemeral({ type: "text", text: ctx.t.rich("profile.private", { member }) });
  }
  const blocks: Block[] = [
    { type: "section", text: ctx.t.rich("profile.of", { member }), fields: publicFields(ctx, profile) },
  ];
  return ephemeral(...blocks);
}
