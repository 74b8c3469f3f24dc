import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { discordInstallEvent } from "../scripts/lib/discord-install-event.ts";
import { NO_ROWS, resetDb, rowCounts } from "./support/db.ts";
import { commandInteraction, signDiscord, signedDiscord, sub } from "./support/discord.ts";
import { isolate, resetStandins } from "./support/worker.ts";

const SERVER = "200000000000000088";
const INSTALLER = { id: "300000000000000002", username: "rani", discriminator: "0", global_name: "Rani" };

/** A webhook event as Discord sends it to the Webhook Events URL, signed with the app's key. */
async function webhookEvent(payload: unknown): Promise<Request> {
  const body = JSON.stringify(payload);
  const timestamp = String(Math.floor(Date.now() / 1000));
  return new Request("https://guyub.test/discord/events", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-signature-timestamp": timestamp,
      "x-signature-ed25519": await signDiscord(timestamp, body),
    },
    body,
  });
}

const event = (type: string, data: unknown) => ({
  version: 1,
  application_id: env.DISCORD_APPLICATION_ID,
  type: 1,
  event: { type, timestamp: "2027-02-24T03:00:00.000000", data },
});
const authorized = (data: Record<string, unknown> = {}) =>
  event("APPLICATION_AUTHORIZED", {
    integration_type: 0,
    scopes: ["applications.commands", "bot"],
    user: INSTALLER,
    guild: { id: SERVER, name: "Guru Belajar", preferred_locale: "id" },
    ...data,
  });

const communities = async () =>
  (await env.DB.prepare("SELECT platform, workspace_id, name, locale FROM communities").all()).results;

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

describe("POST /discord/events", () => {
  it("answers Discord's PING with 204 and no body, writing nothing", async () => {
    const worker = isolate();
    const response = await worker(
      await webhookEvent({ version: 1, application_id: env.DISCORD_APPLICATION_ID, type: 0 }),
    );
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await rowCounts()).toEqual(NO_ROWS);
  });

  it("APPLICATION_AUTHORIZED with a server creates its community once, in the server's language", async () => {
    const worker = isolate();
    for (let i = 0; i < 2; i++) expect((await worker(await webhookEvent(authorized()))).status).toBe(204);
    expect(await communities()).toEqual([
      { platform: "discord", workspace_id: SERVER, name: "Guru Belajar", locale: "id" },
    ]);
    // Only the community: the installer becomes a member when guyub meets them like anyone else.
    expect(await env.DB.prepare("SELECT count(*) AS n FROM members").first()).toEqual({ n: 0 });
  });

  it("a server guyub already knows keeps its settings; only a missing name is filled in", async () => {
    const worker = isolate();
    await worker(await signedDiscord(commandInteraction([sub("help")], { guildId: SERVER })));
    await env.DB.prepare("UPDATE communities SET locale = 'en'").run();
    await worker(await webhookEvent(authorized()));
    expect(await communities()).toEqual([
      { platform: "discord", workspace_id: SERVER, name: "Guru Belajar", locale: "en" },
    ]);
    await worker(await webhookEvent(authorized({ guild: { id: SERVER, name: "Renamed" } })));
    expect((await communities())[0]).toMatchObject({ name: "Guru Belajar" });
  });

  it("a user install, APPLICATION_DEAUTHORIZED and other events are acknowledged and change nothing", async () => {
    const worker = isolate();
    const user = { integration_type: 1, scopes: ["applications.commands"], guild: undefined };
    for (const payload of [
      authorized(user),
      event("APPLICATION_DEAUTHORIZED", { user: INSTALLER }),
      event("ENTITLEMENT_CREATE", { id: "1" }),
      event("APPLICATION_AUTHORIZED", { guild: "not a guild" }),
    ]) {
      const response = await worker(await webhookEvent(payload));
      expect(response.status).toBe(204);
    }
    expect(await rowCounts()).toEqual(NO_ROWS);
  });

  it("a signed body that is no webhook payload is refused with 400, writing nothing", async () => {
    const worker = isolate();
    for (const payload of [{ type: 1 }, { version: 2, application_id: "1", type: 0 }, "hello"]) {
      const response = await worker(await webhookEvent(payload));
      expect(response.status).toBe(400);
    }
    expect(await rowCounts()).toEqual(NO_ROWS);
  });

  it("the signing CLI's discord-install event (npm run sign -- discord-install) installs a server", async () => {
    const event = discordInstallEvent({
      applicationId: env.DISCORD_APPLICATION_ID ?? "",
      guildId: SERVER,
      name: "Guru Belajar",
      locale: "id",
      userId: "300000000000000002",
      at: new Date(),
    });
    const worker = isolate();
    expect((await worker(await webhookEvent(event))).status).toBe(204);
    expect(await communities()).toEqual([
      { platform: "discord", workspace_id: SERVER, name: "Guru Belajar", locale: "id" },
    ]);
  });
});
