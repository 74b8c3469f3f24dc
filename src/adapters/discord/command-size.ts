/** The fields of a command, or of one of its options, that Discord counts towards the size limit. */
export interface CountedFields {
  readonly name: string;
  readonly name_localizations?: Readonly<Record<string, string>> | null;
  readonly description?: string;
  readonly description_localizations?: Readonly<Record<string, string>> | null;
  readonly choices?: readonly {
    readonly name: string;
    readonly name_localizations?: Readonly<Record<string, string>> | null;
    readonly value?: string | number;
  }[];
  readonly options?: readonly CountedFields[];
}

/**
 * The characters Discord counts against its 8,000-character limit (`COMMAND_CHARACTER_LIMIT`, src/core/commands/size.ts) for one application
 * command: every name and description of the command, its subcommand groups, subcommands and
 * options, every choice name and every choice value; each name and description at the length of
 * its longest form (the default or any localization), since that is what a client in that
 * language would have to show.
 */
export function commandCharacterCount(command: CountedFields): number {
  // A choice counts its name (at its longest localization) and its value.
  const choices = (command.choices ?? []).map(
    (choice) => longest(choice.name, choice.name_localizations) + characters(String(choice.value ?? "")),
  );
  const options = (command.options ?? []).map(commandCharacterCount);
  return (
    longest(command.name, command.name_localizations) +
    longest(command.description ?? "", command.description_localizations) +
    sum(choices) +
    sum(options)
  );
}

function longest(text: string, localizations: Readonly<Record<string, string>> | null | undefined): number {
  return Math.max(characters(text), ...Object.values(localizations ?? {}).map(characters));
}

/** Characters, not UTF-16 code units: an emoji in a description is one. */
const characters = (text: string) => [...text].length;
const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
