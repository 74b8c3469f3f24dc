/**
 * The demo's Discord members: every request is what Discord would send (application commands,
 * button presses, modal submits), signed with ed25519 at real time and carrying the simulated
 * moment for the demo Worker's clock. Discord has no join event over HTTP: a newcomer simply
 * appears in the stand-in's member list, where guyub's hourly sync finds them.
 */
import { sign } from "node:crypto";
import { type CommandRoot, MEMBER_ROOT } from "../../src/core/commands/roots.ts";
import { splitSlackLine } from "../../src/features/topics/command.ts";
import { buildDiscordCommand, snowflakeAt } from "../lib/discord-interaction.ts";
import type { StandinState } from "../standins/state.ts";
import type { Clock } from "./clock.ts";
import { DEMO_TIME_HEADER } from "./constants.ts";
import { discordButtons, discordModalForm, discordSubmitData } from "./discord-forms.ts";
import type { DemoMember, Driver, FormAnswers, Reply } from "./driver.ts";
import type { OpenedForm } from "./forms.ts";
import { EVERYONE } from "./people.ts";
import type { Lang } from "./scenario.ts";
import type { Transcript } from "./transcript.ts";

export const DISCORD_GUILD = "500000000000000001";
export const DISCORD_MAIN_CHANNEL = "400000000000000001";
/** The stand-in's generated members count up from here (scripts/standins/discord-guilds.ts). */
const FIRST_MEMBER = 200_000_000_000_000_001n;
const MANAGE_GUILD = String(1n << 5n);

type Obj = Record<string, unknown>;
/** Where an interaction comes from: a DM (`user`, no guild) or the server (`guild_id`, `member`). */
type Place = "dm" | "guild";

export interface DiscordDriverOptions {
  readonly url: string;
  readonly standinsUrl: string;
  readonly applicationId: string;
  /** PKCS#8 DER; guyub holds the public half. */
  readonly privateKey: Buffer;
  readonly state: StandinState;
  readonly clock: Clock;
  readonly transcript: Transcript;
  readonly lang: Lang;
}

export class DiscordDriver implements Driver {
  readonly platform = "discord" as const;
  private seq = 0;
  /** The last modal guyub opened for each member, and where it was opened. */
  private forms = new Map<string, { form: OpenedForm; place: Place }>();

  constructor(private readonly o: DiscordDriverOptions) {}

  idOf(member: DemoMember): string {
    return member.discordId;
  }

  mainChannel(): string {
    return DISCORD_MAIN_CHANNEL;
  }

  async join(member: DemoMember): Promise<void> {
    // The member list grows to include them (ids are the roster's order); the next sync sees them.
    const humans = Number(BigInt(member.discordId) - FIRST_MEMBER) + 1;
    const count = Math.max(this.o.state.config.discordMemberCount, humans + 1);
    this.o.state.configure({ discordMemberCount: count });
  }

