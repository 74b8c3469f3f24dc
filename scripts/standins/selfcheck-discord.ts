/** Discord and control-route checks of the stand-in self-check (run by selfcheck.ts). */
import assert from "node:assert/strict";
import { DISCORD_DMS_CLOSED_USER } from "./discord.ts";
import { APP_ID, type Check, type Client } from "./selfcheck-client.ts";

type Obj = Record<string, unknown>;
const APP = `/applications/${APP_ID}`;

async function expect(res: Promise<Response>, status: number, code?: number): Promise<Obj & Obj[]> {
  const r = await res;
  const body = (await r.json()) as Obj & Obj[];
  assert.equal(r.status, status, JSON.stringify(body));
  if (code !== undefined) assert.equal(body.code, code, JSON.stringify(body));
  return body;
}

const sub = (name: string, options: unknown[] = []) => ({
  type: 1,
  name,
  description: `${name} it`,
  options,
});
const str = (name: string, required = false) => ({ type: 3, name, description: name, required });
const cop = (options: unknown[]) => ({ name: "cop", description: "guyub", options });
/** An option with the longest description: 25 subcommands of four make a command over 8,000. */
const long = (j: number) => ({ type: 3, name: `o${j}`, description: "d".repeat(100) });

/** Each invalid registration and the field Discord would blame. */
const INVALID: [string, unknown, (e: Obj) => unknown][] = [
  ["uppercase name", [{ name: "Cop", description: "x" }], (e) => e["0"]],
  ["101-char description", [{ name: "cop", description: "d".repeat(101) }], (e) => e["0"]],
  ["26 options", [cop(Array.from({ length: 26 }, (_, i) => str(`o${i}`)))], (e) => e["0"]],
  [
    "string inside a group",
    [cop([{ type: 2, name: "g", description: "g", options: [str("x")] }])],
    (e) => e["0"],
  ],
  ["subcommand in a subcommand", [cop([sub("a", [sub("b")])])], (e) => e["0"]],
  ["required after optional", [cop([str("a"), str("b", true)])], (e) => e["0"]],
  [
    "26 choices",
    [
      cop([
        { ...str("a"), choices: Array.from({ length: 26 }, (_, i) => ({ name: `${i}`, value: `${i}` })) },
      ]),
    ],
    (e) => e["0"],
  ],
  ["empty localized description", [{ ...cop([]), description_localizations: { id: "" } }], (e) => e["0"]],
  ["not an array", { name: "cop" }, (e) => e._errors],
];

/** More of them, checked apart: the commands bucket allows 10 registrations per 20 s. */
const INVALID_ROOTS: [string, unknown, (e: Obj) => unknown][] = [
  [
    "permissions as a number",
    [{ ...cop([]), default_member_permissions: 32 }],
    (e) => (e["0"] as Obj | undefined)?.default_member_permissions,
  ],
  [
    "permissions not a bit set",
    [{ ...cop([]), default_member_permissions: "manage" }],
    (e) => (e["0"] as Obj | undefined)?.default_member_permissions,
  ],
  [
    "a second command over 8,000 characters",
    [
      cop([]),
      {
        ...cop(Array.from({ length: 25 }, (_, i) => sub(`s${i}`, [0, 1, 2, 3].map(long)))),
        name: "copmod",
      },
    ],
    (e) => e["1"],
  ],
];

