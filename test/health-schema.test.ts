import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { MIGRATIONS } from "../src/db/migration-names.ts";

describe("the migrations the code was built with", () => {
  it("are exactly the files in migrations/, in order (a new migration must be listed)", () => {
    // TEST_MIGRATIONS is read from the folder by vitest.config.ts, as wrangler reads it.
    expect([...MIGRATIONS]).toEqual(env.TEST_MIGRATIONS.map((m) => m.name));
  });

  it("are named as d1_migrations records them", async () => {
    const { results } = await env.DB.prepare("SELECT name FROM d1_migrations ORDER BY id").all<{
      name: string;
    }>();
    expect(results.map((r) => r.name)).toEqual([...MIGRATIONS]);
  });
});
