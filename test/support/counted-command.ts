import { env } from "cloudflare:workers";
import { parseCommandText } from "../../src/core/commands/parse-text.ts";
import { handleCommand } from "../../src/core/handle-command.ts";
import { createDb } from "../../src/db/client.ts";
import { createCommunityStore } from "../../src/db/store.ts";
import { type Reading, readingD1 } from "./reading-d1.ts";

/** A store over a D1 that counts statements and the rows they hand back. */
export function countedStore() {
  const { d1, reading } = readingD1(env.DB);
  return { store: createCommunityStore(createDb(d1), d1), reading, d1 };
}

/**
 * Runs `/cop <text>` through the command handler, as the Slack route would after parsing, for
 * member `U00000001` of the bench's workspace `T0BENCH` (test/bench/jobs-seed.ts), and returns the
 * answer as JSON text with what it asked of D1 and how long it took. workerd's clock moves on I/O
 * only, and every step of a command that matters here is D1 I/O, so the wall time is its cost.
 */
export async function countedCommand(
  text: string,
  now: Date,
  moderator = false,
): Promise<{ text: string; reading: Reading; ms: number }> {
  const { store, reading } = countedStore();
  const start = performance.now();
  const answer = await handleCommand(
    { store, now: () => now },
    {
      contact: {
        platform: "slack",
        workspaceId: "T0BENCH",
        workspaceName: null,
        userId: "U00000001",
        displayName: "Member 1",
        initialLocale: "en",
      },
      syntax: { prefix: "/cop", moderatorPrefix: "/copmod", namedOptions: false },
      authority: () => ({ kind: "payload", isModerator: moderator }),
      parse: (r) => parseCommandText(r, "slack", text),
      ingressKey: `slack:T0BENCH:trigger:${crypto.randomUUID()}`,
    },
  );
  const ms = performance.now() - start;
  return { text: JSON.stringify(answer.message), reading, ms };
}
