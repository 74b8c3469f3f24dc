// Stand-in for @slack/socket-mode (aliased in wrangler.toml and vitest.config.ts).
// guyub receives Slack over HTTP only; Socket Mode needs a WebSocket client that
// pulls Node-only modules into the Worker bundle. Using it is a configuration error.
class SocketModeClient {
  constructor() {
    throw new Error("Socket Mode is not available in guyub: Slack is received over HTTP (/slack/*).");
  }
}
module.exports = { SocketModeClient, LogLevel: { DEBUG: "debug", INFO: "info", WARN: "warn", ERROR: "error" } };
