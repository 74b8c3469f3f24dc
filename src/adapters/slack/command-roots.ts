import { type CommandRoot, MEMBER_ROOT, MODERATOR_ROOT } from "../../core/commands/roots.ts";
import type { CommandSyntax } from "../../core/commands/types.ts";

/** A slash command's root and both slash commands as this app names them. */
export interface SlackCommandRoots {
  readonly root: CommandRoot;
  readonly syntax: CommandSyntax;
}

const MEMBER = `/${MEMBER_ROOT}`;
const MODERATOR = `/${MODERATOR_ROOT}`;

/** The syntax of the default app (`/cop`, `/copmod`), for replies that did not come from a command. */
export const SLACK_SYNTAX: CommandSyntax = {
  prefix: MEMBER,
  moderatorPrefix: MODERATOR,
  namedOptions: false,
};

/**
 * Which root a slash command is, from its name: `/copmod…` the moderators', anything else the
 * members'. The pair keeps the app's own suffix, so a staging app with `/cop-dev` has `/copmod-dev`
 * (`npm run slack:manifest -- --command /cop-dev` registers both); a name outside the pattern gets
 * `mod` appended for its moderator command.
 */
export function slackCommandRoots(command: string): SlackCommandRoots {
  const named = (prefix: string, moderatorPrefix: string) => ({
    prefix,
    moderatorPrefix,
    namedOptions: false,
  });
  if (command.startsWith(MODERATOR)) {
    const suffix = command.slice(MODERATOR.length);
    return { root: MODERATOR_ROOT, syntax: named(MEMBER + suffix, command) };
  }
  const moderator = command.startsWith(MEMBER) ? MODERATOR + command.slice(MEMBER.length) : `${command}mod`;
  return { root: MEMBER_ROOT, syntax: named(command, moderator) };
}
