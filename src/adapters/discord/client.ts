import type { DiscordMessageData } from "./render.ts";

/**
 * The Discord REST calls guyub makes, against `DISCORD_API_URL` (Discord or a local stand-in).
 * Interaction follow-ups are authorized by the interaction token, not the bot token.
 */
export interface DiscordClient {
  editOriginal(applicationId: string, interactionToken: string, data: DiscordMessageData): Promise<void>;
}

export function createDiscordClient(apiUrl: string): DiscordClient {
  const base = apiUrl.replace(/\/+$/, "");
  return {
    async editOriginal(applicationId, interactionToken, data) {
      const url = `${base}/webhooks/${applicationId}/${interactionToken}/messages/@original`;
      const response = await fetch(url, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(data),
      });
      if (!response.ok)
        throw new Error(`Discord follow-up failed: ${response.status} ${await response.text()}`);
    },
  };
}
