import { type Fields, plainHttpUrl, shortString } from "../quick-check.ts";
import { type SlashCommandPayload, slashCommandPayload } from "./payloads.ts";

const COMMAND = /^\/[\w-]{1,32}$/;
const USER = /^[A-Z0-9]{1,32}$/;

/** The slash-command form as `slashCommandPayload` parses it; zod decides anything unusual. */
export function parseSlashCommand(
  form: Fields,
): { success: true; data: SlashCommandPayload } | { success: false } {
  const quick = quickSlashCommand(form);
  if (quick) return { success: true, data: quick };
  return slashCommandPayload.safeParse(form);
}

/** The common form, checked field by field as the schema does (see quick-check.ts). */
export function quickSlashCommand(form: Fields): SlashCommandPayload | undefined {
  const { command, text, team_id, user_id } = form;
  if (typeof command !== "string" || !COMMAND.test(command)) return undefined;
  if (text !== undefined && typeof text !== "string") return undefined;
  if (typeof team_id !== "string" || team_id.length < 1 || team_id.length > 32) return undefined;
  if (typeof user_id !== "string" || !USER.test(user_id)) return undefined;
  if (
    !shortString(form.team_domain, 255, true) ||
    !shortString(form.user_name, 255, true) ||
    !shortString(form.channel_id, 32, true) ||
    !shortString(form.trigger_id, 255, true) ||
    !plainHttpUrl(form.response_url)
  )
    return undefined;
  return { ...form, text: text ?? "" } as SlashCommandPayload;
}
