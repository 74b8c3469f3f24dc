import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "../src/app.ts";
import { resetDb, rowCounts } from "./support/db.ts";
import { commandBody, signedSlack } from "./support/slack.ts";
import { send } from "./support/worker.ts";

const ROUTES = [
  "/slack/commands",
  "/slack/interactions",
  "/slack/events",
  "/discord/interactions",
  "/discord/events",
];

/** A body sent in pieces, so the runtime cannot know its length up front. */
function streamed(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + 4096));
      at += 4096;
    },
  });
}

describe("the body limit, whether or not content-length tells the truth", () => {
  it("refuses a body over the limit whose content-length claims less, on every POST route", async () => {
    for (const path of ROUTES) {
      const response = await send(
        new Request(`https://guyub.test${path}`, {
          method: "POST",
          headers: { "content-length": "100" },
          body: "x".repeat(MAX_BODY_BYTES + 1),
        }),
      );
      expect(response.status, path).toBe(413);
    }
  });

  it("refuses a streamed body over the limit (no content-length)", async () => {
    for (const path of ROUTES) {
      const response = await send(
        new Request(`https://guyub.test${path}`, {
          method: "POST",
          body: streamed("x".repeat(MAX_BODY_BYTES + 1)),
        }),
      );
      expect(response.status, path).toBe(413);
    }
  });

  it("takes a body exactly at the limit, streamed or not", async () => {
    await resetDb();
    // A signed command padded to the limit: refused only for what it says, never for its size.
    const base = commandBody("help");
    const padded = `${base}&pad=${"x".repeat(MAX_BODY_BYTES - base.length - 5)}`;
    expect(new TextEncoder().encode(padded).length).toBe(MAX_BODY_BYTES);
    const signed = await signedSlack("/slack/commands", padded);
    const whole = await send(signed.clone());
    expect(whole.status).toBe(200);
    const piecewise = await send(new Request(signed, { body: streamed(padded) }));
    expect(piecewise.status).toBe(200);
    expect((await rowCounts()).members).toBe(1);
  });
});
