import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";

// Real migrations on the real local D1, before every test file.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