export function discordChecks(c: Client): Check[] {
  return [
    [
      "discord: bot auth",
      async () => {
        await expect(c.discord("POST", "/channels/1/messages", { content: "x" }, null), 401, 0);
        const wrong = await expect(
          c.discord("POST", "/channels/1/messages", { content: "x" }, "Bot nope"),
          401,
        );
        assert.equal(wrong.message, "401: Unauthorized");
      },
    ],
    [
      "discord: command registration",
      async () => {
        const set = [
          cop([
            sub("help"),
            { type: 2, name: "topic", description: "t", options: [sub("suggest", [str("title", true)])] },
          ]),
        ];
        const saved = await expect(c.discord("PUT", `${APP}/commands`, set), 200);
        assert.equal(saved.length, 1);
        assert.match(String(saved[0]?.id), /^\d{17,20}$/);
        assert.deepEqual([saved[0]?.application_id, saved[0]?.name], [APP_ID, "cop"]);
        // Two top-level commands, the second hidden from members (Manage Server).
        const two = [...set, { ...cop([sub("setup")]), name: "copmod", default_member_permissions: "32" }];
        const both = await expect(c.discord("PUT", `${APP}/commands`, two), 200);
        assert.deepEqual(
          both.map((command) => [command.name, command.default_member_permissions]),
          [
            ["cop", null],
            ["copmod", "32"],
          ],
        );
        const again = await expect(c.discord("PUT", `${APP}/commands`, set), 200);
        assert.equal(again[0]?.id, saved[0]?.id, "re-registering keeps ids by name");
        assert.equal((await expect(c.discord("GET", `${APP}/commands`), 200)).length, 1);
        await expect(
          c.discord("PUT", `${APP}/guilds/42/commands`, [...set, { name: "ping", description: "p" }]),
          200,
        );
        assert.equal((await expect(c.discord("GET", `${APP}/guilds/42/commands`), 200)).length, 2);
        await expect(c.discord("PUT", "/applications/999/commands", set), 403, 50001);
      },
    ],
    [
      // A separate check: the commands bucket (10 per 20 s) would refuse the whole lot in one.
      "discord: command validation like Discord's",
      async () => {
        for (const [what, body, blame] of INVALID) {
          const res = await expect(c.discord("PUT", `${APP}/commands`, body), 400, 50035);
          assert.ok(blame(res.errors as Obj), `${what}: ${JSON.stringify(res.errors)}`);
        }
      },
    ],
    [
      "discord: a second command's permissions and size validated like Discord's",
      async () => {
        for (const [what, body, blame] of INVALID_ROOTS) {
          const res = await expect(c.discord("PUT", `${APP}/commands`, body), 400, 50035);
          assert.ok(blame(res.errors as Obj), `${what}: ${JSON.stringify(res.errors)}`);
        }
      },
    ],
    [
      "discord: channel messages",
      async () => {
        const first = await expect(c.discord("POST", "/channels/10/messages", { content: "hi" }), 200);
        assert.deepEqual([typeof first.id, first.channel_id, first.content], ["string", "10", "hi"]);
        await expect(c.discord("POST", "/channels/10/messages", { embeds: [{ title: "e" }] }), 200);
        await expect(c.discord("POST", "/channels/11/messages", {}), 400, 50006);
        await expect(c.discord("POST", "/channels/11/messages", { content: "x".repeat(2001) }), 400, 50035);
        await expect(c.discord("POST", "/channels/general/messages", { content: "x" }), 400, 50035);
        const once = { content: "once", nonce: "n-1", enforce_nonce: true };
        const a = await expect(c.discord("POST", "/channels/12/messages", once), 200);
        const b = await expect(c.discord("POST", "/channels/12/messages", once), 200);
        assert.equal(a.id, b.id, "enforce_nonce returns the first message");
      },
    ],
    [
      "discord: per-channel bucket, 429 with headers",
      async () => {
        const ok = await c.discord("POST", "/channels/20/messages", { content: "0" });
        assert.deepEqual(
          [ok.headers.get("x-ratelimit-limit"), ok.headers.get("x-ratelimit-remaining")],
          ["5", "4"],
        );
        assert.ok(ok.headers.get("x-ratelimit-bucket") && ok.headers.get("x-ratelimit-reset-after"));
        for (let i = 1; i < 5; i++)
          await expect(c.discord("POST", "/channels/20/messages", { content: `${i}` }), 200);
        const limited = await c.discord("POST", "/channels/20/messages", { content: "5" });
        assert.equal(limited.status, 429);
        const body = (await limited.json()) as Obj;
        assert.equal(body.global, false);
        assert.ok(typeof body.retry_after === "number" && body.retry_after > 0 && body.retry_after <= 5);
        for (const h of ["retry-after", "x-ratelimit-reset-after", "x-ratelimit-bucket"])
          assert.ok(limited.headers.get(h), h);
        assert.deepEqual(
          [limited.headers.get("x-ratelimit-scope"), limited.headers.get("x-ratelimit-remaining")],
          ["user", "0"],
        );
        await expect(c.discord("POST", "/channels/21/messages", { content: "other" }), 200);
      },
    ],
    [
      "discord: global limit of 50 requests a second",
      async () => {
        const all = await Promise.all(
          Array.from({ length: 60 }, (_, i) =>
            c.discord("POST", `/channels/${300 + i}/messages`, { content: "x" }),
          ),
        );
        const limited = all.filter((r) => r.status === 429);
        assert.ok(limited.length >= 10, `${limited.length} refused`);
        assert.equal(((await (limited[0] as Response).json()) as Obj).global, true);
      },
    ],
    [
      "discord: DM channels and closed DMs",
      async () => {
        const dm = await expect(
          c.discord("POST", "/users/@me/channels", { recipient_id: "200000000000000001" }),
          200,
        );
        assert.equal(dm.type, 1);
        const again = await expect(
          c.discord("POST", "/users/@me/channels", { recipient_id: "200000000000000001" }),
          200,
        );
        assert.equal(again.id, dm.id);
        await expect(c.discord("POST", `/channels/${String(dm.id)}/messages`, { content: "hi" }), 200);
        const closed = await expect(
          c.discord("POST", "/users/@me/channels", { recipient_id: DISCORD_DMS_CLOSED_USER }),
          200,
        );
        await expect(
          c.discord("POST", `/channels/${String(closed.id)}/messages`, { content: "hi" }),
          403,
          50007,
        );
        await expect(c.discord("POST", "/users/@me/channels", {}), 400, 50035);
      },
    ],
    [
      "discord: interaction follow-ups",
      async () => {
        const hook = `/webhooks/${APP_ID}/interaction-token-1`;
        assert.ok((await expect(c.discord("POST", hook, { content: "later", flags: 64 }, null), 200)).id);
        const e1 = await expect(
          c.discord("PATCH", `${hook}/messages/@original`, { content: "edited" }, null),
          200,
        );
        const e2 = await expect(
          c.discord("PATCH", `${hook}/messages/@original`, { content: "again" }, null),
          200,
        );
        assert.equal(e1.id, e2.id);
        await expect(c.discord("POST", hook, {}, null), 400, 50006);
        await expect(c.discord("POST", "/webhooks/999/t", { content: "x" }, null), 404, 10015);
      },
    ],
  ];
}
