import type { CommandRoot } from "./commands/roots.ts";

/**
 * Typed errors. Each carries a literal `code`; the HTTP layer maps them to responses in one
 * place (`src/app.ts`), and command errors become localized ephemeral replies.
 */
export type HttpErrorCode =
  | "bad_signature"
  | "stale_request"
  | "payload_too_large"
  | "malformed_payload"
  | "not_configured"
  | "not_implemented"
  | "not_found";

const STATUS: Record<HttpErrorCode, number> = {
  bad_signature: 401,
  stale_request: 401,
  payload_too_large: 413,
  malformed_payload: 400,
  not_configured: 503,
  not_implemented: 501,
  not_found: 404,
};

/** An error that ends the HTTP request with a JSON body `{ error: code, message }`. */
export class HttpError extends Error {
  readonly status: number;
  constructor(
    readonly code: HttpErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "HttpError";
    this.status = STATUS[code];
  }
}

/** Why a command could not run; shown to the user as a localized ephemeral message. */
export type CommandErrorCode =
  | "unknown_command"
  | "missing_subcommand"
  | "bad_argument"
  | "missing_argument"
  | "too_many_arguments"
  | "not_moderator"
  | "moderator_unverifiable"
  | "wrong_platform"
  | "wrong_root"
  | "guild_only"
  | "too_long"
  | "text_too_long";

export class CommandError extends Error {
  constructor(
    readonly code: CommandErrorCode,
    readonly detail: {
      path?: string;
      argument?: string;
      input?: string;
      limit?: number;
      /** How long the text was (text_too_long), in characters. */
      length?: number;
      /** The root `path` lives under (`wrong_root`, `missing_subcommand`), when it is known. */
      root?: CommandRoot;
    } = {},
  ) {
    super(code);
    this.name = "CommandError";
  }
}

/**
 * The inbound delivery (a Slack event or command, a Discord interaction) was already acted on:
 * a platform retry or a replay. Its effects were rolled back, so nothing happened twice.
 */
export class DuplicateDeliveryError extends Error {
  constructor(readonly key: string) {
    super(`already processed: ${key}`);
    this.name = "DuplicateDeliveryError";
  }
}
