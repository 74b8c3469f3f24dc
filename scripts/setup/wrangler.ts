import { spawn } from "node:child_process";
import { join } from "node:path";

export interface WranglerResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export type Wrangler = (
  args: readonly string[],
  options?: { input?: string; env?: Record<string, string> },
) => Promise<WranglerResult>;

/**
 * The wrangler that setup drives: `GUYUB_WRANGLER` (a path to an executable) or the project's own
 * pinned one. Not looked up on the PATH: npm scripts put node_modules/.bin first, so a stand-in on
 * the PATH would be shadowed, and tests substitute one through the variable instead.
 */
export function wranglerCommand(root: string, env = process.env): string {
  return env.GUYUB_WRANGLER || join(root, "node_modules", ".bin", "wrangler");
}

/**
 * Runs wrangler without a terminal on stdin: wrangler then never prompts, and a deploy never
 * writes provisioned ids back into a config file (it does that only when interactive).
 */
export function createWrangler(command: string, cwd: string, baseEnv: Record<string, string> = {}): Wrangler {
  return (args, options = {}) =>
    new Promise((resolve, reject) => {
      const child = spawn(command, [...args], {
        cwd,
        env: { ...process.env, ...baseEnv, ...options.env },
        stdio: ["pipe", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
      });
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      child.on("error", reject);
      child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
      child.stdin.end(options.input ?? "");
    });
}

/** A failed wrangler call, with what wrangler said, so the volunteer sees the real reason. */
export class WranglerError extends Error {
  constructor(args: readonly string[], result: WranglerResult) {
    const said = `${result.stderr}\n${result.stdout}`.trim().split("\n").slice(-12).join("\n");
    super(`\`wrangler ${args.join(" ")}\` failed (exit ${result.code}):\n${said}`);
  }
}

/** Runs a call that must succeed; returns its standard output. */
export async function must(
  wrangler: Wrangler,
  args: readonly string[],
  options?: { input?: string },
): Promise<string> {
  const result = await wrangler(args, options);
  if (result.code !== 0) throw new WranglerError(args, result);
  return result.stdout;
}

/** The JSON a `--json` call prints (wrangler may print a banner line before it). */
export function parseJsonOutput<T>(stdout: string): T {
  const start = stdout.search(/^[[{]/m);
  if (start < 0) throw new Error(`wrangler printed no JSON:\n${stdout.slice(0, 400)}`);
  return JSON.parse(stdout.slice(start)) as T;
}
