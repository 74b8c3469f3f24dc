import type { App } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { z } from "zod";
import { type JoinProfile, recordJoin, recordLeave } from "../../features/membership/events.ts";
import type { SlackRequestContext } from "./request-context.ts";

const userId = z.string().regex(/^[A-Z0-9]{1,32}$/);
const channelId = z.string().regex(/^[A-Z0-9]{1,32}$/);
const user = z.looseObject({
  id: userId,
  name: z.string().max(255).optional(),
  real_name: z.string().max(255).optional(),
  deleted: z.boolean().optional(),
  is_bot: z.boolean().optional(),
  profile: z
    .looseObject({ display_name: z.string().max(255).optional(), real_name: z.string().max(255).optional() })
    .optional(),
});
const envelope = z.looseObject({ team_id: z.string().min(1).max(32), event_id: z.string().min(1).max(64) });
const withUser = z.looseObject({ user });
const channelEvent = z.looseObject({ user: userId, channel: channelId });

type SlackUser = z.infer<typeof user>;

/** Slackbot is listed with `is_bot: false`; it is never a member. */
const SLACKBOT = "USLACKBOT";

function profileOf(u: SlackUser): JoinProfile {
  return {
    isBot: u.is_bot === true || u.id === SLACKBOT,
    displayName: u.profile?.display_name || u.profile?.real_name || u.real_name || u.name || null,
  };
}

/**
 * Joins and departures from the Events API: `team_join` (a new workspace member), the main
 * channel's `member_joined_channel` / `member_left_channel`, and `user_change` with
 * `deleted: true` (deactivated). Each is keyed `slack:<team>:event:<event_id>`, so Slack's
 * retries (X-Slack-Retry-Num) change nothing twice. A malformed event is logged and dropped.
 */
export function registerMembershipEvents(bolt: App): void {
  const keyed = (body: unknown) => {
    const parsed = envelope.safeParse(body);
    if (!parsed.success) return null;
    const { team_id, event_id } = parsed.data;
    return { workspaceId: team_id, ingressKey: `slack:${team_id}:event:${event_id}` };
  };

  bolt.event("team_join", async ({ body, event, context }) => {
    const ids = keyed(body);
    const parsed = withUser.safeParse(event);
    if (!ids || !parsed.success) return console.warn("slack: unusable team_join event");
    const joined = parsed.data.user;
    if (joined.deleted) return;
    await recordJoin(core(context), {
      platform: "slack",
      ...ids,
      userId: joined.id,
      profile: async () => profileOf(joined),
    });
  });

  bolt.event("member_joined_channel", async ({ body, event, context, client }) => {
    const ids = keyed(body);
    const parsed = channelEvent.safeParse(event);
    if (!ids || !parsed.success) return console.warn("slack: unusable member_joined_channel event");
    await recordJoin(core(context), {
      platform: "slack",
      ...ids,
      userId: parsed.data.user,
      channelId: parsed.data.channel,
      // The event names nobody's kind: ask users.info, only when it would welcome someone.
      profile: () => lookUp(client, parsed.data.user),
    });
  });

  bolt.event("member_left_channel", async ({ body, event, context }) => {
    const ids = keyed(body);
    const parsed = channelEvent.safeParse(event);
    if (!ids || !parsed.success) return console.warn("slack: unusable member_left_channel event");
    await recordLeave(core(context), {
      platform: "slack",
      ...ids,
      userId: parsed.data.user,
      channelId: parsed.data.channel,
      reason: "channel",
    });
  });

  bolt.event("user_change", async ({ body, event, context }) => {
    const ids = keyed(body);
    const parsed = withUser.safeParse(event);
    // Most user_change events are profile edits: only a deactivation matters here.
    if (!ids || !parsed.success || parsed.data.user.deleted !== true) return;
    await recordLeave(core(context), {
      platform: "slack",
      ...ids,
      userId: parsed.data.user.id,
      reason: "gone",
    });
  });
}

function core(context: Record<string, unknown>) {
  return (context.guyub as SlackRequestContext).core;
}

async function lookUp(client: WebClient, id: string): Promise<JoinProfile | null> {
  try {
    const answer = await client.users.info({ user: id });
    const parsed = user.safeParse(answer.user);
    return parsed.success ? profileOf(parsed.data) : null;
  } catch (error) {
    console.warn("slack: users.info failed; the member sync will find this member", { id, error });
    return null;
  }
}
