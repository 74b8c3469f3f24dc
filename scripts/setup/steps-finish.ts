import type { Step } from "./context.ts";
import { discordInvite, slackCreateAppUrl, slackInstallUrl } from "./links.ts";
import { addToGroupLink } from "./steps-telegram.ts";

/** Step 5: the links and what to do in each platform, printed on every run. */
export const finishStep: Step = {
  name: "links",
  plan: () => "print the Slack manifest, the install links and what to do in each platform",
  async run(context) {
    const { publicUrl, platforms = [], discordApplicationId } = context.state;
    if (!publicUrl) throw new Error("the deploy step comes first");
    const say = context.io.say;
    // Loaded here, not at start: the command registry is most of setup's start-up time.
    const { slackManifest } = await import("../../src/adapters/slack/manifest.ts");
    const { registry } = await import("../../src/core/commands/index.ts");
    say(`\nguyub runs at ${publicUrl} (its health page: ${publicUrl}/)`);
    if (platforms.includes("slack")) {
      say("\n── Slack ──");
      say("The app manifest (paste it at Create New App → From an app manifest):");
      say(JSON.stringify(slackManifest(registry, publicUrl), null, 2));
      say(
        `1. Create the app: ${slackCreateAppUrl()} (skip if you did; to update it, paste the manifest in App Manifest).`,
      );
      say(
        "2. Event Subscriptions: if it shows the request URL unverified, press Retry (the signing secret is stored now).",
      );
      say(`3. Install it in each workspace: ${slackInstallUrl(publicUrl)}`);
      say(
        "4. In the workspace: invite @guyub to your main channel, then /copmod onboarding channel #general and /copmod setup.",
      );
    }
    if (platforms.includes("discord")) {
      say("\n── Discord ──");
      say(
        `1. Developer Portal → your app → General Information → Interactions Endpoint URL: ${publicUrl}/discord/interactions`,
      );
      say(`   and Webhooks → Endpoint URL: ${publicUrl}/discord/events (install and removal events).`);
      say("2. Bot → Privileged Gateway Intents → Server Members Intent: on (the member list needs it).");
      if (discordApplicationId)
        say(`3. Invite guyub to each server: ${discordInvite(context.root, discordApplicationId)}`);
      say("4. In the server: /copmod onboarding channel channel:#general, then /copmod setup.");
      say(
        "   /copmod (the moderators' commands) shows only to members with Manage Server; to let others use it,",
      );
      say("   Server Settings → Integrations → guyub → copmod: add their role or them.");
    }
    if (platforms.includes("telegram") && context.state.telegramBot) {
      say("\n── Telegram ──");
      say(`1. Add @${context.state.telegramBot} to each group: ${addToGroupLink(context.state.telegramBot)}`);
      say(
        "2. Make it an administrator of the group (no rights needed): only then does it see the group's activity and who joins or leaves.",
      );
      say(
        "   If you change its privacy setting in @BotFather later, remove it from the group and add it again: Telegram applies it only then.",
      );
      say("3. In the group: /copmod setup (guyub asks its questions in a private chat with the bot).");
    }
    say("\nLogs: npx wrangler tail -c wrangler.deploy.toml · Upgrade: npm run upgrade");
  },
};
