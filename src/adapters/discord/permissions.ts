/**
 * A member's permissions in a channel, computed as Discord documents it (topics/permissions,
 * "Permission Overwrites"): the guild's @everyone role (its id is the guild's) and the member's
 * roles OR'ed together; Administrator means everything; then the channel's overwrites in order:
 * @everyone, the member's roles (all their allows and denies together), the member itself.
 * Pure: the caller fetches the channel, the member and the roles. The interaction's own
 * `resolved.channels[…].permissions` are the invoking user's, never the bot's.
 */

export const PERMISSION = {
  ADMINISTRATOR: 1n << 3n,
  MANAGE_GUILD: 1n << 5n,
  VIEW_CHANNEL: 1n << 10n,
  SEND_MESSAGES: 1n << 11n,
  EMBED_LINKS: 1n << 14n,
  READ_MESSAGE_HISTORY: 1n << 16n,
  SEND_MESSAGES_IN_THREADS: 1n << 38n,
} as const;

/** Every permission: what Administrator (or owning the guild) gives. */
export const ALL_PERMISSIONS = (1n << 64n) - 1n;

export interface Role {
  readonly id: string;
  /** Decimal string, as the API serializes permissions since v8. */
  readonly permissions: string;
}

export interface Overwrite {
  readonly id: string;
  /** 0 role, 1 member. */
  readonly type: number;
  readonly allow: string;
  readonly deny: string;
}

/** The guild-wide permissions of a member holding `memberRoles`. */
export function basePermissions(
  guildId: string,
  roles: readonly Role[],
  memberRoles: readonly string[],
): bigint {
  const everyone = roles.find((r) => r.id === guildId);
  let permissions = BigInt(everyone?.permissions ?? "0");
  for (const role of roles) if (memberRoles.includes(role.id)) permissions |= BigInt(role.permissions);
  return (permissions & PERMISSION.ADMINISTRATOR) === PERMISSION.ADMINISTRATOR
    ? ALL_PERMISSIONS
    : permissions;
}

/** The member's permissions in a channel with `overwrites`, from their base permissions. */
export function channelPermissions(
  base: bigint,
  guildId: string,
  memberId: string,
  memberRoles: readonly string[],
  overwrites: readonly Overwrite[],
): bigint {
  // Administrator passes every overwrite.
  if ((base & PERMISSION.ADMINISTRATOR) === PERMISSION.ADMINISTRATOR) return ALL_PERMISSIONS;
  const apply = (p: bigint, o: Overwrite) => (p & ~BigInt(o.deny)) | BigInt(o.allow);
  let permissions = base;
  const everyone = overwrites.find((o) => o.id === guildId);
  if (everyone) permissions = apply(permissions, everyone);
  let allow = 0n;
  let deny = 0n;
  for (const o of overwrites) {
    if (o.type !== 0 || o.id === guildId || !memberRoles.includes(o.id)) continue;
    allow |= BigInt(o.allow);
    deny |= BigInt(o.deny);
  }
  permissions = (permissions & ~deny) | allow;
  const member = overwrites.find((o) => o.type === 1 && o.id === memberId);
  return member ? apply(permissions, member) : permissions;
}

/** Whether every bit of `needed` is in `permissions`. */
export const has = (permissions: bigint, needed: bigint) => (permissions & needed) === needed;
