import type { App, Receiver } from "@slack/bolt";
import { jsonResponse } from "../shared-render.ts";

export interface DispatchOptions {
  readonly retryNum?: number;
  readonly retryReason?: string;
  readonly customProperties: Record<string, unknown>;
  /** Keeps the Worker alive for the work Bolt listeners do after they ack. */
  readonly waitUntil: (promise: Promise<unknown>) => void;
}

/** Acknowledges a request: its reply (a message, text) or nothing for an empty 200. */
export type Ack = (reply?: unknown) => Promise<void>;

/**
 * A Bolt receiver for Workers. The HTTP layer verifies and parses the request, then hands the
 * body here; the response is whatever the listener passes to `ack()`. Work a listener does
 * after acking continues in `waitUntil`. A body no listener acks (an unhandled action type,
 * say) is answered with an empty 200 once Bolt is done with it, so Slack never sees a timeout.
 */
export class WorkersReceiver implements Receiver {
  #app: App | undefined;

  init(app: App): void {
    this.#app = app;
  }

  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  dispatch(body: Record<string, unknown>, options: DispatchOptions): Promise<Response> {
    const app = this.#app;
    if (!app) throw new Error("WorkersReceiver used before Bolt initialised it");
    return answer(
      (ack) =>
        app.processEvent({
          body,
          ack,
          retryNum: options.retryNum,
          retryReason: options.retryReason,
          customProperties: options.customProperties,
        }),
      options.waitUntil,
    );
  }
}

/**
 * The response is what `run` acks first; `run` goes on in `waitUntil`. A failure is logged, and
 * a run that ends (or fails) without acking is answered with an empty 200.
 */
export function answer(
  run: (ack: Ack) => Promise<unknown>,
  waitUntil: (promise: Promise<unknown>) => void,
): Promise<Response> {
  let settle: (reply: Response) => void = () => {};
  const replied = new Promise<Response>((resolve) => {
    settle = resolve;
  });
  let acked = false;
  const ack: Ack = async (reply) => {
    if (acked) return;
    acked = true;
    settle(toResponse(reply));
  };
  const processing = run(ack)
    .catch((error: unknown) => console.error("slack listener failed", error))
    .finally(() => ack());
  waitUntil(processing);
  return replied;
}

function toResponse(reply: unknown): Response {
  if (reply === undefined || reply === null || reply === "") return new Response(null, { status: 200 });
  if (typeof reply === "string")
    return new Response(reply, { status: 200, headers: { "content-type": "text/plain" } });
  // As Response.json, with the bytes of a shared (frozen) reply encoded once per isolate.
  return jsonResponse(reply as object);
}
