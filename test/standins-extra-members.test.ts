import { describe, expect, it } from "vitest";
import { SEEDED_DISCORD_USERS } from "../scripts/lib/discord-options.ts";
import { makeConfig } from "../scripts/standins/config.ts";
import { discordMembers } from "../scripts/standins/discord-guilds.ts";
import { configFromVars } from "../scripts/standins/index.ts";
import type { StandinState } from "../scripts/standins/state.ts";

const ids = (state: Pick<StandinState, "config">) =>
  discordMembers(state as StandinState).map((m) => (m as { user: { id: string } }).user.id);

describe("the local server's members (npm start)", () => {
  it("include the signing CLI's Discord users, so a member sync never records them as gone", () => {
    const config = makeConfig(configFromVars({}));
    const listed = ids({ config });
    for (const id of Object.values(SEEDED_DISCORD_USERS)) expect(listed).toContain(id);
    // Sorted by id, as Discord pages them.
    expect(listed).toEqual([...listed].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1)));
  });

  it("tests and the demo keep their own roster", () => {
    expect(ids({ config: makeConfig() })).not.toContain(Object.values(SEEDED_DISCORD_USERS)[0]);
  });
});
