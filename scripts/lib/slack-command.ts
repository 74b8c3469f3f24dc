import { isCommandRoot, MEMBER_ROOT } from "../../src/core/commands/roots.ts";
import { SEEDED_USERS } from "../standins/slack-data.ts";
import { type SlackDirectory, slackEscaped } from "./slack-text.ts";

/** The signing CLI's workspace: the stand-in's seeded members by name, and its #general. */
export const CLI_SLACK_DIRECTORY: SlackDirectory = {
  user: (name) => Object.entries(SEEDED_USERS).find(([, seed]) => seed.name === name.toLowerCase())?.[0],
  channel: (name) => (name.toLowerCase() === "general" ? "C0GENERAL" : undefined),
};

export interface SlackCommandSettings {
  readonly team: string;
  readonly user: string;
  /** The slash command: `/cop`, `/copmod`, or what a staging app names it. */
  readonly command: string;
  /** Where Slack's response_url points: the stand-ins. */
  readonly standinsUrl: string;
  readonly directory?: SlackDirectory;
}

/**
 * The slash command and its text from a typed line: `/copmod meeting link …` is `/copmod`, and
 * `/cop …` (or `cop …`) is `/cop`; another `/name` is sent as it is (a staging app's command);
 * a line without one is `/cop`'s words.
 */
export function slackSlashCommand(line: string): { readonly command: string; readonly text: string } {
  const trimmed = line.trim();
  const first = /^(\/?)(\S+)(?:\s+|$)/.exec(trimmed);
  const word = first?.[2] ?? "";
  if (first && (first[1] === "/" || isCommandRoot(word.toLowerCase()))) {
    const command = isCommandRoot(word.toLowerCase()) ? `/${word.toLowerCase()}` : `/${word}`;
    return { command, text: trimmed.slice(first[0].length) };
  }
  return { command: `/${MEMBER_ROOT}`, text: trimmed };
}

let triggers = 0;
/** A trigger_id shaped like Slack's, new for every command, press and submit (guyub's ingress key). */
export function freshTriggerId(now = Date.now()): string {
  const random = Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) =>
    b.toString(16).padStart(2, "0"),
  );
  return `${now}.${++triggers}${Math.floor(Math.random() * 1e6)}.${random.join("")}`;
}

/**
 * The form body Slack posts for `/cop <typed>` (or `settings.command`): the text escaped as Slack escapes it (links,
 * members, channels and `&<>`; see slack-text.ts), a fresh trigger_id and response_url.
 */
export function slackCommandForm(typed: string, settings: SlackCommandSettings): string {
  return new URLSearchParams({
    token: "unused-verification-token",
    team_id: settings.team,
    team_domain: "guyub-dev",
    channel_id: "C0GENERAL",
    channel_name: "general",
    user_id: settings.user,
    user_name: SEEDED_USERS[settings.user]?.name ?? settings.user.toLowerCase(),
    command: settings.command,
    text: slackEscaped(typed, settings.directory ?? CLI_SLACK_DIRECTORY),
    api_app_id: "A0GUYUBDEV",
    response_url: `${settings.standinsUrl}/slack/response/${crypto.randomUUID()}`,
    trigger_id: freshTriggerId(),
  }).toString();
}
