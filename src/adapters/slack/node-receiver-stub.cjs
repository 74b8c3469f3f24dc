// Stand-in for `express` and `raw-body` (aliased in wrangler.toml and vitest.config.ts).
// Only Bolt's ExpressReceiver and HTTPReceiver use them, and guyub never builds those: it has its
// own Workers receiver. Left in, they pull iconv-lite, mime-db and Express into the Worker bundle
// (about 40 % of it). Calling them is a configuration error, said plainly.
function unavailable() {
  throw new Error("Bolt's Node receivers are not available in guyub: Slack is received by src/adapters/slack/receiver.ts.");
}
module.exports = unavailable;
module.exports.default = unavailable;
module.exports.Router = unavailable;
