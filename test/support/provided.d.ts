// Values the vitest global setup (test/support/global-setup.ts) provides to tests via inject().
declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the Slack/Discord stand-ins, e.g. http://127.0.0.1:41234 (no trailing slash). */
    standinsUrl: string;
  }
}

export {};
