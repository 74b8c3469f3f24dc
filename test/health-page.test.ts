import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { AppEnv } from "../src/env.ts";
import { bindingOf, encrypt } from "../src/secrets/envelope.ts";
import { keyRing } from "../src/secrets/key-ring.ts";
import { countingD1 } from "./support/counting-d1.ts";
import { resetDb } from "./support/db.ts";
import { send } from "./support/worker.ts";

const NOW = new Date("2027-03-02T09:20:00Z");

beforeEach(resetDb);

/** GET / as a browser asks for it, on the test env with `overrides`. */
async function page(headers: Record<string, string> = {}, overrides: Partial<AppEnv> = {}) {
  const response = await send(new Request("https://guyub.test/", { headers }), {
    now: () => NOW,
    env: overrides,
  });
  return { response, body: await response.text() };
}

async function addCommunities(rows: [platform: string, workspace: string][]) {
  await env.DB.batch(
    rows.map(([platform, workspace]) =>
      env.DB.prepare(
        "INSERT INTO communities (platform, workspace_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
      ).bind(platform, workspace, `Guru ${workspace}`, NOW.toISOString(), NOW.toISOString()),
    ),
  );
}

describe("GET /: the health page", () => {
  it("answers HTML in English by default, never cached", async () => {
    const { response, body } = await page();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("vary")).toMatch(/accept-language/i);
    expect(body).toContain('<html lang="en">');
    expect(body).toContain("Settings and secrets");
    expect(body).not.toContain("<script");
  });

  it("speaks Indonesian when Accept-Language prefers it, honouring q-values", async () => {
    const id = await page({ "accept-language": "id-ID,id;q=0.9,en;q=0.8" });
    expect(id.body).toContain('<html lang="id">');
    expect(id.body).toContain("Pengaturan dan rahasia");
    expect(id.body).toContain("Tambahkan ke Discord");
    expect(id.response.headers.get("content-language")).toBe("id");
    const preferEn = await page({ "accept-language": "id;q=0.4, en;q=0.9" });
    expect(preferEn.body).toContain('<html lang="en">');
    const preferId = await page({ "accept-language": "en;q=0.2, fr, id;q=0.5" });
    expect(preferId.body).toContain('<html lang="id">');
  });

  it("says which settings are set, never their values", async () => {
    const secrets: Partial<AppEnv> = {
      SLACK_SIGNING_SECRET: "sig-7f3a9c1e5b2d",
      SLACK_BOT_TOKEN: "xoxb-1111-2222-zzzz",
      SLACK_CLIENT_ID: "1234.5678",
      SLACK_CLIENT_SECRET: "client-secret-9d8c7b",
      DISCORD_BOT_TOKEN: "discord-bot-token-QWERTY",
      DISCORD_PUBLIC_KEY: "a1b2c3d4e5f6a7b8c9d0",
      TOKEN_ENCRYPTION_KEY: "MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTI=",
      TOKEN_ENCRYPTION_KEYS: undefined,
      DISCORD_GUILD_ID: "",
    };
    const { body } = await page({}, secrets);
    for (const [name, value] of Object.entries(secrets)) {
      if (value) expect(body, name).not.toContain(value);
    }
    for (const value of [env.SLACK_SIGNING_SECRET, env.TOKEN_ENCRYPTION_KEY, env.DISCORD_BOT_TOKEN])
      expect(body).not.toContain(String(value));
    const state = (name: string) =>
      body.match(new RegExp(`<td class="name">${name}</td><td class="state">([^<]*)</td>`))?.[1];
    expect(state("SLACK_CLIENT_SECRET")).toBe("set");
    expect(state("TOKEN_ENCRYPTION_KEY")).toBe("set");
    expect(state("TOKEN_ENCRYPTION_KEYS")).toBe("not set");
    expect(state("DISCORD_GUILD_ID")).toBe("not set"); // empty counts as not set
  });

  it("offers Add to Slack only with a client id, linking PUBLIC_URL/slack/install", async () => {
    const without = await page({}, { SLACK_CLIENT_ID: undefined });
    expect(without.body).not.toContain('class="button slack"');
    const withId = await page({}, { SLACK_CLIENT_ID: "1234.5678", PUBLIC_URL: "https://guyub.example.org/" });
    expect(withId.body).toContain(
      '<a class="button slack" href="https://guyub.example.org/slack/install">Add to Slack</a>',
    );
  });

  it("offers Add to Discord with the scopes and the least permissions (68608, with Read Message History)", async () => {
    const { body } = await page({}, { DISCORD_APPLICATION_ID: "100000000000000001" });
    expect(body).toContain(
      '<a class="button discord" href="https://discord.com/oauth2/authorize?client_id=100000000000000001&amp;scope=bot+applications.commands&amp;permissions=68608">Add to Discord</a>',
    );
    expect(body).toContain("Read Message History");
    const none = await page({}, { DISCORD_APPLICATION_ID: undefined, SLACK_CLIENT_ID: undefined });
    expect(none.body).not.toContain('class="button discord"');
    expect(none.body).toContain("No install button yet");
  });

  it("offers Add to a Telegram group with the bot's token and username, never showing the token", async () => {
    const token = "1000000001:AAtelegram-secret-token-0123456789ab";
    const secret = "f".repeat(64);
    const { body } = await page(
      { "accept-language": "id" },
      { TELEGRAM_BOT_TOKEN: token, TELEGRAM_WEBHOOK_SECRET: secret, TELEGRAM_BOT_USERNAME: "@guyub_bot" },
    );
    expect(body).toContain(
      '<a class="button telegram" href="https://t.me/guyub_bot?startgroup">Tambahkan ke grup Telegram</a>',
    );
    expect(body).toContain("jadikan bot admin grup");
    const state = (name: string) =>
      new RegExp(`<td class="name">${name}</td><td class="state">([^<]*)</td>`).exec(body)?.[1];
    expect(state("TELEGRAM_BOT_TOKEN")).toBe("sudah diisi");
    expect(state("TELEGRAM_WEBHOOK_SECRET")).toBe("sudah diisi");
    expect(state("TELEGRAM_BOT_USERNAME")).toBe("sudah diisi");
    for (const value of [token, secret, "AAtelegram"]) expect(body).not.toContain(value);
    // A username that is no Telegram username, or a username without the bot's token: no button.
    for (const overrides of [
      { TELEGRAM_BOT_TOKEN: token, TELEGRAM_BOT_USERNAME: 'x"><script>' },
      { TELEGRAM_BOT_TOKEN: undefined, TELEGRAM_BOT_USERNAME: "guyub_bot" },
    ]) {
      const other = await page({}, overrides);
      expect(other.body).not.toContain('class="button telegram"');
      expect(other.body).toMatch(/<td class="name">TELEGRAM_BOT_TOKEN<\/td><td class="state">(not )?set/);
    }
  });

  it("counts installed communities per platform, and shows nothing of them or their members", async () => {
    await addCommunities([
      ["slack", "T01"],
      ["slack", "T02"],
      ["discord", "G01"],
      ["telegram", "-1001234567890"],
    ]);
    await env.DB.prepare(
      "INSERT INTO members (community_id, platform_user_id, display_name, joined_at, created_at, updated_at) VALUES (1, 'U0SITI', 'Siti Rahmawati', ?1, ?1, ?1)",
    )
      .bind(NOW.toISOString())
      .run();
    const { body } = await page();
    expect(body).toContain("Slack: 2 installed");
    expect(body).toContain("Discord: 1 installed");
    expect(body).toContain("Telegram: 1 installed");
    for (const data of ["T01", "G01", "-1001234567890", "Guru", "U0SITI", "Siti"])
      expect(body).not.toContain(data);
  });

  it("costs one D1 batch, and writes nothing", async () => {
    const { d1, counts } = countingD1(env.DB);
    await page({}, { DB: d1 });
    expect(counts).toEqual({ roundTrips: 1, writes: 0 });
  });
});

