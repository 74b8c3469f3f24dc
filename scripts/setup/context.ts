import type { Resources } from "./deploy-config.ts";
import type { SetupState } from "./state.ts";
import type { Wrangler } from "./wrangler.ts";

/** How setup talks with the volunteer: lines out, answers in (undefined without a terminal). */
export interface Io {
  say(line?: string): void;
  ask(question: string): Promise<string | undefined>;
}

export interface SetupContext {
  readonly root: string;
  readonly toml: string;
  readonly resources: Resources;
  readonly wrangler: Wrangler;
  readonly io: Io;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `--url`: the address the Worker is reached at, when not its workers.dev address. */
  readonly url: string | undefined;
  state: SetupState;
  save(): void;
  /** Secrets typed (or given in the environment) in this run; kept in memory only. */
  readonly values: Map<string, string>;
}

export interface Step {
  readonly name: string;
  /** What the step will do, given what earlier runs recorded (for --dry-run). */
  plan(state: SetupState, resources: Resources): string;
  run(context: SetupContext): Promise<void>;
}

/** A problem the volunteer fixes (a login, a missing answer): printed without a stack trace. */
export class SetupError extends Error {}
