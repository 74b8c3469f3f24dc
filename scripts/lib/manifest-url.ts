/**
 * The base URL `npm run slack:manifest` writes into the manifest: `--url` when given, else
 * PUBLIC_URL (the environment's, else `.dev.vars`'s, which `npm start` points at the local
 * worker). Without `--url` it says which one it used, so a manifest for 127.0.0.1 is never pasted
 * into a real Slack app by surprise.
 */
export interface ManifestUrl {
  baseUrl?: string;
  /** One line for stderr when the URL did not come from --url. */
  note?: string;
}

const LOCAL = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/;

export function manifestUrl(
  url: string | undefined,
  env: Record<string, string | undefined>,
  devVars: Record<string, string | undefined>,
): ManifestUrl {
  if (url !== undefined) return { baseUrl: url };
  const [baseUrl, source] =
    env.PUBLIC_URL !== undefined ? [env.PUBLIC_URL, "the environment"] : [devVars.PUBLIC_URL, ".dev.vars"];
  if (baseUrl === undefined) return {};
  const what = LOCAL.test(baseUrl) ? "the local URL" : "PUBLIC_URL";
  return {
    baseUrl,
    note: `No --url given: using ${what} ${baseUrl} (PUBLIC_URL from ${source}). For a deployment: npm run slack:manifest -- --url https://your-worker.example.com`,
  };
}
