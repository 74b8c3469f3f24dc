import { defineConfig, type TestProjectInlineConfiguration, type UserConfig } from "vitest/config";
import base from "./vitest.config.ts";

/**
 * `npm run bench:dashboard`: the test setup (workerd, the local D1 with every migration, the
 * stand-ins) running only test/bench/dashboard.bench-dash.ts, which no other run picks up.
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
          test: { ...workers?.test, include: ["test/bench/dashboard.bench-dash.ts"], testTimeout: 600_000 },
        },
      ],
    },
  };
});
