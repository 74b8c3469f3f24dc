/** The Slack Web API methods the stand-in answers, after slack.ts checked auth and rate limits. */
import { slackChannelError, slackDmError } from "./access.ts";
import { APP_ID, BOT_ID, BOT_USER_ID, checkBlocks, dmChannelId, slackUser, TEAM_ID } from "./slack-data.ts";
import { FILE_METHODS } from "./slack-files.ts";
import { slackPage } from "./slack-pages.ts";
import { remember, type StandinState } from "./state.ts";

export type Args = Record<string, unknown>;
export type Result = { ok: boolean; [key: string]: unknown };
export interface Ctx {
  state: StandinState;
  token: string;
  /** Where this Slack stand-in is mounted (`…/slack`), for URLs it hands out (an upload URL). */
  mount: string;
}

/** Posting to a user id lands in the DM with that user, as on Slack. */
const resolveChannel = (channel: string) => (channel.startsWith("U") ? dmChannelId(channel) : channel);

export const METHODS: Record<string, (args: Args, ctx: Ctx) => Result> = {
  ...FILE_METHODS,
  "auth.test": () => ({
    ok: true,
    url: "https://guyub-dev.slack.com/",
    team: "guyub dev",
    user: "guyub",
    team_id: TEAM_ID,
    user_id: BOT_USER_ID,
    bot_id: BOT_ID,
    is_enterprise_install: false,
  }),

  "users.info": (args, { state }) => {
    const id = str(args.user);
    const mark = state.userMarks.get(`slack:${id}`);
    const user = mark === "unknown" ? undefined : slackUser(id, str(args.team_id) || undefined);
    if (!user) return { ok: false, error: "user_not_found" };
    const tz = state.userZones.get(id);
    return {
      ok: true,
      user: {
        ...user,
        ...(mark === "bot" ? { is_bot: true } : {}),
        ...(mark === "member" ? { is_admin: false, is_owner: false } : {}),
        ...(tz ? { tz } : {}),
      },
    };
  },

  // What guyub asks before posting somewhere: does the channel exist for the bot, is the bot in it?
  "conversations.info": (args, { state }) => {
    const id = str(args.channel);
    const lost = slackChannelError(state, id);
    // A private channel the bot is not in does not exist for it; neither does a gone one.
    if (!/^[CG][A-Z0-9]{2,}$/.test(id) || lost === "channel_not_found")
      return { ok: false, error: "channel_not_found" };
    const archived = lost === "is_archived";
    return {
      ok: true,
      channel: {
        id,
        name: id.toLowerCase(),
        is_channel: !id.startsWith("G"),
        is_group: false,
        is_im: false,
        is_private: id.startsWith("G"),
        is_archived: archived,
        is_general: id === "C0GENERAL",
        // Marked `not_in_channel` (or archived): the bot is not a member, so it cannot post there.
        is_member: lost === undefined,
        created: 1_700_000_000,
        creator: "U0OWNER",
      },
    };
  },

  "users.list": (args, { state }) => slackPage(args, "members", state),

  "conversations.members": (args, { state }) => slackPage(args, "channelMembers", state),

  "conversations.history": (args, { state }) => slackPage(args, "history", state),

  "chat.postMessage": (args, { state, token }) => {
    const channel = str(args.channel);
    if (!channel) return { ok: false, error: "channel_not_found" };
    const dmError = channel.startsWith("U") ? slackDmError(state, channel) : undefined;
    if (dmError) return { ok: false, error: dmError };
    const content = messageContent(args);
    if (!content.ok) return content;
    const ts = state.slackTs();
    const target = resolveChannel(channel);
    // A reply in a thread carries its parent's ts (`thread_ts`), as Slack returns it.
    const threadTs = str(args.thread_ts);
    const message = {
      type: "message",
      user: BOT_USER_ID,
      bot_id: BOT_ID,
      app_id: APP_ID,
      team: TEAM_ID,
      ts,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      ...(content.message as Args),
    };
    remember(state.slackMessages, `${target} ${ts}`, { channel: target, ts, token, message });
    return { ok: true, channel: target, ts, message };
  },

  "chat.update": (args, { state, token }) => {
    const channel = resolveChannel(str(args.channel));
    if (!channel) return { ok: false, error: "channel_not_found" };
    const stored = state.slackMessages.get(`${channel} ${str(args.ts)}`);
    if (!stored) return { ok: false, error: "message_not_found" };
    if (stored.token !== token) return { ok: false, error: "cant_update_message" };
    const content = messageContent(args);
    if (!content.ok) return content;
    // Blocks left out keep the old ones, as on Slack; `blocks: []` with text removes them.
    const edited = { user: BOT_USER_ID, ts: state.slackTs() };
    stored.message = { ...stored.message, ...(content.message as Args), edited };
    const { text } = content.message as { text: string };
    return { ok: true, channel, ts: stored.ts, text, message: stored.message };
  },

  "chat.postEphemeral": (args, { state }) => {
    if (!str(args.channel)) return { ok: false, error: "channel_not_found" };
    if (!slackUser(str(args.user))) return { ok: false, error: "user_not_in_channel" };
    const content = messageContent(args);
    return content.ok ? { ok: true, message_ts: state.slackTs() } : content;
  },

  // A modal on a trigger_id (valid 3 s on Slack; a trigger_id "expired" plays the late case). Each
  // command, press and submit brings its own trigger_id, which opens one view: a second use is
  // refused as Slack refuses it, so a sender that reuses trigger ids is caught.
  "views.open": (args, { state }) => {
    const trigger = str(args.trigger_id);
    if (!trigger) return { ok: false, error: "invalid_arguments" };
    if (trigger === "expired") return { ok: false, error: "expired_trigger_id" };
    if (state.exchangedTriggers.has(trigger)) return { ok: false, error: "exchanged_trigger_id" };
    let view: Args;
    try {
      view = (typeof args.view === "string" ? JSON.parse(args.view) : args.view) as Args;
    } catch {
      return { ok: false, error: "invalid_arguments" };
    }
    const problems = checkModal(view);
    if (problems.length > 0)
      return { ok: false, error: "invalid_arguments", response_metadata: { messages: problems } };
    const id = `V${state.slackTs().replace(".", "")}`;
    remember(state.exchangedTriggers, trigger, id);
    return { ok: true, view: { id, ...view } };
  },

  "conversations.open": (args, { state }) => {
    if (args.channel)
      return { ok: true, no_op: true, already_open: true, channel: { id: str(args.channel) } };
    const raw = args.users;
    const ids = (Array.isArray(raw) ? raw.map(str) : str(raw).split(","))
      .map((u) => u.trim())
      .filter(Boolean);
    if (ids.length === 0) return { ok: false, error: "users_list_not_supplied" };
    if (ids.length > 8) return { ok: false, error: "too_many_users" };
    for (const id of ids) {
      const marked = slackDmError(state, id);
      if (marked) return { ok: false, error: marked };
      const mark = state.userMarks.get(`slack:${id}`);
      const user = mark === "unknown" ? undefined : slackUser(id);
      if (!user) return { ok: false, error: "user_not_found" };
      if (mark === "bot") return { ok: false, error: "cannot_dm_bot" };
      if (user.deleted) return { ok: false, error: "user_disabled" };
      if (user.is_bot) return { ok: false, error: "cannot_dm_bot" };
    }
    const [first] = ids;
    const id =
      ids.length === 1 && first ? dmChannelId(first) : `G${[...ids].sort().join("").replace(/U/g, "")}`;
    return { ok: true, no_op: true, already_open: true, channel: { id } };
  },
};

