import { env } from "cloudflare:workers";
import { slackSubmit } from "./interactions.ts";
import { commandBody, MODERATOR, signedSlack } from "./slack.ts";
import { isolate } from "./worker.ts";

/** A Wednesday, 10:00 in Jakarta; the community will meet on Tuesdays at 19:00 there. */
export const SETUP_AT = new Date("2027-02-24T03:00:00Z");

/** The whole setup form filled in well (Slack's one modal; Discord's two steps split it). */
export const GOOD = {
  language: ["en"],
  timezone: "asia/jakarta",
  channel: ["C0GENERAL"],
  conduct: "Be kind, share generously.",
  cadence: ["weekly"],
  weekday: ["tue"],
  time: "19:00",
  link: "https://meet.example/cop",
};

/** How Slack submits each of the setup modal's fields. */
export const SETUP_SELECTS = {
  language: "static_select",
  channel: "conversations_select",
  cadence: "static_select",
  weekday: "static_select",
} as const;

/** A Slack app pinned at `at`, and its signed requests stamped with that time. */
export function slackAt(at: Date) {
  const send = isolate({ now: () => at, sessionCacheMs: 0 });
  const timestamp = at.getTime() / 1000;
  return {
    /** The reply's JSON; `{}` when the command opened a modal (Slack gets an empty ack). */
    command: async (text: string, user = MODERATOR) => {
      const request = await signedSlack("/slack/commands", commandBody(text, { user_id: user }), {
        timestamp,
      });
      const body = await (await send(request)).text();
      return (body ? JSON.parse(body) : {}) as Record<string, unknown>;
    },
    submit: async (packed: string, values: Record<string, string | string[]>, user = MODERATOR) =>
      (await (
        await send(await slackSubmit(packed, values, { user, selects: SETUP_SELECTS, timestamp }))
      ).json()) as Record<string, unknown>,
  };
}

/** Everything the setup form can change: the community row and the meeting series. */
export async function settingsRows() {
  const [communities, series, overrides] = await env.DB.batch([
    env.DB.prepare("SELECT * FROM communities ORDER BY id"),
    env.DB.prepare("SELECT * FROM meeting_series ORDER BY community_id"),
    env.DB.prepare("SELECT * FROM meeting_overrides ORDER BY community_id, day"),
  ]);
  return { communities: communities?.results, series: series?.results, overrides: overrides?.results };
}

export const communityId = async () =>
  Number((await env.DB.prepare("SELECT id FROM communities").first<{ id: number }>())?.id);
