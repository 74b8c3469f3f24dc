import type { Registry } from "../../core/commands/index.ts";
import { type CommandRoot, MEMBER_ROOT, MODERATOR_ROOT, ROOT_SUMMARIES } from "../../core/commands/roots.ts";
import { translator } from "../../core/i18n/index.ts";
import { slackCommandRoots } from "./command-roots.ts";
import { MESSAGE_SHORTCUTS } from "./shortcuts.ts";
import { SLACK_TRAITS } from "./traits.ts";

/**
 * Bot scopes: commands; posting; reading members (admin check, join/leave); DMs for nudges;
 * files for a member's own data export (`/cop profile export`).
 */
export const SLACK_BOT_SCOPES = [
  "commands",
  "chat:write",
  "users:read",
  "im:write",
  "channels:read",
  "groups:read",
  "channels:history",
  "groups:history",
  "team:read",
  "files:write",
] as const;

/** Events the Events API route handles (docs/architecture.md); others are acknowledged and ignored. */
export const SLACK_BOT_EVENTS = [
  "team_join",
  "member_joined_channel",
  "member_left_channel",
  "user_change",
  "message.channels",
  "message.groups",
  "app_uninstalled",
  "tokens_revoked",
] as const;

/**
 * A Slack app manifest for a deployment at `baseUrl`, derived from the command registry:
 * paste it into "Create New App → From an app manifest". Two slash commands at the same URL:
 * `command` (`/cop`) for everyone and its moderators' pair (`/copmod`). Slack cannot hide a
 * command from members; guyub refuses them, and `/cop` still takes moderator words for a release.
 */
export function slackManifest(registry: Registry, baseUrl: string, command = "/cop") {
  const base = baseUrl.replace(/\/+$/, "");
  const t = translator("en");
  const { syntax } = slackCommandRoots(command);
  const slashCommand = (name: string, root: CommandRoot) => ({
    command: name,
    url: `${base}/slack/commands`,
    // `/cop`'s line stays the one members know; `/copmod` says whom it is for.
    description: t(root === MEMBER_ROOT ? "cmd.help" : ROOT_SUMMARIES[root]),
    usage_hint: registry
      .tree(SLACK_TRAITS, root)
      .map((entry) => (entry.kind === "command" ? entry.command.name : entry.name))
      .join(" | ")
      .slice(0, 1000),
    // Turn "@ayu" into <@U123|ayu> so commands get stable user ids.
    should_escape: true,
  });
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: "guyub",
      description: t("cmd.root"),
      background_color: "#2f5d50",
    },
    features: {
      bot_user: { display_name: "guyub", always_online: true },
      slash_commands: [
        slashCommand(syntax.prefix, MEMBER_ROOT),
        slashCommand(syntax.moderatorPrefix, MODERATOR_ROOT),
      ],
      // In every message's "More actions" menu (names up to 24 characters; Slack has no localizations).
      shortcuts: Object.keys(MESSAGE_SHORTCUTS).map((callbackId) => ({
        name: t("reports.shortcut.name"),
        type: "message",
        callback_id: callbackId,
        description: t("reports.shortcut.description"),
      })),
    },
    oauth_config: {
      redirect_urls: [`${base}/slack/oauth/callback`],
      scopes: { bot: [...SLACK_BOT_SCOPES] },
    },
    settings: {
      event_subscriptions: { request_url: `${base}/slack/events`, bot_events: [...SLACK_BOT_EVENTS] },
      interactivity: { is_enabled: true, request_url: `${base}/slack/interactions` },
      org_deploy_enabled: false,
      socket_mode_enabled: false,
      token_rotation_enabled: false,
    },
  };
}
