import { defineConfig, type TestProjectInlineConfiguration, type UserConfig } from "vitest/config";
import base from "./vitest.config.ts";

/**
 * `npm run bench:jobs`: the test setup (workerd, the local D1 with every migration, the
 * stand-ins) running only test/bench/*.bench-run.ts, which the normal test run never picks up.
 */
export default defineConfig(async (env) => {
  const config = (typeof base === "function" ? await base(env) : await base) as UserConfig;
  const workers = config.test?.projects?.find(
    (project): project is TestProjectInlineConfiguration =>
      typeof project === "object" && "test" in project && project.test?.name === "workers",
  );
  return {
    ...config,
    test: {
      projects: [
        {
          ...workers,
          test: { ...workers?.test, include: ["test/bench/**/*.bench-run.ts"], testTimeout: 600_000 },
        },
      ],
    },
  };
});
