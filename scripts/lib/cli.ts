import { type ParseArgsConfig, parseArgs } from "node:util";

/** Whether the command line asks for the usage (`--help` or `-h`, before a `--` that ends options). */
export function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf("--");
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === "--help" || arg === "-h");
}

/**
 * `parseArgs`, but `--help` prints the usage (and exits 0) and a mistyped option prints one clear
 * line and the usage instead of a stack trace.
 */
export function parseCli<T extends ParseArgsConfig>(
  config: T,
  usage: string,
): ReturnType<typeof parseArgs<T>> {
  if (wantsHelp(config.args ?? process.argv.slice(2))) {
    console.log(`usage: ${usage}`);
    process.exit(0);
  }
  try {
    return parseArgs(config);
  } catch (error) {
    console.error(`${(error as Error).message.split(".")[0]}.\nusage: ${usage}`);
    process.exit(2);
  }
}
