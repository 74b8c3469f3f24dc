import { type Fields, isFields, shortString, snowflake } from "../quick-check.ts";
import { type DiscordInteraction, type DiscordOption, interactionPayload } from "./payloads.ts";

/** The interaction as `interactionPayload` parses it; zod decides anything unusual. */
export function parseInteraction(
  value: unknown,
): { success: true; data: DiscordInteraction } | { success: false } {
  const quick = quickInteraction(value);
  if (quick) return { success: true, data: quick };
  return interactionPayload.safeParse(value);
}

const PERMISSIONS = /^\d{1,40}$/;

/** The common interaction, checked field by field as the schema does (see quick-check.ts). */
export function quickInteraction(value: unknown): DiscordInteraction | undefined {
  if (!isFields(value)) return undefined;
  const { type } = value;
  if (!snowflake(value.id) || !snowflake(value.application_id)) return undefined;
  if (typeof type !== "number" || !Number.isInteger(type) || type < 1 || type > 5) return undefined;
  if (value.guild_id !== undefined && !snowflake(value.guild_id)) return undefined;
  if (
    !shortString(value.token, 1000, true) ||
    !shortString(value.guild_locale, 16, true) ||
    !shortString(value.locale, 16, true)
  )
    return undefined;
  if (value.user !== undefined && !user(value.user)) return undefined;
  const out: Fields = { ...value };
  if (value.member !== undefined) {
    const member = quickMember(value.member);
    if (!member) return undefined;
    out.member = member;
  }
  if (value.data !== undefined) {
    const data = quickData(value.data);
    if (!data) return undefined;
    out.data = data;
  }
  return out as DiscordInteraction;
}

function user(value: unknown): boolean {
  if (!isFields(value) || !snowflake(value.id) || !shortString(value.username, 64, true)) return false;
  return value.global_name === null || shortString(value.global_name, 64, true);
}

function quickMember(value: unknown): Fields | undefined {
  if (!isFields(value) || !user(value.user)) return undefined;
  if (value.permissions !== undefined) {
    if (typeof value.permissions !== "string" || !PERMISSIONS.test(value.permissions)) return undefined;
  }
  if (value.nick !== null && !shortString(value.nick, 64, true)) return undefined;
  const { roles } = value;
  if (roles === undefined) return { ...value, roles: [] }; // the schema's default
  if (!Array.isArray(roles) || roles.length > 1000 || !roles.every(snowflake)) return undefined;
  return { ...value, roles: [...roles] };
}

function quickData(value: unknown): Fields | undefined {
  if (!isFields(value) || !shortString(value.name, 32, true) || !shortString(value.custom_id, 100, true))
    return undefined;
  if (value.options === undefined) return { ...value };
  const options = quickOptions(value.options);
  return options ? { ...value, options } : undefined;
}

/** Options keep only their four known fields, as the schema's (strict-output) object does. */
function quickOptions(value: unknown): DiscordOption[] | undefined {
  if (!Array.isArray(value) || value.length > 25) return undefined;
  const out: DiscordOption[] = [];
  for (const option of value) {
    if (!isFields(option) || !shortString(option.name, 32)) return undefined;
    const { name, type, value: given } = option as { name: string; type: unknown; value: unknown };
    if (typeof type !== "number" || !Number.isInteger(type)) return undefined;
    const parsed: DiscordOption = { name, type };
    if (given !== undefined) {
      const ok =
        typeof given === "boolean" ||
        (typeof given === "number" && Number.isFinite(given)) ||
        (typeof given === "string" && given.length <= 6000);
      if (!ok) return undefined;
      parsed.value = given as string | number | boolean;
    }
    if (option.options !== undefined) {
      const nested = quickOptions(option.options);
      if (!nested) return undefined;
      parsed.options = nested;
    }
    out.push(parsed);
  }
  return out;
}
