/**
 * The webhook event Discord sends when a server adds guyub (Webhook Events: `type` 1, event
 * `APPLICATION_AUTHORIZED` with `integration_type` 0 and the `guild`), as `npm run sign --
 * discord-install` sends it to a local guyub.
 */
export function discordInstallEvent(options: {
  readonly applicationId: string;
  readonly guildId: string;
  readonly name: string;
  readonly locale: string;
  readonly userId: string;
  readonly at: Date;
}) {
  return {
    version: 1,
    application_id: options.applicationId,
    type: 1,
    event: {
      type: "APPLICATION_AUTHORIZED",
      timestamp: options.at.toISOString(),
      data: {
        integration_type: 0,
        scopes: ["applications.commands", "bot"],
        user: { id: options.userId, username: "budi", global_name: "Budi", discriminator: "0", avatar: null },
        guild: {
          id: options.guildId,
          name: options.name,
          preferred_locale: options.locale,
          owner_id: options.userId,
          features: [],
        },
      },
    },
  };
}
