import { WebClient } from "@slack/web-api";
import { DEFAULT_SLACK_API_URL } from "../../api-defaults.ts";
import { createDb } from "../../db/client.ts";
import type { AppEnv } from "../../env.ts";
import type { PlatformParts } from "../../platforms.ts";
import { slackClientOptions } from "./client.ts";
import { createSlackDirectory } from "./directory.ts";
import { createSlackSender } from "./sender.ts";
import { slackTokens } from "./tokens.ts";

/**
 * Slack's parts for jobs and delivery. Every call uses the workspace's own token (its
 * installation, else SLACK_BOT_TOKEN), read when it is needed: an uninstall stops the next page
 * or the next batch at once. No channel history: Slack pushes messages as events.
 */
export function slackParts(env: AppEnv): PlatformParts {
  const apiUrl = env.SLACK_API_URL ?? DEFAULT_SLACK_API_URL;
  const db = createDb(env.DB);
  const tokenFor = (now: () => Date) => slackTokens({ db, secrets: env, apiUrl, now });
  return {
    directory(workspaceId, now) {
      const token = tokenFor(now);
      return createSlackDirectory({ token: () => token(workspaceId), apiUrl });
    },
    async sender(workspaceId, { now, paceScale }) {
      const token = await tokenFor(now)(workspaceId);
      return token ? createSlackSender({ token, apiUrl, workspaceId, paceScale }) : null;
    },
    async platformModerator(workspaceId, userId, _role, now) {
      const token = await tokenFor(now)(workspaceId);
      if (!token) throw new Error("slack: no token for this workspace");
      // As a command's moderator check asks (command.ts): admins and owners moderate.
      const answer = await new WebClient(token, slackClientOptions(apiUrl)).users.info({ user: userId });
      return Boolean(answer.user?.is_admin || answer.user?.is_owner);
    },
  };
}
