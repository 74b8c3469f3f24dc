import type { OptionMap } from "./options.ts";
import { schemaFor } from "./options.ts";
import type { Command, CommandDefinition } from "./types.ts";

/** Defines a command once; its option schema is derived from its typed options. */
export function defineCommand<O extends OptionMap>(definition: CommandDefinition<O>): Command {
  return {
    path: definition.path,
    name: definition.path.join(" "),
    summary: definition.summary,
    options: definition.options,
    moderator: definition.moderator,
    requires: definition.requires,
    example: definition.example as Command["example"],
    groupDefault: definition.groupDefault ?? false,
    openToAlumni: definition.openToAlumni ?? false,
    revivesForgotten: definition.revivesForgotten ?? false,
    readOnly: definition.readOnly ?? false,
    schema: schemaFor(definition.options) as Command["schema"],
    // The registry validates args against `schema` before calling, so the cast is sound.
    handle: (ctx, args) => definition.handle(ctx, args as Parameters<typeof definition.handle>[1]),
  };
}
