import { defineConfig, type UserConfig } from "vitest/config";
import base from "./vitest.config.ts";

/**
 * `npm run bench:jobs`: the test setup (workerd, the local D1 with every migration, the
 * stand-ins) running only test/bench/*.bench-run.ts, which the normal test run never picks up.
 */
export default defineConfig(async (env) => {
  const config = (typeof base === "function" ? await base(env) : await base) as UserConfig;
  return {
    ...config,
    test: { ...config.test, include: ["test/bench/**/*.bench-run.ts"], testTimeout: 600_000 },
  };
});
