/**
 * The neutral message and form model. Core builds these; each adapter renders them
 * (Block Kit for Slack, content + components for Discord). Nothing here is platform-specific.
 */

/** A piece of inline text. Plain strings are always escaped by renderers: member-written text is safe. */
export type Inline =
  | string
  | { readonly user: string }
  /** A channel link; it notifies nobody. */
  | { readonly channel: string }
  | { readonly role: string }
  | { readonly bold: string }
  | { readonly code: string }
  /** A link to a message guyub posted (a meeting's record); each adapter writes its own permalink. */
  | { readonly message: MessageRef; readonly label: string }
  /** An http(s) address shown as it is and clickable (never escaped into a broken link). */
  | { readonly link: string };

/**
 * A message on the platform: the community's workspace (Slack team, Discord guild), the channel
 * and the message's id there (Slack `ts`, Discord snowflake), as the outbox stored them once sent.
 */
export interface MessageRef {
  readonly workspace: string;
  readonly channel: string;
  readonly id: string;
}

/** Text is a plain string or a sequence of inline pieces. */
export type Text = string | readonly Inline[];

export interface Field {
  readonly label: string;
  readonly value: Text;
}

export interface Button {
  /** Stable id the interaction handlers route on, e.g. `rsvp.yes`. */
  readonly actionId: string;
  readonly label: string;
  readonly value?: string;
  readonly style?: "primary" | "danger";
}

export type Block =
  | { readonly type: "heading"; readonly text: string }
  | { readonly type: "text"; readonly text: Text }
  | { readonly type: "section"; readonly text: Text; readonly fields: readonly Field[] }
  | { readonly type: "fields"; readonly fields: readonly Field[] }
  | { readonly type: "actions"; readonly buttons: readonly Button[] }
  | { readonly type: "context"; readonly text: Text }
  | { readonly type: "divider" };

export interface Message {
  readonly blocks: readonly Block[];
  /** `ephemeral`: only the person who asked sees it. */
  readonly visibility: "ephemeral" | "public";
  /**
   * A file sent with the message (a member's data export). Only delivered messages (the outbox:
   * a post or a DM) carry one; each platform's sender uploads it in the same send.
   */
  readonly file?: MessageFile;
  /**
   * Links in it must not be previewed (a one-time link a preview fetcher could otherwise open):
   * Slack `unfurl_links`/`unfurl_media` false, Discord the SUPPRESS_EMBEDS flag.
   */
  readonly noPreviews?: boolean;
}

/** A text file attached to a message: its name, the title platforms show, and its UTF-8 content. */
export interface MessageFile {
  readonly name: string;
  readonly title: string;
  readonly content: string;
}

export interface TextInput {
  readonly kind: "text";
  readonly id: string;
  readonly label: string;
  readonly multiline?: boolean;
  readonly required?: boolean;
  readonly maxLength?: number;
  readonly placeholder?: string;
  readonly initial?: string;
}

export interface Select {
  readonly kind: "select";
  readonly id: string;
  readonly label: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly multiple?: boolean;
  readonly required?: boolean;
  /** Values chosen when the form opens (earlier answers); renderers: Slack initial_option(s), Discord `default`. */
  readonly initial?: readonly string[];
}

/**
 * A channel picker (Slack `conversations_select`, Discord channel select). Submitted as an array
 * of channel ids, empty when none was chosen: an optional picker lets an empty answer reach
 * guyub's own validation, which names the field in its error.
 */
export interface ChannelSelect {
  readonly kind: "channel";
  readonly id: string;
  readonly label: string;
  readonly required?: boolean;
  /** The channel chosen when the form opens (the current setting or an earlier answer). */
  readonly initial?: string;
}

/**
 * A picker of people (Slack `multi_users_select`, Discord user select, type 5): submitted as an
 * array of platform user ids, empty when none was chosen. `max` is at most 25, Discord's limit for
 * a select, so both platforms hold the same number; `initial` beyond it is left out.
 */
export interface UserSelect {
  readonly kind: "users";
  readonly id: string;
  readonly label: string;
  readonly required?: boolean;
  /** How many may be chosen: 1 to 25. */
  readonly max: number;
  /** The people chosen when the form opens (platform user ids). */
  readonly initial?: readonly string[];
  /** A line under the label (Slack input `hint`, Discord Label `description`, 100 characters). */
  readonly hint?: string;
}

/** A form (Slack modal view / Discord modal). Discord allows at most 5 fields. */
export interface Form {
  readonly id: string;
  readonly title: string;
  readonly submitLabel: string;
  /** Slack's "close" button; core fills it in the community's language when a handler leaves it out. */
  readonly closeLabel?: string;
  readonly fields: readonly (TextInput | Select | ChannelSelect | UserSelect)[];
}

/** Builds an ephemeral message from blocks. */
export function ephemeral(...blocks: Block[]): Message {
  return { blocks, visibility: "ephemeral" };
}

/** Puts a warning line above a message's blocks (keeping its visibility). */
export function prependNotice(message: Message, notice: string): Message {
  return { ...message, blocks: [{ type: "context", text: notice }, ...message.blocks] };
}
