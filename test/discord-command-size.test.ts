import { describe, expect, it } from "vitest";
import { commandCharacterCount } from "../src/adapters/discord/command-size.ts";
import { discordCommandDefinitions } from "../src/adapters/discord/commands.ts";
import { registry } from "../src/core/commands/index.ts";
import { COMMAND_CHARACTER_LIMIT as DISCORD_COMMAND_CHARACTER_LIMIT } from "../src/core/commands/size.ts";

describe("Discord's 8,000-character limit on one command", () => {
  it("counts names, descriptions and choice names at their longest localization, nested", () => {
    const command = {
      name: "cop", // 3, but the localization is longer: 9
      name_localizations: { id: "komunitas" },
      description: "Hi", // 2, localized 10
      description_localizations: { id: "Halo semua" },
      options: [
        {
          name: "group", // 5
          description: "A group", // 7
          options: [
            {
              name: "sub", // 3
              description: "Sub", // 3
              options: [
                {
                  name: "lang", // 4
                  description: "Language", // 8 beats "Bahasa" (6)
                  description_localizations: { id: "Bahasa" },
                  choices: [
                    { name: "English" }, // 7
                    { name: "Indonesia", name_localizations: { id: "Bahasa Indonesia" } }, // 16
                  ],
                },
              ],
            },
          ],
        },
        { name: "help", description: "Help…", description_localizations: null }, // 4 + 5 (… is one)
      ],
    };
    expect(commandCharacterCount(command)).toBe(9 + 10 + 5 + 7 + 3 + 3 + 4 + 8 + 7 + 16 + 4 + 5);
  });

  // 652 characters when this test was written (help, language, moderators list/add/remove/role);
  // since the split into /cop and /copmod each root counts on its own.
  for (const command of discordCommandDefinitions(registry)) {
    const count = commandCharacterCount(command);
    it(`keeps ${command.name} within the limit (${count} of ${DISCORD_COMMAND_CHARACTER_LIMIT} characters)`, () => {
      expect(count).toBeGreaterThan(0);
      expect(count).toBeLessThanOrEqual(DISCORD_COMMAND_CHARACTER_LIMIT);
    });
  }
});