describe("the schema version on the page", () => {
  const newest = async () =>
    (await env.DB.prepare("SELECT * FROM d1_migrations ORDER BY id DESC LIMIT 1").first()) as {
      id: number;
      name: string;
      applied_at: string;
    };

  it("is current when the newest migration the code knows is applied", async () => {
    const { body } = await page();
    expect(body).toContain(
      `Current: every migration this code knows is applied (the newest is ${(await newest()).name})`,
    );
  });

  it("is behind when the database lacks the code's newest migration, naming it", async () => {
    const row = await newest();
    await env.DB.prepare("DELETE FROM d1_migrations WHERE id = ?").bind(row.id).run();
    try {
      const { body } = await page();
      expect(body).toContain(`Behind: migrations not applied yet (1): ${row.name}.`);
      expect(body).toContain("npm run db:migrate:remote");
    } finally {
      await env.DB.prepare("INSERT INTO d1_migrations (id, name, applied_at) VALUES (?, ?, ?)")
        .bind(row.id, row.name, row.applied_at)
        .run();
    }
  });

  it("still says behind when the code's tables are missing (deployed before its migrations ran)", async () => {
    const row = await newest();
    await env.DB.prepare("DELETE FROM d1_migrations WHERE id = ?").bind(row.id).run();
    // The batch fails as it would without migration 0015's tables; the applied list is read alone.
    const missingTables = new Proxy(env.DB, {
      get(target, prop) {
        if (prop === "batch")
          return async () => Promise.reject(new Error("D1_ERROR: no such table: health_cron_tick"));
        const value = Reflect.get(target, prop, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    try {
      const { response, body } = await page({}, { DB: missingTables });
      expect(response.status).toBe(200);
      expect(body).toContain(`Behind: migrations not applied yet (1): ${row.name}.`);
      expect(body).toContain("The database could not be read, so this part is unknown.");
      expect(body).not.toContain("no such table");
    } finally {
      await env.DB.prepare("INSERT INTO d1_migrations (id, name, applied_at) VALUES (?, ?, ?)")
        .bind(row.id, row.name, row.applied_at)
        .run();
    }
  });

  it("is ahead when the database has a migration newer than the code", async () => {
    const row = await newest();
    await env.DB.prepare("INSERT INTO d1_migrations (name) VALUES ('9999_from_the_future.sql')").run();
    try {
      const { body } = await page();
      expect(body).toContain(
        `Ahead: the database has 9999_from_the_future.sql, newer than this code&#39;s newest (${row.name})`,
      );
    } finally {
      await env.DB.prepare("DELETE FROM d1_migrations WHERE name = '9999_from_the_future.sql'").run();
    }
  });
});

describe("the cron tick and the queues on the page", () => {
  const put = (sql: string, ...values: unknown[]) =>
    env.DB.prepare(sql)
      .bind(...values)
      .run();

  it("shows the last tick and each queue's round trip, in the page's language", async () => {
    await put(
      "INSERT INTO health_cron_tick VALUES (1, '2027-03-02T09:15:00.000Z', '2027-03-02T09:15:02.000Z', 1, NULL)",
    );
    await put(
      "INSERT INTO health_queue_heartbeats VALUES ('guyub-jobs', ?1, ?1, '2027-03-02T09:15:03.250Z', 1250), ('guyub-outbox', '2027-03-02T09:15:02.000Z', NULL, NULL, NULL)",
      "2027-03-02T09:15:02.000Z",
    );
    const { body } = await page();
    expect(body).toContain("Last tick 2 Mar 2027, 09:15 UTC (5 minutes ago): succeeded.");
    expect(body).toContain("guyub-jobs</span>: back after 1250 ms, 5 minutes ago");
    expect(body).toContain("guyub-outbox</span>: heartbeat sent 5 minutes ago, not back yet");
    const id = await page({ "accept-language": "id" });
    expect(id.body).toContain("Putaran terakhir 2 Mar 2027, 09.15 UTC (5 menit yang lalu): berhasil.");
    expect(id.body).toContain("guyub-jobs</span>: kembali setelah 1250 milidetik, 5 menit yang lalu");
  });

  it("names the parts of a failed tick, and says when ticks stopped coming", async () => {
    await put(
      `INSERT INTO health_cron_tick VALUES (1, '2027-03-02T08:30:00.000Z', '2027-03-02T08:30:04.000Z', 0, '["weekly-digest","heartbeat guyub-outbox"]')`,
    );
    const { body } = await page();
    expect(body).toContain("(50 minutes ago): failed in weekly-digest, heartbeat guyub-outbox.");
    expect(body).toContain("That is late: ticks come every 15 minutes.");
  });
});

describe("token encryption on the page", () => {
  const key = () => btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
  const K1 = key();
  const K2 = key();
  const TOKEN = "xoxb-plaintext-never-shown-4242";
  const REFRESH = "xoxe-1-refresh-never-shown-4242";

  /** One Slack workspace whose bot and refresh tokens are sealed under key k1; returns the envelopes. */
  async function sealedUnderK1(team: string): Promise<{ id: number; envelopes: string[] }> {
    const ring = await keyRing({ TOKEN_ENCRYPTION_KEYS: `k1:${K1}` });
    const bot = await encrypt(ring, TOKEN, bindingOf("slack", team, "bot_token"));
    const refresh = await encrypt(ring, REFRESH, bindingOf("slack", team, "refresh_token"));
    await addCommunities([["slack", team]]);
    await env.DB.prepare(
      `INSERT INTO installations (community_id, platform, workspace_id, scopes, installed_at, bot_token, refresh_token, updated_at)
       SELECT id, 'slack', ?1, 'commands', ?2, ?3, ?4, ?2 FROM communities WHERE workspace_id = ?1`,
    )
      .bind(team, NOW.toISOString(), bot, refresh)
      .run();
    const row = await env.DB.prepare("SELECT id FROM installations WHERE workspace_id = ?")
      .bind(team)
      .first<{ id: number }>();
    return { id: row?.id ?? 0, envelopes: [bot, refresh] };
  }

  it("says which key is active and how many tokens wait for re-encryption", async () => {
    await sealedUnderK1("T0WAITING");
    const { body } = await page({}, { TOKEN_ENCRYPTION_KEYS: `k2:${K2},k1:${K1}` });
    expect(body).toContain("Token encryption");
    expect(body).toContain("new tokens are encrypted with key k2. Stored tokens: 2.");
    expect(body).toContain("2 stored tokens are still under an older key of the ring");
    expect(body).not.toContain("not in the ring");
    expect(body).not.toContain("T0WAITING");
    const id = await page({ "accept-language": "id" }, { TOKEN_ENCRYPTION_KEYS: `k2:${K2},k1:${K1}` });
    expect(id.body).toContain("Enkripsi token");
    expect(id.body).toContain("2 token tersimpan masih memakai kunci lama");
  });

  it("names the rows whose key is missing from the ring, by workspace id and field, and no secret", async () => {
    const { id: installation, envelopes } = await sealedUnderK1("T0OLDKEY");
    const { body } = await page({}, { TOKEN_ENCRYPTION_KEYS: `k2:${K2}` });
    expect(body).toContain("2 stored tokens were encrypted with a key that is not in the ring");
    expect(body).toContain(`installation ${installation} (Slack T0OLDKEY), bot_token: key k1`);
    expect(body).toContain(`installation ${installation} (Slack T0OLDKEY), refresh_token: key k1`);
    expect(body).toMatch(/<h2 id="tokens">Token encryption <span class="badge bad">Needs attention/);
    expect(body).not.toContain("Every stored token is under the active key");
    for (const secret of [K1, K2, TOKEN, REFRESH, ...envelopes, ...envelopes.map((e) => e.split(":")[3])])
      expect(body).not.toContain(secret);
    const id = await page({ "accept-language": "id" }, { TOKEN_ENCRYPTION_KEYS: `k2:${K2}` });
    expect(id.body).toContain(`pemasangan ${installation} (Slack T0OLDKEY), bot_token: kunci k1`);
  });

  it("says the ring is malformed without quoting it", async () => {
    await sealedUnderK1("T0BROKEN");
    const { body } = await page({}, { TOKEN_ENCRYPTION_KEYS: `k1:${K1.slice(0, 20)}` });
    expect(body).toContain(
      "The key ring cannot be used: The key &quot;k1&quot; must be base64 of exactly 32 bytes",
    );
    expect(body).toContain("None of the 2 stored tokens can be read");
    expect(body).not.toContain(K1.slice(0, 20));
  });
});
