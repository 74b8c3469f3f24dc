import { z } from "zod";
import type { ActionContext, ActionDefinition, ActionResult } from "./types.ts";

/** An action with its argument types erased, as the registry holds it. */
export interface Action {
  readonly id: string;
  readonly args: z.ZodType<readonly string[]>;
  readonly moderator: boolean;
  readonly openToAlumni: boolean;
  handle(ctx: ActionContext, args: readonly string[]): Promise<ActionResult> | ActionResult;
}

/** Defines a button action once; its packed arguments are validated with `args` before `handle`. */
export function defineAction<A extends z.ZodType<readonly string[]>>(
  definition: ActionDefinition<A>,
): Action {
  return {
    id: definition.id,
    args: definition.args,
    moderator: definition.moderator,
    openToAlumni: definition.openToAlumni ?? false,
    // The dispatcher validates args against `args` first, so the cast is sound.
    handle: (ctx, args) => definition.handle(ctx, args as z.output<A>),
  };
}

/** The `args` of an action that takes none. */
export const noArgs = z.array(z.string()).max(0);
