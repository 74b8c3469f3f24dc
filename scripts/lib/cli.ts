import { type ParseArgsConfig, parseArgs } from "node:util";

/** `parseArgs`, but a mistyped option prints one clear line and the usage instead of a stack trace. */
export function parseCli<T extends ParseArgsConfig>(
  config: T,
  usage: string,
): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    console.error(`${(error as Error).message.split(".")[0]}.\nusage: ${usage}`);
    process.exit(2);
  }
}
