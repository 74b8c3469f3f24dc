import type { D1Migration } from "@cloudflare/vitest-plugin";
import type { AppEnv } from "../../src/env.ts";

declare global {
  namespace Cloudflare {
    interface Env extends AppEnv {
      TEST_MIGRATIONS: D1Migration[];
      TEST_DISCORD_PRIVATE_KEY: string;
      /** An empty D1 of its own for the migration tests (vitest.config.ts). */
      MIGRATION_DB: D1Database;
    }
  }
}

declare global {
  namespace Cloudflare {
    interface GlobalProps {
      mainModule: typeof import("../../src/index.ts");
    }
  }
}