/** Slack's modal rules that catch rendering bugs: type, title and button lengths, 100 blocks, inputs. */
function checkModal(view: Args | null): string[] {
  const problems: string[] = [];
  if (view?.type !== "modal") return ["[ERROR] must be a modal view [json-pointer:/view/type]"];
  const plainUpTo = (field: string, max: number, required: boolean) => {
    const value = view[field] as { type?: string; text?: string } | undefined;
    if (!value) {
      if (required) problems.push(`[ERROR] missing required field: ${field}`);
      return;
    }
    if (value.type !== "plain_text" || typeof value.text !== "string" || value.text.length === 0)
      problems.push(`[ERROR] ${field} must be plain_text`);
    else if (value.text.length > max)
      problems.push(`[ERROR] must be less than ${max + 1} characters [json-pointer:/view/${field}/text]`);
  };
  plainUpTo("title", 24, true);
  plainUpTo("submit", 24, false);
  plainUpTo("close", 24, false);
  const blocks = Array.isArray(view.blocks) ? (view.blocks as Args[]) : null;
  if (!blocks) problems.push("[ERROR] missing required field: blocks");
  else if (blocks.length > 100)
    problems.push("[ERROR] no more than 100 items allowed [json-pointer:/view/blocks]");
  const inputs = (blocks ?? []).filter((b) => b.type === "input");
  if (inputs.length > 0 && !view.submit) problems.push("[ERROR] a view with inputs needs a submit button");
  for (const input of inputs) {
    if (!input.label || !input.element) problems.push("[ERROR] input blocks need a label and an element");
    else problems.push(...checkUsersSelect(input.element as Args));
  }
  if (String(view.callback_id ?? "").length > 255)
    problems.push("[ERROR] callback_id must be 255 characters or fewer");
  return problems;
}

/**
 * A `multi_users_select` as Slack checks it: `max_selected_items` at least 1, `initial_users` an
 * array of user ids (Slack answers `invalid_arguments` naming the pointer).
 */
function checkUsersSelect(element: Args): string[] {
  if (element.type !== "multi_users_select") return [];
  const problems: string[] = [];
  const max = element.max_selected_items;
  if (max !== undefined && !(typeof max === "number" && Number.isInteger(max) && max >= 1))
    problems.push("[ERROR] must be at least 1 [json-pointer:/view/blocks/element/max_selected_items]");
  const initial = element.initial_users;
  if (
    initial !== undefined &&
    !(Array.isArray(initial) && initial.every((u) => typeof u === "string" && /^[UW][A-Z0-9]+$/.test(u)))
  )
    problems.push("[ERROR] must be an array of user ids [json-pointer:/view/blocks/element/initial_users]");
  return problems;
}

/** `text` and/or valid `blocks`, as `chat.postMessage`, `chat.update` and `chat.postEphemeral` require. */
function messageContent(args: Args): Result {
  const text = str(args.text);
  const { blocks, errors } = args.blocks === undefined ? {} : checkBlocks(args.blocks);
  if (errors) return { ok: false, error: "invalid_blocks", errors, response_metadata: { messages: errors } };
  if (!text && !blocks?.length && !args.attachments) return { ok: false, error: "no_text" };
  if (text.length > 40_000) return { ok: false, error: "msg_too_long" };
  return { ok: true, message: { text, ...(blocks ? { blocks } : {}) } };
}

export function str(value: unknown): string {
  return typeof value === "string" ? value : value === undefined || value === null ? "" : String(value);
}
