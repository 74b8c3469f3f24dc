import type { MessageKey, PlainKey } from "../i18n/index.ts";
import { type Block, ephemeral, type Inline } from "../message.ts";
import type { PlatformTraits } from "../platform.ts";
import { defineCommand } from "./define.ts";
import { option } from "./options.ts";

/** Who else moderates, as the platform says (its admins, or a permission). */
const IMPLICIT: Record<PlatformTraits["platformModerators"], PlainKey> = {
  admins: "moderators.implicit.admins",
  "manage-server": "moderators.implicit.manageServer",
  "group-admins": "moderators.implicit.groupAdmins",
};
/** Someone who is not a person of this community, in the platform's word for one. */
const NOT_HERE = {
  workspace: "moderators.unknown.workspace",
  server: "moderators.unknown.server",
  group: "moderators.unknown.group",
} as const satisfies Record<PlatformTraits["community"], MessageKey>;

/** `/copmod moderators list` (Slack also takes `/cop moderators`). */
export const moderatorsList = defineCommand({
  path: ["moderators", "list"],
  summary: "cmd.moderators.list",
  options: {},
  moderator: true,
  readOnly: true,
  groupDefault: true,
  example: {},
  async handle(ctx) {
    const { t, community } = ctx;
    const listed = await ctx.store.listModerators(community.id);
    const names: Inline[] = listed.flatMap((m, i) =>
      i === 0 ? [{ user: m.platformUserId }] : [", ", { user: m.platformUserId }],
    );
    const blocks: Block[] = [
      { type: "heading", text: t("moderators.title") },
      {
        type: "fields",
        fields: [{ label: t("moderators.listed"), value: names.length > 0 ? names : t("moderators.none") }],
      },
    ];
    if (ctx.traits.roles) {
      const role: Inline[] = community.moderatorRoleId
        ? [{ role: community.moderatorRoleId }]
        : [t("moderators.noRole")];
      blocks.push({ type: "fields", fields: [{ label: t("moderators.roleLabel"), value: role }] });
    }
    blocks.push({ type: "context", text: t(IMPLICIT[ctx.traits.platformModerators]) });
    return { message: ephemeral(...blocks) };
  },
});

/** `/copmod moderators add @member` */
export const moderatorsAdd = defineCommand({
  path: ["moderators", "add"],
  summary: "cmd.moderators.add",
  options: { member: option.user("arg.member", "arg.member.help") },
  moderator: true,
  example: { member: "@ayu" },
  async handle(ctx, { member }) {
    const listed = await ctx.store.listModerators(ctx.community.id);
    const mention = { user: member };
    if (listed.some((m) => m.platformUserId === member)) {
      return {
        message: ephemeral({
          type: "text",
          text: ctx.t.rich("moderators.alreadyListed", { member: mention }),
        }),
      };
    }
    // Only a person of this workspace or server: an id nobody has, or a bot, would become a
    // member with turns to host. The platform is asked; not being able to ask is a refusal.
    const kind = ctx.directory ? await ctx.directory.user(member) : null;
    if (kind !== "person") {
      const key =
        kind === null
          ? "moderators.cannotCheck"
          : kind === "bot"
            ? "moderators.bot"
            : NOT_HERE[ctx.traits.community];
      return { message: ephemeral({ type: "text", text: ctx.t.rich(key, { member: mention }) }) };
    }
    // Someone who asked guyub to forget them is not brought back by a moderator (no row would be made).
    if ((await ctx.store.privacy.forgottenAmong(ctx.community.id, [member])).size > 0) {
      const usage = `${ctx.syntax.prefix} join`;
      return {
        message: ephemeral({
          type: "text",
          text: ctx.t.rich("privacy.moderatorForgotten", { member: mention, usage }),
        }),
      };
    }
    const added: Block[] = [{ type: "text", text: ctx.t.rich("moderators.added", { member: mention }) }];
    // The moderators' command is hidden from members by a permission guyub cannot grant (the
    // platform wants a person's own token): say how a server admin lets the new moderator see it.
    if (ctx.traits.commandPermissions)
      added.push({ type: "context", text: ctx.t.rich("moderators.grantCommand", { member: mention }) });
    return {
      message: ephemeral(...added),
      effects: [{ type: "moderator.grant", userId: member }],
    };
  },
});

/** `/copmod moderators remove @member` */
export const moderatorsRemove = defineCommand({
  path: ["moderators", "remove"],
  summary: "cmd.moderators.remove",
  options: { member: option.user("arg.member", "arg.member.help") },
  moderator: true,
  example: { member: "@ayu" },
  async handle(ctx, { member }) {
    const listed = await ctx.store.listModerators(ctx.community.id);
    const mention = { user: member };
    if (!listed.some((m) => m.platformUserId === member)) {
      return {
        message: ephemeral({ type: "text", text: ctx.t.rich("moderators.notListed", { member: mention }) }),
      };
    }
    return {
      message: ephemeral({ type: "text", text: ctx.t.rich("moderators.removed", { member: mention }) }),
      effects: [{ type: "moderator.revoke", userId: member }],
    };
  },
});

/** `/copmod moderators role @role` (platforms with roles): everyone holding the role moderates. */
export const moderatorsRole = defineCommand({
  path: ["moderators", "role"],
  summary: "cmd.moderators.role",
  options: { role: option.role("arg.role", "arg.role.help") },
  moderator: true,
  requires: "roles",
  example: { role: "@Moderator" },
  handle(ctx, { role }) {
    return {
      message: ephemeral({ type: "text", text: ctx.t.rich("moderators.roleSet", { role: { role } }) }),
      effects: [{ type: "community.moderatorRole", roleId: role }],
    };
  },
});
