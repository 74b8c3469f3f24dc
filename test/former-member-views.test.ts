import { describe, expect, it } from "vitest";
import type { FeatureWeeks } from "../src/core/digest/section.ts";
import { translator } from "../src/core/i18n/index.ts";
import type { Community } from "../src/core/model.ts";
import { kudosDigest } from "../src/features/kudos/digest.ts";

const community: Community = {
  id: 1,
  platform: "slack",
  workspaceId: "T0001",
  name: "Guru Kita",
  locale: "id",
  timezone: "Asia/Jakarta",
  moderatorRoleId: null,
};

describe("a forgotten member in the weekly digest's kudos", () => {
  it("is 'a former member' in the community's language, never a mention of the placeholder", () => {
    const week = { items: [{ from: "former:3", to: "U0BUDI", reason: "Terima kasih!" }], total: 1 };
    for (const [locale, words] of [
      ["en", "a former member"],
      ["id", "mantan anggota"],
    ] as const) {
      const part = kudosDigest.read({ kudos: week } as unknown as FeatureWeeks);
      const blocks = part.render(translator(locale), { community, caps: { level: 0, list: 10 } });
      const text = JSON.stringify(blocks);
      expect(text).toContain(words);
      expect(text).toContain('{"user":"U0BUDI"}');
      expect(text).not.toContain("former:3");
    }
  });
});
