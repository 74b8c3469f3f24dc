/**
 * The demo's Slack members: every request is what Slack would send (slash commands, Events API
 * envelopes, block_actions, view_submission), signed with the workspace's signing secret at real
 * time, and carrying the simulated moment for the demo Worker's clock.
 */
import { signSlackRequest } from "../../src/adapters/slack/verify.ts";
import { type CommandRoot, MEMBER_ROOT } from "../../src/core/commands/roots.ts";
import { type SlackDirectory, slackEscaped } from "../lib/slack-text.ts";
import { dmChannelId, SEEDED_USERS } from "../standins/slack-data.ts";
import type { StandinState } from "../standins/state.ts";
import { slackMessageText } from "../standins/transcript.ts";
import type { Clock } from "./clock.ts";
import { DEMO_TIME_HEADER } from "./constants.ts";
import type { DemoMember, Driver, FormAnswers, Reply } from "./driver.ts";
import { fillForm, type OpenedForm } from "./forms.ts";
import { EVERYONE } from "./people.ts";
import type { Transcript } from "./transcript.ts";

export const SLACK_TEAM = "T0GUYUB";
export const SLACK_MAIN_CHANNEL = "C0KOMUNITAS";

type Obj = Record<string, unknown>;

/** The demo workspace as Slack's escaping knows it: the roster's handles and #komunitas. */
const DEMO_DIRECTORY: SlackDirectory = {
  user: (name) => EVERYONE.find((m) => m.handle === name.toLowerCase())?.slackId,
  channel: (name) => (name.toLowerCase() === "komunitas" ? SLACK_MAIN_CHANNEL : undefined),
};

export class SlackDriver implements Driver {
  readonly platform = "slack" as const;
  private seq = 0;
  /** The last form guyub opened for each member (views.open), by Slack user id. */
  private forms = new Map<string, OpenedForm>();

  constructor(
    private readonly url: string,
    private readonly standinsUrl: string,
    private readonly secret: string,
    private readonly state: StandinState,
    private readonly clock: Clock,
    private readonly transcript: Transcript,
  ) {}

  idOf(member: DemoMember): string {
    return member.slackId;
  }

  mainChannel(): string {
    return SLACK_MAIN_CHANNEL;
  }

  async join(member: DemoMember): Promise<void> {
    // The newcomer is now in the workspace: users.info knows their name, users.list lists them.
    SEEDED_USERS[member.slackId] ??= { name: member.handle, realName: member.name };
    this.state.configure({ slackUserCount: Object.keys(SEEDED_USERS).length });
    await this.event({
      type: "team_join",
      user: {
        id: member.slackId,
        name: member.handle,
        real_name: member.name,
        is_bot: false,
        deleted: false,
        profile: { display_name: member.name, real_name: member.name },
      },
    });
  }

  async speak(member: DemoMember): Promise<void> {
    await this.event({
      type: "message",
      channel: SLACK_MAIN_CHANNEL,
      user: member.slackId,
      text: "…",
      ts: `${Math.floor(this.clock.now().getTime() / 1000)}.${String(++this.seq).padStart(6, "0")}`,
    });
  }

  async command(member: DemoMember, text: string, root: CommandRoot = MEMBER_ROOT): Promise<Reply> {
    const trigger = this.trigger();
    const body = new URLSearchParams({
      token: "unused-verification-token",
      team_id: SLACK_TEAM,
      team_domain: "komunitas",
      channel_id: SLACK_MAIN_CHANNEL,
      channel_name: "komunitas",
      user_id: member.slackId,
      user_name: member.handle,
      command: `/${root}`,
      // As a workspace with escaping on sends it: links, members and `&<>` escaped (lib/slack-text.ts).
      text: slackEscaped(text, DEMO_DIRECTORY),
      api_app_id: "A0GUYUB",
      response_url: `${this.standinsUrl}/slack/response/${member.handle}-${this.seq}`,
      trigger_id: trigger,
    }).toString();
    this.transcript.note(this.clock.now().getTime(), "slack", member, "member", `/${root} ${text}`);
    const response = await this.post("/slack/commands", body, "application/x-www-form-urlencoded");
    const reply = await this.reply(member, response);
    // Commands that always open a form: guyub may call views.open after acknowledging, so wait for it.
    await this.rememberForm(member, trigger, /^(setup|profile edit|meeting done)\b/.test(text));
    return reply;
  }

