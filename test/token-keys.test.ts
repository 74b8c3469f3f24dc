import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { slackTokens } from "../src/adapters/slack/tokens.ts";
import { jobDepsAt } from "../src/compose.ts";
import { createDb } from "../src/db/client.ts";
import { tokenReencrypt } from "../src/jobs/token-reencrypt.ts";
import { bindingOf, decrypt, encrypt } from "../src/secrets/envelope.ts";
import { keyRing } from "../src/secrets/key-ring.ts";
import { checkKeyRing } from "../src/secrets/key-usage.ts";
import { resetDb } from "./support/db.ts";
import { install, installations } from "./support/install.ts";
import { resetStandins, testEnv } from "./support/worker.ts";

const key = () => btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
const K1 = `k1:${key()}`;
const K2 = `k2:${key()}`;
const NOW = new Date("2027-02-01T10:00:00Z");
const db = createDb(env.DB);

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

const tokenWith = (keys: string, team: string) =>
  slackTokens({ db, secrets: { TOKEN_ENCRYPTION_KEYS: keys }, apiUrl: "", now: () => NOW })(team);

describe("tokens sealed at rest with a key ring", () => {
  it("seals with a fresh IV each time, bound to its row and field", async () => {
    const ring = await keyRing({ TOKEN_ENCRYPTION_KEYS: K1 });
    const a = await encrypt(ring, "xoxb-1", bindingOf("slack", "T1", "bot_token"));
    const b = await encrypt(ring, "xoxb-1", bindingOf("slack", "T1", "bot_token"));
    expect(a).not.toBe(b);
    expect(a.startsWith("v1:k1:")).toBe(true);
    await expect(decrypt(ring, a, bindingOf("slack", "T2", "bot_token"))).rejects.toThrow(
      /copied from another row/,
    );
    await expect(decrypt(ring, a, bindingOf("slack", "T1", "refresh_token"))).rejects.toThrow();
    expect(await decrypt(ring, a, bindingOf("slack", "T1", "bot_token"))).toBe("xoxb-1");
  });

  it("rows under key 1 are read once key 2 is active, re-encrypted, and key 1 may be dropped only then", async () => {
    const keys1 = { TOKEN_ENCRYPTION_KEYS: K1 };
    await install("T0FIRST", { env: keys1 });
    await install("T0SECOND", { env: keys1 });
    const rotated = `${K2},${K1}`;
    expect(await tokenWith(rotated, "T0FIRST")).toMatch(/^xoxb-T0FIRST-/);

    // Dropping key 1 now is refused, and the rows that need it are named.
    const early = await checkKeyRing({ TOKEN_ENCRYPTION_KEYS: K2 }, db);
    expect(early.ok).toBe(false);
    expect(early.missing.map((f) => [f.workspaceId, f.field, f.keyId])).toEqual([
      ["T0FIRST", "bot_token", "k1"],
      ["T0SECOND", "bot_token", "k1"],
    ]);
    const during = await checkKeyRing({ TOKEN_ENCRYPTION_KEYS: rotated }, db);
    expect([during.ok, during.activeKeyId, during.notActive]).toEqual([true, "k2", 2]);

    const deps = { ...jobDepsAt(testEnv({ TOKEN_ENCRYPTION_KEYS: rotated }))(NOW) };
    expect(await tokenReencrypt.due(deps)).toHaveLength(1);
    await tokenReencrypt.run(deps, { communityId: 0, period: "x" });
    expect(await tokenReencrypt.due(deps)).toHaveLength(0);
    for (const row of await installations()) expect(String(row.bot_token)).toMatch(/^v1:k2:/);

    const after = await checkKeyRing({ TOKEN_ENCRYPTION_KEYS: K2 }, db);
    expect([after.ok, after.missing.length]).toEqual([true, 0]);
    expect(await tokenWith(K2, "T0SECOND")).toMatch(/^xoxb-T0SECOND-/);
  });

  it("a lone TOKEN_ENCRYPTION_KEY is the ring k0; a malformed ring is reported, not thrown", async () => {
    const report = await checkKeyRing({ TOKEN_ENCRYPTION_KEYS: "k1:short" }, db);
    expect(report.ok).toBe(false);
    expect(report.error).toContain('"k1" must be base64 of exactly 32 bytes');
    const single = await checkKeyRing({ TOKEN_ENCRYPTION_KEY: key() }, db);
    expect([single.ok, single.activeKeyId]).toEqual([true, "k0"]);
  });
});
