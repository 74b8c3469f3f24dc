import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { MIGRATIONS } from "../src/db/migration-names.ts";

describe("the migrations the code was built with", () => {
  it("probe", async () => {
    console.log(env.TEST_MIGRATIONS.map((m) => m.name));
    console.log((await env.DB.prepare("SELECT * FROM d1_migrations ORDER BY id DESC LIMIT 2").all()).results);
    expect(MIGRATIONS.length).toBeGreaterThan(0);
  });
});
