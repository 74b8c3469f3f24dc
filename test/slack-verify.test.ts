import { describe, expect, it } from "vitest";
import { verifySlackRequest } from "../src/adapters/slack/verify.ts";
import { NO_ROWS, resetDb, rowCounts } from "./support/db.ts";
import { send } from "./support/worker.ts";

// python-slack-sdk tests/slack_sdk/signature/test_signature_verifier.py (Slack's documented example).
const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const TIMESTAMP = 1531420618;
const BODY =
  "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
const SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
const pinned =
  (offsetSeconds = 0) =>
  () =>
    new Date((TIMESTAMP + offsetSeconds) * 1000);

function vectorRequest(headers: Record<string, string | undefined>, body = BODY): Request {
  const clean = Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined)) as Record<
    string,
    string
  >;
  return new Request("https://guyub.test/slack/commands", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...clean },
    body,
  });
}

const good = { "x-slack-request-timestamp": String(TIMESTAMP), "x-slack-signature": SIGNATURE };

describe("Slack signature verification", () => {
  it("accepts the known-answer vector with the clock pinned", async () => {
    const result = await verifySlackRequest(
      SECRET,
      { signature: SIGNATURE, timestamp: String(TIMESTAMP), rawBody: BODY },
      pinned()(),
    );
    expect(result).toEqual({ ok: true });
  });

  it("passes the vector through the whole app (not refused; answered by Bolt)", async () => {
    await resetDb();
    const response = await send(vectorRequest(good), {
      now: pinned(),
      env: { SLACK_SIGNING_SECRET: SECRET },
    });
    expect(response.status).toBe(200);
  });

  const refused: Array<[string, Record<string, string | undefined>, string?, number?, string?]> = [
    ["a tampered body", good, `${BODY}&x=1`],
    ["the wrong secret", good, undefined, 0, "not-the-secret"],
    ["a missing signature", { ...good, "x-slack-signature": undefined }],
    ["a missing timestamp", { ...good, "x-slack-request-timestamp": undefined }],
    ["a v1= prefix", { ...good, "x-slack-signature": SIGNATURE.replace("v0=", "v1=") }],
    ["a timestamp 301 s old", good, undefined, 301],
    ["a timestamp 301 s ahead", good, undefined, -301],
  ];

  for (const [name, headers, body, offset, secret] of refused) {
    it(`refuses ${name} with 401 and writes nothing`, async () => {
      await resetDb();
      const response = await send(vectorRequest(headers, body), {
        now: pinned(offset ?? 0),
        env: { SLACK_SIGNING_SECRET: secret ?? SECRET },
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({
        error: expect.stringMatching(/bad_signature|stale_request/),
      });
      expect(await rowCounts()).toEqual(NO_ROWS);
    });
  }

  it("accepts a timestamp exactly 300 s old", async () => {
    const result = await verifySlackRequest(
      SECRET,
      { signature: SIGNATURE, timestamp: String(TIMESTAMP), rawBody: BODY },
      pinned(300)(),
    );
    expect(result.ok).toBe(true);
  });
});
