import { createServer } from "node:net";
import { runStandin } from "./wrangler-standin.mjs";

/** The variables the stand-in reads, in the order the client sends them. */
const VARIABLES = [
  "WRANGLER_STANDIN_WORLD",
  "WRANGLER_STANDIN_FAIL",
  "CLOUDFLARE_ACCOUNT_ID",
  "WRANGLER_OUTPUT_FILE_PATH",
] as const;

let serving: Promise<number> | undefined;

/**
 * Serves the wrangler stand-in to `wrangler-standin-client.sh` from this test process (once; the
 * server does not keep the process alive). Resolves to its port.
 */
export function wranglerStandinPort(): Promise<number> {
  serving ??= new Promise((resolvePort, reject) => {
    const server = createServer((socket) => {
      const chunks: Buffer[] = [];
      socket.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        const fields = splitFields(Buffer.concat(chunks));
        const argc = Number(fields[0]);
        const expected = 2 + VARIABLES.length + 1 + argc;
        if (fields.length < expected) return;
        socket.end(`${answer(fields, argc).join("\0")}\0`);
      });
      socket.on("error", () => socket.destroy());
    });
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.unref();
      const address = server.address();
      resolvePort(typeof address === "object" && address ? address.port : 0);
    });
  });
  return serving;
}

/** The complete NUL-terminated fields received so far (a partial last one is left out). */
function splitFields(buffer: Buffer): string[] {
  const fields: string[] = [];
  let start = 0;
  for (let i = buffer.indexOf(0); i >= 0; i = buffer.indexOf(0, start)) {
    fields.push(buffer.subarray(start, i).toString("utf8"));
    start = i + 1;
  }
  return fields;
}

function answer(fields: string[], argc: number): [string, string, string] {
  const [, cwd = "/", ...rest] = fields;
  const env: Record<string, string> = {};
  VARIABLES.forEach((name, i) => {
    const value = rest[i] ?? "0";
    if (value.startsWith("1")) env[name] = value.slice(1);
  });
  const input = rest[VARIABLES.length] ?? "";
  const args = rest.slice(VARIABLES.length + 1, VARIABLES.length + 1 + argc);
  try {
    const result = runStandin({ args, env, cwd, readInput: () => input });
    return [String(result.code), result.stdout, result.stderr];
  } catch (error) {
    return ["70", "", `stand-in crashed: ${(error as Error).stack ?? error}\n`];
  }
}
