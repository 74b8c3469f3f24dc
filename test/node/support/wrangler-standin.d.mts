/** See wrangler-standin.mjs. */
export function runStandin(call: {
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly readInput: () => string;
}): { code: number; stdout: string; stderr: string };