  async press(member: DemoMember, where: "dm" | "main", action: string, arg?: string): Promise<Reply> {
    const channel = where === "dm" ? dmChannelId(member.slackId) : SLACK_MAIN_CHANNEL;
    const found = this.findButton(channel, action, arg);
    if (!found)
      throw new Error(`no "${action}${arg ? ` ${arg}` : ""}" button in ${channel} for ${member.name}`);
    const trigger = this.trigger();
    const payload = {
      type: "block_actions",
      team: { id: SLACK_TEAM, domain: "komunitas" },
      user: { id: member.slackId, username: member.handle, team_id: SLACK_TEAM },
      api_app_id: "A0GUYUB",
      token: "legacy",
      // A button on a thread reply (the meeting's record): Slack names the thread in both places.
      container: {
        type: "message",
        message_ts: found.ts,
        channel_id: channel,
        is_ephemeral: false,
        ...(found.threadTs ? { thread_ts: found.threadTs } : {}),
      },
      trigger_id: trigger,
      channel: { id: channel, name: where === "dm" ? "directmessage" : "komunitas" },
      message: {
        ts: found.ts,
        blocks: found.blocks,
        ...(found.threadTs ? { thread_ts: found.threadTs } : {}),
      },
      response_url: `${this.standinsUrl}/slack/response/${member.handle}-${this.seq}`,
      actions: [
        {
          action_id: found.actionId,
          block_id: "b",
          type: "button",
          value: found.value,
          action_ts: found.ts,
        },
      ],
    };
    this.transcript.note(this.clock.now().getTime(), "slack", member, "member", `👆 [${found.label}]`);
    const response = await this.interaction(payload);
    const reply = await this.reply(member, response);
    await this.rememberForm(member, trigger, action === "intro.open" || action.endsWith("-open"));
    return reply;
  }

  async submit(member: DemoMember, answers: FormAnswers): Promise<Reply> {
    const form = this.forms.get(member.slackId);
    if (!form) throw new Error(`no form is open for ${member.name}`);
    this.forms.delete(member.slackId);
    const values = fillForm(form, answers);
    const state: Record<string, Obj> = {};
    for (const field of form.fields) {
      const value = values[field.id];
      const element =
        field.kind === "select"
          ? field.multiple
            ? {
                type: "multi_static_select",
                selected_options: [value ?? []].flat().map((v) => ({ value: v })),
              }
            : { type: "static_select", selected_option: value ? { value: [value].flat()[0] } : null }
          : field.kind === "users"
            ? { type: "multi_users_select", selected_users: [value ?? []].flat() }
            : field.kind === "channel"
              ? { type: "conversations_select", selected_conversation: value ? [value].flat()[0] : null }
              : { type: "plain_text_input", value: [value ?? ""].flat()[0] };
      state[field.id] = { [field.id]: element };
    }
    const payload = {
      type: "view_submission",
      team: { id: SLACK_TEAM, domain: "komunitas" },
      user: { id: member.slackId, username: member.handle, team_id: SLACK_TEAM },
      api_app_id: "A0GUYUB",
      token: "legacy",
      trigger_id: this.trigger(),
      view: {
        id: `V0DEMO${++this.seq}`,
        team_id: SLACK_TEAM,
        type: "modal",
        callback_id: form.id,
        title: { type: "plain_text", text: form.title },
        private_metadata: form.privateMetadata,
        hash: "1.demo",
        state: { values: state },
      },
    };
    this.transcript.note(this.clock.now().getTime(), "slack", member, "member", `📝 ${form.title} ✓`);
    const response = await this.interaction(payload);
    const reply = await this.reply(member, response);
    const errors = reply.body?.errors as Record<string, string> | undefined;
    if (errors)
      this.transcript.note(
        this.clock.now().getTime(),
        "slack",
        member,
        "private",
        Object.values(errors).join("\n"),
      );
    return reply;
  }

  /** The synchronous answer: an ephemeral reply goes in the member's column; errors throw. */
  private async reply(member: DemoMember, response: Response): Promise<Reply> {
    const text = await response.text();
    if (!response.ok) throw new Error(`HTTP ${response.status}: ${text.slice(0, 300)}`);
    const body = text.startsWith("{") ? (JSON.parse(text) as Obj) : null;
    // A form's answer replaces the modal's content (response_action "update").
    const view = body?.response_action === "update" ? (body.view as Obj | undefined) : undefined;
    if (view?.blocks)
      this.transcript.note(
        this.clock.now().getTime(),
        "slack",
        member,
        "private",
        slackMessageText({ blocks: view.blocks }),
      );
    else if (body && (body.blocks || body.text))
      this.transcript.note(this.clock.now().getTime(), "slack", member, "private", slackMessageText(body));
    return { status: response.status, body };
  }

  private trigger(): string {
    return `${Date.now()}.${++this.seq}.demo`;
  }

