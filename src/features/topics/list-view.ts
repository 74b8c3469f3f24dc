import { z } from "zod";
import { actionButton } from "../../core/actions/pack.ts";
import type { Translator } from "../../core/i18n/index.ts";
import type { Block } from "../../core/message.ts";
import type { Community } from "../../core/model.ts";

/** Topics shown on one page of the list (the rest is on later pages). */
export const PAGE_SIZE = 10;
/** The button id that turns the list's page or switches to the member's own suggestions. */
export const PAGE_ACTION = "topic.page";
/** The list's two views, as they travel in a button's arguments. */
export const FROM_LIST = "list";
export const FROM_MINE = "mine";

/** Which list a member sees: the whole backlog or only their own suggestions, and which page. */
export interface ListView {
  readonly mine: boolean;
  readonly page: number;
}

export const FIRST_PAGE: ListView = { mine: false, page: 1 };

/** `["list", "2"]`: a view as button arguments (the page left out for the first). */
export function viewArgs(view: ListView): string[] {
  return [view.mine ? FROM_MINE : FROM_LIST, ...(view.page > 1 ? [String(view.page)] : [])];
}

/** A view's button arguments: `list` or `mine`, then an optional page (a list before paging had `list` alone). */
export const viewWhere = z.enum([FROM_LIST, FROM_MINE]);
export const viewPage = z.string().regex(/^[1-9]\d{0,3}$/);
export const viewArgsSchema = z.union([z.tuple([viewWhere]), z.tuple([viewWhere, viewPage])]);

export function viewFrom(args: z.output<typeof viewArgsSchema>): ListView {
  return { mine: args[0] === FROM_MINE, page: Number(args[1] ?? "1") };
}

/**
 * The page word of `/cop topic list [page]`: a page number, or `mine` / `saya` for the member's
 * own suggestions. Null when it is neither.
 */
export function parseListWord(word: string | undefined): ListView | null {
  const text = (word ?? "").trim().toLowerCase().replace(/^#/, "");
  if (text === "") return FIRST_PAGE;
  if (/^[1-9]\d{0,3}$/.test(text)) return { mine: false, page: Number(text) };
  if (text === "mine" || text === "saya" || text === "punya saya") return { mine: true, page: 1 };
  return null;
}

/**
 * The list's last action row: the previous and next pages where there are any, and the switch
 * between the whole backlog and the member's own suggestions. One Discord row: three buttons.
 */
export function navigationRow(
  community: Pick<Community, "id">,
  t: Translator,
  view: ListView,
  pages: number,
): Block {
  const turn = (page: number) => viewArgs({ ...view, page });
  const buttons = [
    ...(view.page > 1
      ? [actionButton(community, PAGE_ACTION, t("topic.list.previous"), turn(view.page - 1))]
      : []),
    ...(view.page < pages
      ? [actionButton(community, PAGE_ACTION, t("topic.list.next"), turn(view.page + 1))]
      : []),
    view.mine
      ? actionButton(community, PAGE_ACTION, t("topic.list.all"), viewArgs(FIRST_PAGE))
      : actionButton(community, PAGE_ACTION, t("topic.list.mineButton"), viewArgs({ mine: true, page: 1 })),
  ];
  return { type: "actions", buttons };
}
