import { actionButton } from "../../core/actions/pack.ts";
import type { OutboxDraft } from "../../core/delivery.ts";
import { translator } from "../../core/i18n/index.ts";
import type { Block, Message } from "../../core/message.ts";
import type { Community, Effect } from "../../core/model.ts";
import type { OnboardingSettings } from "./ports.ts";

/** The intro form's button; the profile feature defines the action (`src/features/profile/`). */
export const INTRO_ACTION = "intro.open";
/** Messages sent outside a command cannot know a renamed slash command; `/cop` is the manifest's. */
const HELP_USAGE = "/cop help";

type Settings = Pick<OnboardingSettings, "welcomeText" | "conductText" | "mainChannelId">;

/** The welcome DM, in the community's language: the welcome, the code of conduct, the intro button. */
export function welcomeMessage(community: Pick<Community, "id" | "locale">, settings: Settings): Message {
  const t = translator(community.locale);
  const blocks: Block[] = [
    { type: "heading", text: t("welcome.title") },
    { type: "text", text: settings.welcomeText ?? t("welcome.default") },
  ];
  if (settings.conductText) {
    blocks.push({ type: "text", text: [{ bold: t("welcome.conduct") }] });
    blocks.push({ type: "text", text: settings.conductText });
  }
  blocks.push(
    {
      type: "actions",
      buttons: [actionButton(community, INTRO_ACTION, t("welcome.introButton"), [], "primary")],
    },
    { type: "context", text: t("welcome.help", { usage: HELP_USAGE }) },
  );
  return { blocks, visibility: "public" };
}

/** The short public welcome when the DM cannot be delivered: it mentions only the newcomer. */
export function welcomeFallback(community: Pick<Community, "id" | "locale">, userId: string): Message {
  const t = translator(community.locale);
  return {
    visibility: "public",
    blocks: [
      { type: "text", text: t.rich("welcome.fallback", { member: { user: userId } }) },
      { type: "actions", buttons: [actionButton(community, INTRO_ACTION, t("welcome.introButton"))] },
    ],
  };
}

/**
 * Everything that welcomes one newcomer, for one `store.apply`: their row (active, welcomed now),
 * the DM keyed `welcome:<user>` (a second welcome of anyone is a no-op), its channel fallback
 * when a main channel is set, and otherwise a note for moderators that it is missing.
 */
export function welcomeEffects(
  community: Pick<Community, "id" | "locale">,
  settings: Settings,
  userId: string,
  displayName: string | null,
): Effect[] {
  return [
    { type: "member.join", userId, displayName, welcome: true },
    { type: "outbox.send", draft: welcomeDraft(community, settings, userId) },
    ...(settings.mainChannelId ? [] : [{ type: "onboarding.noMainChannel" } as const]),
  ];
}

/** The welcome DM keyed `welcome:<user>`, with its channel fallback when a main channel is set. */
export function welcomeDraft(
  community: Pick<Community, "id" | "locale">,
  settings: Settings,
  userId: string,
): OutboxDraft {
  const channelId = settings.mainChannelId;
  return {
    kind: "dm",
    key: `welcome:${userId}`,
    userId,
    message: welcomeMessage(community, settings),
    ...(channelId ? { fallback: { channelId, message: welcomeFallback(community, userId) } } : {}),
  };
}

/** The one follow-up DM: a friendly nudge to introduce themselves, and that just reading is fine. */
export function followupMessage(community: Pick<Community, "id" | "locale">): Message {
  const t = translator(community.locale);
  return {
    visibility: "public",
    blocks: [
      { type: "text", text: t("followup.text") },
      {
        type: "actions",
        buttons: [actionButton(community, INTRO_ACTION, t("welcome.introButton"), [], "primary")],
      },
      { type: "context", text: t("followup.justReading") },
    ],
  };
}
