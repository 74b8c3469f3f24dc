import { countedCommand } from "../support/counted-command.ts";
import { seedRotationHistory } from "../support/rotation-history.ts";

/** One command measured over `RUNS` runs: its median time and the most D1 statements one run made. */
export interface CommandRun {
  readonly command: string;
  readonly medianMs: number;
  readonly statements: number;
  readonly rows: number;
}

const RUNS = 20;
/** The commands issue 17 names: the two a member runs most that read the rotation. */
const COMMANDS = ["rotation show", "meeting next"] as const;
// A Friday after 38 weeks of meetings in the ledger; the next meeting (Tuesday 2 March) is not
// announced yet, so its host is planned from the rotation on every call.
const NOW = new Date("2027-02-26T10:00:00Z");

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * Gives the bench's community (every member seeded by jobs-seed.ts) a rotation history, then runs
 * `/cop rotation show` and `/cop meeting next` through the command handler `RUNS` times each.
 * The first run of each is a warm-up (the member's first command registers nothing, but its
 * statements are compiled once per isolate) and is counted like the others.
 */
export async function measureCommands(communityId: number): Promise<CommandRun[]> {
  await seedRotationHistory(communityId);
  const runs: CommandRun[] = [];
  for (const command of COMMANDS) {
    const times: number[] = [];
    let statements = 0;
    let rows = 0;
    for (let i = 0; i < RUNS; i++) {
      const { text, reading, ms } = await countedCommand(command, NOW);
      if (!text.includes('{"user":"U')) throw new Error(`/cop ${command} named no host: ${text}`);
      times.push(ms);
      statements = Math.max(statements, reading.statements);
      rows = Math.max(rows, reading.rows);
    }
    runs.push({ command, medianMs: median(times), statements, rows });
  }
  return runs;
}
