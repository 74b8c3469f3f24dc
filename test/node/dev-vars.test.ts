import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ensureDevVars, readDevVars } from "../../scripts/lib/dev-vars.ts";

const fresh = () => join(mkdtempSync(join(tmpdir(), "guyub-devvars-")), ".dev.vars");

// `npm start` points every platform's API at the local stand-ins through `.dev.vars`; Telegram's
// names came later (issue 26), so a checkout's older file is given them without losing a line.
describe(".dev.vars for npm start", () => {
  it("is created with Telegram's token, webhook secret and the stand-in's Bot API address", () => {
    const path = fresh();
    const { created, vars } = ensureDevVars(path);
    expect(created).toBe(true);
    expect(vars.TELEGRAM_BOT_TOKEN).toMatch(/^\d+:[A-Za-z0-9_-]{35}$/);
    expect(vars.TELEGRAM_WEBHOOK_SECRET).toMatch(/^[0-9a-f]{64}$/);
    expect(vars.TELEGRAM_BOT_USERNAME).toBe("guyub_dev_bot");
    expect(vars.TELEGRAM_API_URL).toBe("http://127.0.0.1:8788/telegram");
    expect(vars.DISCORD_API_URL).toBe("http://127.0.0.1:8788/discord/api/v10");
  });

  it("adds Telegram's lines to a file made before them, at its own stand-ins' port, once", () => {
    const path = fresh();
    const old = "# mine\nSLACK_SIGNING_SECRET=abc\nSLACK_API_URL=http://127.0.0.1:9911/slack/api/";
    writeFileSync(path, old);
    const first = ensureDevVars(path);
    expect(first).toMatchObject({ created: false, added: true });
    expect(readFileSync(path, "utf8").startsWith(`${old}\n`)).toBe(true);
    expect(first.vars.SLACK_SIGNING_SECRET).toBe("abc");
    expect(first.vars.TELEGRAM_API_URL).toBe("http://127.0.0.1:9911/telegram");
    const again = ensureDevVars(path);
    expect(again.added).toBe(false);
    expect(again.vars).toEqual(first.vars);
  });

  it("leaves a file alone that names any Telegram variable (the volunteer's own choice)", () => {
    const path = fresh();
    writeFileSync(path, "TELEGRAM_API_URL=http://127.0.0.1:1/telegram\n");
    expect(ensureDevVars(path).added).toBe(false);
    expect(readDevVars(path)).toEqual({ TELEGRAM_API_URL: "http://127.0.0.1:1/telegram" });
  });
});
