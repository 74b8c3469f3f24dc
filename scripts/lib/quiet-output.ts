/**
 * What `npm start` keeps of wrangler's output, so the first run fits one screen. wrangler redraws
 * the whole migrations table after every migration (14 tables for 13 files) and prints its
 * bindings table twice, an update notice, a types notice and a warning that cron does not run
 * locally (`npm start` runs it: local-cron.ts). The worker's own warnings and errors still pass.
 */

/** One line for `wrangler d1 migrations apply`'s output: what was applied, or that nothing was. */
export function summarizeMigrations(output: string): string {
  const plain = stripAnsi(output);
  if (/No migrations to apply/i.test(plain)) return "D1: the local database is up to date";
  const names = [...new Set(plain.match(/\b\d{4}_[\w-]+\.sql\b/g) ?? [])];
  const count = Number(/About to apply (\d+) migration/.exec(plain)?.[1] ?? names.length);
  const range = names.length > 1 ? ` (${names[0]} … ${names.at(-1)})` : names.length ? ` (${names[0]})` : "";
  return `D1: applied ${count} migration${count === 1 ? "" : "s"} to the local database${range}`;
}

// Lines wrangler prints that say nothing to someone running `npm start`.
const NOISE: RegExp[] = [
  /^\s*⛅️ wrangler /, // the banner, with "update available"
  /^\s*─+\s*$/, // its underline
  /^Using secrets defined in /,
  /^Your Worker has access to the following bindings:/,
  /^Binding\s+Resource\s+Mode/,
  /^env\.\w+ /, // a row of the bindings table
  /Your types might be out of date/,
  /^⎔ (Starting local server|Connection status updated|Reloading local server)/,
  /^\[wrangler:info\] Ready on /, // npm start prints its own banner once the worker answers
  /^\[wrangler:info\] GET \/healthz /, // npm start asking whether the worker is up
  /^\[wrangler:info\] GET \/cdn-cgi\/local\/scheduled/, // npm start prints its own line per cron tick
];

// A warning block that `npm start` makes untrue (it fires the cron itself), dropped from its first
// line to its "For more details" line.
const CRON_WARNING = /Scheduled Workers are not automatically triggered during local development/;
const CRON_WARNING_END = /For more details, see/;

/**
 * A line filter for wrangler dev's stdout and stderr: feed it each line, it returns whether to
 * print it. Stateful only to drop a whole multi-line warning block.
 */
export function wranglerDevFilter(): (line: string) => boolean {
  let inCronWarning = false;
  return (line) => {
    const plain = stripAnsi(line).trimEnd();
    if (inCronWarning) {
      if (CRON_WARNING_END.test(plain)) inCronWarning = false;
      return false;
    }
    if (CRON_WARNING.test(plain)) {
      inCronWarning = true;
      return false;
    }
    if (plain === "") return false; // wrangler pads its output with blank lines
    return !NOISE.some((noise) => noise.test(plain));
  };
}

/** Splits a stream of chunks into whole lines, handing each to `onLine`; `flush` ends the last. */
export function lineSplitter(onLine: (line: string) => void): {
  push: (chunk: string) => void;
  flush: () => void;
} {
  let rest = "";
  return {
    push: (chunk) => {
      const parts = (rest + chunk).split(/\r?\n/);
      rest = parts.pop() ?? "";
      for (const part of parts) onLine(part);
    },
    flush: () => {
      if (rest) onLine(rest);
      rest = "";
    },
  };
}

export function stripAnsi(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes start with ESC.
  return text.replace(/\u001b\[[0-9;]*m/g, "");
}
