/**
 * The Slack stand-in's fixed world: one workspace, its bot, a seeded member directory, and the
 * Block Kit checks that catch rendering bugs before real Slack would.
 */

export const TEAM_ID = "T0GUYUB";
export const BOT_USER_ID = "U0GUYUBBOT";
export const BOT_ID = "B0GUYUB";
export const APP_ID = "A0GUYUB";

interface Seed {
  name: string;
  realName: string;
  isAdmin?: boolean;
  isOwner?: boolean;
  isBot?: boolean;
  deleted?: boolean;
}

/** Seeded users; any other id shaped like a Slack user id is an ordinary member. */
export const SEEDED_USERS: Record<string, Seed> = {
  U0MEMBER: { name: "ayu", realName: "Ayu Lestari" },
  U0MODERATOR: { name: "budi", realName: "Budi Santoso", isAdmin: true },
  U0OWNER: { name: "citra", realName: "Citra Dewi", isAdmin: true, isOwner: true },
  U0DEACTIVATED: { name: "dewi", realName: "Dewi Former", deleted: true },
  [BOT_USER_ID]: { name: "guyub", realName: "guyub", isBot: true },
};

const USER_ID = /^U[A-Z0-9]+$/;

/** The `user` object of `users.info`, or undefined for an id Slack would not know. */
export function slackUser(id: string, teamId = TEAM_ID): Record<string, unknown> | undefined {
  const seed =
    SEEDED_USERS[id] ?? (USER_ID.test(id) ? { name: id.toLowerCase(), realName: `Member ${id}` } : null);
  if (!seed) return undefined;
  return {
    id,
    team_id: teamId,
    name: seed.name,
    real_name: seed.realName,
    is_admin: seed.isAdmin ?? false,
    is_owner: seed.isOwner ?? false,
    is_bot: seed.isBot ?? false,
    deleted: seed.deleted ?? false,
    tz: "Asia/Jakarta",
    profile: { display_name: seed.name, real_name: seed.realName },
  };
}

/**
 * The workspace directory `users.list` pages through: the seeded users, then generated members
 * `U0M00001`, `U0M00002`… (ordinary members, as `users.info` describes any such id), `count` in all.
 */
export function slackDirectory(count: number): string[] {
  const seeded = Object.keys(SEEDED_USERS);
  const generated = Array.from(
    { length: Math.max(0, count - seeded.length) },
    (_, i) => `U0M${String(i + 1).padStart(5, "0")}`,
  );
  return [...seeded, ...generated].slice(0, count);
}

/** A stable DM channel id for a user: `U0MEMBER` → `D0MEMBER`. */
export function dmChannelId(userId: string): string {
  return `D${userId.slice(1)}`;
}

const BLOCK_TYPES = new Set([
  "actions",
  "context",
  "divider",
  "file",
  "header",
  "image",
  "input",
  "markdown",
  "rich_text",
  "section",
  "table",
  "video",
]);

/**
 * Parses and checks a `blocks` argument (an array, or a JSON string as form bodies carry it).
 * Returns the blocks, or the list of problems Slack would report as `invalid_blocks`.
 */
export function checkBlocks(raw: unknown): { blocks?: unknown[]; errors?: string[] } {
  let value = raw;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw);
    } catch {
      return { errors: ["blocks is not valid JSON"] };
    }
  }
  if (!Array.isArray(value)) return { errors: ["blocks must be an array"] };
  if (value.length > 50) return { errors: ["no more than 50 items allowed [json-pointer:/blocks]"] };
  const errors: string[] = [];
  for (const [i, block] of value.entries()) {
    const at = `[json-pointer:/blocks/${i}]`;
    const b = (typeof block === "object" && block !== null ? block : {}) as Record<string, unknown>;
    if (typeof b.type !== "string" || !BLOCK_TYPES.has(b.type)) {
      errors.push(`invalid block type ${at}`);
      continue;
    }
    const text = (b.text as { text?: unknown } | undefined)?.text;
    if (b.type === "section" && typeof text === "string" && text.length > 3000)
      errors.push(`must be less than 3001 characters ${at}/text`);
    if (b.type === "section" && Array.isArray(b.fields) && b.fields.length > 10)
      errors.push(`must be no more than 10 items ${at}/fields`);
    if (b.type === "header" && (typeof text !== "string" || text.length > 150))
      errors.push(`header text must be 1-150 characters ${at}/text`);
    const elements = b.elements;
    if (b.type === "actions" && (!Array.isArray(elements) || elements.length < 1 || elements.length > 25))
      errors.push(`must have 1-25 elements ${at}/elements`);
    if (b.type === "context" && (!Array.isArray(elements) || elements.length < 1 || elements.length > 10))
      errors.push(`must have 1-10 elements ${at}/elements`);
  }
  return errors.length ? { errors } : { blocks: value };
}