  /**
   * The view guyub opened with this trigger, if any (views.open, recorded by the stand-in). Bolt
   * acknowledges first and opens the modal right after, so it is looked for a moment longer.
   */
  private async rememberForm(member: DemoMember, trigger: string, wait: boolean): Promise<void> {
    const find = () =>
      this.state.calls.find(
        (c) => c.platform === "slack" && c.method === "views.open" && (c.body as Obj).trigger_id === trigger,
      );
    let call = find();
    for (let i = 0; wait && !call && i < 100; i++) {
      await new Promise((r) => setTimeout(r, 10));
      call = find();
    }
    if (!call) return;
    const raw = (call.body as Obj).view;
    const view = (typeof raw === "string" ? JSON.parse(raw) : raw) as Obj;
    const form = slackViewForm(view);
    this.forms.set(member.slackId, form);
    this.transcript.note(
      this.clock.now().getTime(),
      "slack",
      member,
      "form",
      `📝 ${form.title}: ${form.fields.map((f) => f.label).join(" · ")}`,
    );
  }

  /** The newest message in `channel` with a button of this action (and argument). */
  private findButton(channel: string, action: string, arg?: string) {
    const messages = [...this.state.slackMessages.values()].filter((m) => m.channel === channel).reverse();
    for (const m of messages) {
      const blocks = parseBlocks(m.message.blocks);
      for (const block of blocks) {
        const elements = (block.elements ?? (block.accessory ? [block.accessory] : [])) as Obj[];
        for (const e of elements) {
          const actionId = String(e.action_id ?? "");
          if (e.type !== "button" || !actionId.startsWith(`${action}:`)) continue;
          if (arg !== undefined && !actionId.split(":").slice(2).includes(arg)) continue;
          const label = String(((e.text ?? {}) as Obj).text ?? "");
          const threadTs = typeof m.message.thread_ts === "string" ? m.message.thread_ts : undefined;
          return { ts: m.ts, actionId, value: String(e.value ?? ""), blocks, label, threadTs };
        }
      }
    }
    return undefined;
  }

  private async event(event: Obj): Promise<void> {
    const envelope = {
      token: "legacy",
      team_id: SLACK_TEAM,
      api_app_id: "A0GUYUB",
      type: "event_callback",
      event_id: `Ev0DEMO${++this.seq}`,
      event_time: Math.floor(this.clock.now().getTime() / 1000),
      event,
    };
    const response = await this.post("/slack/events", JSON.stringify(envelope), "application/json");
    if (!response.ok) throw new Error(`event ${String(event.type)}: HTTP ${response.status}`);
    await response.arrayBuffer();
  }

  private interaction(payload: Obj): Promise<Response> {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return this.post("/slack/interactions", body, "application/x-www-form-urlencoded");
  }

  private async post(path: string, body: string, contentType: string): Promise<Response> {
    // Signed at real time: the signature window is Slack's five minutes, whatever the demo's date.
    const timestamp = String(Math.floor(Date.now() / 1000));
    const response = await fetch(`${this.url}${path}`, {
      method: "POST",
      headers: {
        "content-type": contentType,
        "x-slack-request-timestamp": timestamp,
        "x-slack-signature": await signSlackRequest(this.secret, timestamp, body),
        [DEMO_TIME_HEADER]: this.clock.now().toISOString(),
      },
      body,
    });
    return response;
  }
}

function parseBlocks(raw: unknown): Obj[] {
  const value = typeof raw === "string" ? (JSON.parse(raw) as unknown) : raw;
  return Array.isArray(value) ? (value as Obj[]) : [];
}

/** A Slack modal as the neutral shape the demo fills: input blocks, their element kinds. */
function slackViewForm(view: Obj): OpenedForm {
  const blocks = (view.blocks ?? []) as Obj[];
  const fields = blocks
    .filter((b) => b.type === "input")
    .map((b) => {
      const element = (b.element ?? {}) as Obj;
      const type = String(element.type ?? "");
      const options = ((element.options ?? []) as Obj[]).map((o) => String(o.value));
      const initial = element.initial_option
        ? String((element.initial_option as Obj).value)
        : element.initial_options
          ? ((element.initial_options as Obj[]).map((o) => String(o.value)) as string[])
          : element.initial_users
            ? ((element.initial_users as unknown[]).map(String) as string[])
            : element.initial_conversation
              ? String(element.initial_conversation)
              : element.initial_channel
                ? String(element.initial_channel)
                : element.initial_value !== undefined
                  ? String(element.initial_value)
                  : undefined;
      const kind =
        type === "multi_users_select"
          ? "users"
          : type.includes("conversations") || type.includes("channels")
            ? "channel"
            : type.includes("select")
              ? "select"
              : "text";
      return {
        id: String(b.block_id),
        label: String(((b.label ?? {}) as Obj).text ?? b.block_id),
        kind: kind as "text" | "select" | "channel" | "users",
        multiple: type.startsWith("multi_"),
        options,
        initial,
      };
    });
  return {
    id: String(view.callback_id),
    title: String(((view.title ?? {}) as Obj).text ?? ""),
    privateMetadata: String(view.private_metadata ?? ""),
    fields,
  };
}
