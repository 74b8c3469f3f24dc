import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Slack's "Create New App" page, where "From an app manifest" takes the printed manifest. */
export function slackCreateAppUrl(): string {
  return "https://api.slack.com/apps?new_app=1";
}

/** Where a workspace installs guyub through OAuth (guyub's own route starts the flow with a state). */
export function slackInstallUrl(publicUrl: string): string {
  return `${publicUrl}/slack/install`;
}

/**
 * The least Discord permissions guyub needs: View Channels (1<<10) and Send Messages (1<<11) to
 * post in the main channel, Read Message History (1<<16) for the activity job (without it Discord
 * answers a history read with an empty list, so every member would look quiet).
 */
export const DISCORD_INVITE_PERMISSIONS = (1n << 10n) | (1n << 11n) | (1n << 16n);

export function discordInviteUrl(applicationId: string): string {
  const query = new URLSearchParams({
    client_id: applicationId,
    scope: "bot applications.commands",
    permissions: DISCORD_INVITE_PERMISSIONS.toString(),
  });
  return `https://discord.com/oauth2/authorize?${query}`;
}

/**
 * The invite as the project's own `npm run discord:invite` prints it, when the project has that
 * script (it carries the one permission list); otherwise the URL built here.
 */
export function discordInvite(root: string, applicationId: string): string {
  const pkg = join(root, "package.json");
  const scripts = existsSync(pkg)
    ? ((JSON.parse(readFileSync(pkg, "utf8")) as { scripts?: Record<string, string> }).scripts ?? {})
    : {};
  if (scripts["discord:invite"]) {
    const run = spawnSync("npm", ["run", "--silent", "discord:invite"], {
      cwd: root,
      env: { ...process.env, DISCORD_APPLICATION_ID: applicationId },
      encoding: "utf8",
    });
    if (run.status === 0 && run.stdout.trim()) return run.stdout.trim();
  }
  return discordInviteUrl(applicationId);
}
