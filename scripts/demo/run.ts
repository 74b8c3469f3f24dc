/**
 * `npm run demo`: a month of a community of practice in about a minute, offline. guyub runs in
 * workerd on an in-memory D1 with the Slack and Discord stand-ins; a dozen simulated members
 * join, introduce themselves, suggest topics, RSVP, host, pass, swap and go quiet, on Slack and
 * on Discord, while the scheduled handler fires hour by hour with simulated times. Prints what
 * every channel and DM received, day by day, writes the same as a chat-like HTML page, and
 * checks the outcome (every newcomer welcomed once, no meeting on the holiday, fair hosts, one
 * nudge, a digest a week, no 429, nothing dead).
 *
 *   npm run demo                    # English
 *   npm run demo -- --lang id       # Bahasa Indonesia
 *   npm run demo -- --html out.html --transcript out.txt --platform slack
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseCli } from "../lib/cli.ts";
import { checkOutcome } from "./checks.ts";
import { Clock } from "./clock.ts";
import { defaultDashboardFile, writeDemoDashboard } from "./dashboard.ts";
import { DISCORD_MAIN_CHANNEL, DiscordDriver } from "./discord-driver.ts";
import type { Driver } from "./driver.ts";
import { defaultHtmlFile, renderHtml } from "./html.ts";
import { BUDI, EVERYONE } from "./people.ts";
import { play } from "./play.ts";
import { renderText } from "./render-text.ts";
import { type Lang, START_DAY } from "./scenario.ts";
import { SLACK_MAIN_CHANNEL, SlackDriver } from "./slack-driver.ts";
import { TELEGRAM_GROUP, TelegramDriver } from "./telegram-driver.ts";
import { Transcript } from "./transcript.ts";
import { buildDemoWorker, startWorld } from "./world.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const USAGE = `npm run demo -- [--lang en|id] [--platform both|all|slack|discord|telegram] [--html FILE] [--transcript FILE] [--quiet]
  --lang        the community's language (default en)
  --platform    which platforms to play: both (Slack and Discord, the default), all (and Telegram),
                or one of them
  --html        where to write the chat-like page (default guyub-demo.html; guyub-demo.id.html for id)
  --transcript  also write the printed transcript to this file
  --quiet       print only the outcome, not the transcript`;

const { values } = parseCli(
  {
    options: {
      lang: { type: "string", default: "en" },
      platform: { type: "string", default: "both" },
      html: { type: "string" },
      transcript: { type: "string" },
      quiet: { type: "boolean", default: false },
    },
  },
  USAGE,
);

function fail(message: string): never {
  console.error(`${message}\nusage: ${USAGE}`);
  process.exit(2);
}

async function main(): Promise<number> {
  const lang = values.lang as Lang;
  if (lang !== "en" && lang !== "id") fail(`--lang must be en or id, not "${values.lang}"`);
  const platforms =
    values.platform === "both"
      ? ["slack", "discord"]
      : values.platform === "all"
        ? ["slack", "discord", "telegram"]
        : [values.platform];
  if (!platforms.every((p) => p === "slack" || p === "discord" || p === "telegram"))
    fail(`--platform must be both, all, slack, discord or telegram`);
  const started = Date.now();
  const log = (line: string) => console.error(line);
  log("building the demo worker…");
  const script = await buildDemoWorker(ROOT);
  const world = await startWorld(ROOT, script);
  try {
    const transcript = new Transcript(world.standins.state, EVERYONE, {
      slack: SLACK_MAIN_CHANNEL,
      discord: DISCORD_MAIN_CHANNEL,
      telegram: TELEGRAM_GROUP,
    });
    const clock = new Clock(START_DAY);
    const drivers: Driver[] = [];
    if (platforms.includes("slack"))
      drivers.push(
        new SlackDriver(
          world.url,
          world.standins.url,
          world.secrets.slackSigningSecret,
          world.standins.state,
          clock,
          transcript,
        ),
      );
    if (platforms.includes("discord"))
      drivers.push(
        new DiscordDriver({
          url: world.url,
          standinsUrl: world.standins.url,
          applicationId: world.secrets.discordApplicationId,
          privateKey: world.secrets.discordPrivateKey,
          state: world.standins.state,
          clock,
          transcript,
          lang,
        }),
      );
    if (platforms.includes("telegram")) {
      const telegram = new TelegramDriver({
        url: world.url,
        standinsUrl: world.standins.url,
        botToken: world.secrets.telegramBotToken,
        webhookSecret: world.secrets.telegramWebhookSecret,
        state: world.standins.state,
        clock,
        transcript,
        lang,
      });
      // Budi adds the bot to the group as an administrator, before the month starts.
      await telegram.install(BUDI);
      drivers.push(telegram);
    }
    log(`playing 4 weeks from ${START_DAY} (${platforms.join(", ")}, ${lang})…`);
    const played = await play(world.mf, clock, drivers, EVERYONE, lang, transcript, (day) => {
      if (day % 7 === 0) log(`  week ${day / 7 + 1}…`);
    });
    const text = renderText(transcript, played, lang);
    if (!values.quiet) console.log(text);
    if (values.transcript) writeFileSync(values.transcript, text);
    const outcome = await checkOutcome(world, drivers, { lang, transcript });
    const htmlFile = values.html ?? defaultHtmlFile(lang);
    writeFileSync(htmlFile, renderHtml(transcript, played, lang, outcome));
    const dashboardFile = defaultDashboardFile(lang);
    await writeDemoDashboard(world.mf, clock.now(), lang, dashboardFile);
    for (const line of outcome.lines) console.log(line);
    console.log(
      `\nplayed ${played.steps.length} member actions and ${played.hours} scheduled runs in ${((Date.now() - started) / 1000).toFixed(1)} s; the chat is in ${htmlFile}`,
    );
    console.log(`the month's dashboard is in ${dashboardFile}`);
    return outcome.ok ? 0 : 1;
  } finally {
    await world.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
