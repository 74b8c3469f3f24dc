import type { CoreDeps } from "../../core/handle-command.ts";

// Its own file: the app (bolt-app.ts) registers the listeners, and every listener reads this.
/** What each request hands to Bolt listeners through `customProperties`. */
export interface SlackRequestContext {
  readonly core: CoreDeps;
  /** How long to wait for the answer before acking and replying via response_url. */
  readonly replyDeadlineMs: number;
}
