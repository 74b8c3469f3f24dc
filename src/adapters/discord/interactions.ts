import { InteractionResponseType, InteractionType } from "discord-interactions";
import { handleInteraction, type InteractionResponse } from "../../core/actions/handle.ts";
import type { FormValues } from "../../core/actions/types.ts";
import type { CoreDeps } from "../../core/handle-command.ts";
import { type Locale, translator } from "../../core/i18n/index.ts";
import type { PlatformDirectory } from "../../core/membership/directory.ts";
import { ephemeral } from "../../core/message.ts";
import { withinDeadline } from "../deadline.ts";
import { DISCORD_SYNTAX } from "./commands.ts";
import { discordAuthority } from "./parse.ts";
import type { DiscordInteraction } from "./payloads.ts";
import { discordFlags, EPHEMERAL, renderDiscordMessage } from "./render.ts";
import { renderDiscordModal } from "./render-form.ts";
import { DISCORD_TRAITS } from "./traits.ts";

const SYNTAX = DISCORD_SYNTAX;

/**
 * A button press (type 3) or modal submit (type 5) to core's one handler, and its answer back
 * as Discord's response: a private reply (4), the message updated in place (7), or a modal (9).
 * In a DM the payload has `user`, not `member`, and no guild: the button names its community.
 */
export async function onComponent(
  interaction: DiscordInteraction,
  core: CoreDeps,
  fallbackLocale: Locale,
  deadlineMs: number,
  directory?: PlatformDirectory,
): Promise<object> {
  const user = interaction.member?.user ?? interaction.user;
  const modal = interaction.type === InteractionType.MODAL_SUBMIT;
  const work = handleInteraction(core, {
    traits: DISCORD_TRAITS,
    userId: user?.id ?? "0",
    workspaceId: interaction.guild_id ?? null,
    kind: modal ? "form" : "button",
    packed: interaction.data?.custom_id ?? "",
    ...(modal ? { values: modalValues(interaction.data?.components) } : {}),
    ingressKey: `discord:interaction:${interaction.id}`,
    fallbackLocale,
    syntax: SYNTAX,
    // In a DM there are no permissions in the payload: only guyub's own list can say.
    authority: (community) =>
      interaction.member ? discordAuthority(interaction, community) : { kind: "payload", isModerator: false },
    ...(directory ? { directory } : {}),
  });
  const early = await withinDeadline(work, deadlineMs);
  if (!early.done) {
    // Too slow for 3 s: say so rather than fail; the work itself still completes.
    const t = translator(fallbackLocale);
    return reply(ephemeral({ type: "text", text: t("reply.working") }));
  }
  return responseFor(early.value, modal, fallbackLocale);
}

function responseFor(response: InteractionResponse, fromModal: boolean, locale: Locale): object {
  switch (response.kind) {
    case "form":
      // A modal cannot open another modal: a form asked for after a submit is offered as a reply.
      if (fromModal)
        return reply(ephemeral({ type: "text", text: translator(locale)("error.unknown_action") }));
      return renderDiscordModal(response.form);
    case "update":
      return {
        type: InteractionResponseType.UPDATE_MESSAGE,
        data: renderDiscordMessage({ ...response.message, visibility: "public" }),
      };
    case "reply":
    case "errors":
      return reply(response.message);
  }
}

function reply(message: Parameters<typeof renderDiscordMessage>[0]) {
  return {
    type: InteractionResponseType.CHANNEL_MESSAGE_WITH_SOURCE,
    data: { ...renderDiscordMessage(message), flags: discordFlags(message, EPHEMERAL) },
  };
}

interface SubmittedComponent {
  type?: number;
  custom_id?: string;
  value?: string;
  values?: string[];
  component?: SubmittedComponent;
  components?: SubmittedComponent[];
}

/** A modal submit's values: Label (18) wraps one component, an action row (1) several. */
export function modalValues(components: unknown): FormValues {
  const values: Record<string, string | string[]> = {};
  const visit = (node: SubmittedComponent) => {
    if (node.component) visit(node.component);
    for (const child of node.components ?? []) visit(child);
    if (!node.custom_id) return;
    if (Array.isArray(node.values)) values[node.custom_id] = node.values.map(String);
    else if (typeof node.value === "string") values[node.custom_id] = node.value;
  };
  if (Array.isArray(components)) for (const c of components) visit(c as SubmittedComponent);
  return values;
}
