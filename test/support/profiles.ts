import { env } from "cloudflare:workers";
import type { ActionContext, ActionResult, FieldErrors, FormValues } from "../../src/core/actions/types.ts";
import type { Locale } from "../../src/core/i18n/index.ts";
import { translator } from "../../src/core/i18n/index.ts";
import type { CommunityStore } from "../../src/core/ports.ts";
import { createDb } from "../../src/db/client.ts";
import { createCommunityStore } from "../../src/db/store.ts";
import { type TestPlatform, TRAITS } from "./traits.ts";

/** The real D1 store, as the app builds it. */
export function realStore(): CommunityStore {
  return createCommunityStore(createDb(env.DB), env.DB);
}

export const WORKSPACE: Record<TestPlatform, string> = { slack: "T0GUYUB01", discord: "200000000000000001" };
export const MAIN_CHANNEL: Record<TestPlatform, string> = {
  slack: "C0GENERAL",
  discord: "600000000000000001",
};

/**
 * A member's context for calling form and action handlers directly, as the interaction handler
 * builds it: registered through the real store, with the community's main channel set (unless
 * `mainChannel: null`).
 */
export async function memberContext(
  platform: TestPlatform,
  userId: string,
  options: { now?: Date; locale?: Locale; mainChannel?: string | null; name?: string } = {},
): Promise<ActionContext> {
  const store = realStore();
  const now = options.now ?? new Date("2026-12-01T12:00:00Z");
  const contact = {
    platform,
    workspaceId: WORKSPACE[platform],
    workspaceName: "Guru Penggerak",
    userId,
    displayName: options.name ?? userId,
    initialLocale: options.locale ?? "en",
  };
  const { community, member } = await store.register(contact, now.toISOString().slice(0, 10), now);
  if (!member) throw new Error("a test member cannot be on the forgotten list");
  const mainChannel = options.mainChannel === undefined ? MAIN_CHANNEL[platform] : options.mainChannel;
  await env.DB.prepare("UPDATE communities SET main_channel_id = ?, locale = ?, timezone = ? WHERE id = ?")
    .bind(mainChannel, options.locale ?? "en", "Asia/Jakarta", community.id)
    .run();
  const locale = options.locale ?? "en";
  return {
    platform,
    traits: TRAITS[platform],
    community: { ...community, locale, timezone: "Asia/Jakarta" },
    member,
    t: translator(locale),
    now,
    syntax: { prefix: "/cop", moderatorPrefix: "/copmod", namedOptions: platform === "discord" },
    store,
    moderatorStatus: async () => "member",
  };
}

/** Applies a handler's effects in one batch, as `handleInteraction` does after a submit. */
export async function applyResult(ctx: ActionContext, result: ActionResult | FieldErrors): Promise<void> {
  if ("errors" in result || !result.effects?.length) return;
  await realStore().apply(ctx.community, result.effects, null, ctx.now);
}

/** A complete, valid intro as form values; override any field. */
export function introValues(overrides: FormValues = {}): FormValues {
  return {
    does: "I teach maths at SMK Negeri 2 Bandung",
    shares: "Rubrik penilaian and assessment design",
    needs: "Classroom management for big classes",
    benefits: ["problem", "support"],
    frequency: ["fortnightly"],
    intro: ["yes"],
    findable: ["yes"],
    ...overrides,
  };
}

/** One row per table the profile feature writes, for "nothing changed" assertions. */
export async function profileRows(): Promise<{ profiles: unknown[]; drafts: unknown[]; outbox: unknown[] }> {
  const [profiles, drafts, outbox] = await env.DB.batch([
    env.DB.prepare("SELECT * FROM profiles ORDER BY id"),
    env.DB.prepare("SELECT * FROM profile_drafts ORDER BY member_id"),
    env.DB.prepare("SELECT * FROM outbox ORDER BY id"),
  ]);
  return { profiles: profiles?.results ?? [], drafts: drafts?.results ?? [], outbox: outbox?.results ?? [] };
}