  async speak(member: DemoMember): Promise<void> {
    // Dated by the simulated clock: the activity job reads history by snowflake time.
    const response = await fetch(`${this.o.standinsUrl}/__discord/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        channelId: DISCORD_MAIN_CHANNEL,
        messages: [{ authorId: member.discordId, at: this.o.clock.now().getTime() }],
      }),
    });
    if (!response.ok) throw new Error(`seeding a message: HTTP ${response.status} ${await response.text()}`);
  }

  async command(member: DemoMember, slackText: string, root: CommandRoot = MEMBER_ROOT): Promise<Reply> {
    const text = typedLine(slackText);
    // `resolved` describes the members a command names, as Discord does, from the demo's roster.
    const built = buildDiscordCommand(`${root} ${text}`, {
      applicationId: this.o.applicationId,
      guildId: DISCORD_GUILD,
      guildLocale: this.locale(),
      userId: member.discordId,
      moderator: member.moderator === true,
      channelId: DISCORD_MAIN_CHANNEL,
      describeUser: (id) => {
        const named = EVERYONE.find((m) => m.discordId === id);
        return named ? { username: named.handle, globalName: named.name } : undefined;
      },
    });
    const payload = { ...built, ...this.envelope(member, "guild") };
    // As the member's client shows it: a mention reads as the name.
    this.note(member, "member", this.o.transcript.discordText({ content: `/${root} ${text}` }));
    return this.respond(member, "guild", await this.post(payload));
  }

  async press(member: DemoMember, where: "dm" | "main", action: string, arg?: string): Promise<Reply> {
    const channel = where === "dm" ? this.o.state.dmChannels.get(member.discordId) : DISCORD_MAIN_CHANNEL;
    const found = channel ? this.findButton(channel, action, arg) : undefined;
    if (!found)
      throw new Error(`no "${action}${arg ? ` ${arg}` : ""}" button in ${where} for ${member.name}`);
    return this.click(member, where === "dm" ? "dm" : "guild", found.customId, found.label, found.message);
  }

  async submit(member: DemoMember, answers: FormAnswers): Promise<Reply> {
    const opened = this.forms.get(member.discordId);
    if (!opened) throw new Error(`no form is open for ${member.name}`);
    this.forms.delete(member.discordId);
    const { form, place } = opened;
    this.note(member, "member", `📝 ${form.title} ✓`);
    const payload = { ...this.envelope(member, place), type: 5, data: discordSubmitData(form, answers) };
    const reply = await this.respond(member, place, await this.post(payload));
    // A form in two steps: the first one's reply offers a Continue button (`….next`) that opens
    // the second; the member presses it and answers the rest.
    const data = (reply.body?.data ?? {}) as Obj;
    const next = discordButtons(data.components).find((b) => /^[a-z.-]+\.next:/.test(b.customId));
    if (!next) return reply;
    await this.click(member, place, next.customId, next.label);
    return this.forms.has(member.discordId) ? this.submit(member, answers) : reply;
  }

  /** A type-3 interaction for the button `customId`; a message update is applied to `message`. */
  private async click(member: DemoMember, place: Place, customId: string, label: string, message?: Obj) {
    const payload = {
      ...this.envelope(member, place),
      type: 3,
      ...(message ? { message: { id: message.id, channel_id: message.channel_id } } : {}),
      data: { custom_id: customId, component_type: 2 },
    };
    this.note(member, "member", `👆 [${label}]`);
    return this.respond(member, place, await this.post(payload), message);
  }

  /** What Discord would do with the response: show a private reply, a modal, or the updated message. */
  private async respond(member: DemoMember, place: Place, response: Response, message?: Obj) {
    const raw = await response.text();
    if (!response.ok) throw new Error(`HTTP ${response.status}: ${raw.slice(0, 300)}`);
    const body = raw.startsWith("{") ? (JSON.parse(raw) as Obj) : null;
    const data = (body?.data ?? {}) as Obj;
    if (body?.type === 4) this.note(member, "private", this.o.transcript.discordText(data));
    if (body?.type === 9) {
      const form = discordModalForm(data);
      this.forms.set(member.discordId, { form, place });
      this.note(member, "form", `📝 ${form.title}: ${form.fields.map((f) => f.label).join(" · ")}`);
    }
    if (body?.type === 7 && message) {
      // Discord edits the pressed message itself; the stand-in keeps it current for later presses.
      const id = String(message.id);
      this.o.state.discordMessages.set(id, { ...message, ...data });
      const at = this.o.clock.now().getTime();
      this.o.transcript.edited(
        at,
        "discord",
        String(message.channel_id),
        id,
        this.o.transcript.discordText(data),
      );
    }
    return { status: response.status, body };
  }

  /** The newest message in `channel` with a button of this action (and argument). */
  private findButton(channel: string, action: string, arg?: string) {
    const messages = [...this.o.state.discordMessages.values()].filter((m) => m.channel_id === channel);
    for (const message of messages.reverse()) {
      for (const b of discordButtons(message.components)) {
        if (!b.customId.startsWith(`${action}:`)) continue;
        if (arg !== undefined && !b.customId.split(":").slice(2).includes(arg)) continue;
        return { ...b, message };
      }
    }
    return undefined;
  }

  /** Id, token and who-and-where of an interaction; ids and tokens are unique (ingress keys). */
  private envelope(member: DemoMember, place: Place) {
    const n = ++this.seq;
    const token = `demo-${member.handle}-${n}`;
    this.o.transcript.discordToken(token, member);
    const user = { id: member.discordId, username: member.handle, global_name: member.name };
    const permissions = member.moderator ? MANAGE_GUILD : "0";
    return {
      id: snowflakeAt(this.o.clock.now().getTime()),
      application_id: this.o.applicationId,
      token,
      locale: this.locale(),
      ...(place === "guild"
        ? {
            guild_id: DISCORD_GUILD,
            guild_locale: this.locale(),
            channel_id: DISCORD_MAIN_CHANNEL,
            member: { user, permissions, roles: [], nick: null },
          }
        : { user, ...dmChannel(this.o.state, member) }),
    };
  }

  private locale(): string {
    return this.o.lang === "id" ? "id" : "en-US";
  }

  private note(member: DemoMember, kind: "member" | "private" | "form", text: string): void {
    this.o.transcript.note(this.o.clock.now().getTime(), "discord", member, kind, text);
  }

  private async post(payload: object): Promise<Response> {
    // Signed at real time: guyub checks Discord's timestamp against its own real clock.
    const timestamp = String(Math.floor(Date.now() / 1000));
    const body = JSON.stringify(payload);
    const key = { key: this.o.privateKey, format: "der", type: "pkcs8" } as const;
    const signature = sign(null, Buffer.from(timestamp + body), key).toString("hex");
    return fetch(`${this.o.url}/discord/interactions`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-signature-ed25519": signature,
        "x-signature-timestamp": timestamp,
        [DEMO_TIME_HEADER]: this.o.clock.now().toISOString(),
      },
      body,
    });
  }
}

/**
 * The line as a Discord member fills the command's fields: Slack's `topic suggest Title | details`
 * (read by guyub's own Slack rule) becomes a quoted title and its details, two typed options.
 */
function typedLine(text: string): string {
  const suggest = /^topic suggest\s+(\S+)(?:\s+(.*))?$/s.exec(text);
  if (!suggest?.[1]) return text;
  const [title, details] = splitSlackLine(suggest[1], suggest[2]);
  return `topic suggest "${title.trim()}"${details?.trim() ? ` ${details.trim()}` : ""}`;
}

/** The DM channel an interaction in a member's DM comes from, once guyub has opened one. */
function dmChannel(state: StandinState, member: DemoMember) {
  const id = state.dmChannels.get(member.discordId);
  return id ? { channel_id: id } : {};
}
