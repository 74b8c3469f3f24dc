import { featuresEn } from "../../features/catalog.ts";
import { examplesEn } from "../commands/strings-examples-en.ts";
import { healthEn } from "../health/strings-en.ts";
import { discordInstallEn } from "../install/strings-discord-en.ts";
import { installEn } from "../install/strings-en.ts";
import { accessEn } from "../membership/strings-access-en.ts";
import { setupEn } from "../setup/strings-en.ts";

/**
 * The English catalog: the source of truth for keys and `{placeholders}`.
 * `id.ts` must provide every key (a missing key fails the typecheck).
 */
export const en = {
  ...featuresEn,
  ...setupEn,
  ...accessEn,
  ...discordInstallEn,
  ...healthEn,
  ...examplesEn,
  ...installEn,
  "language.en": "English",
  "language.id": "Bahasa Indonesia",

  "cmd.root": "guyub keeps your community of practice going",
  "cmd.rootModerator": "Moderators: set up guyub and run your community's routines",
  "cmd.cancel": "Stop the questions guyub is asking you here (nothing is saved)",
  "cmd.help": "Show what guyub can do for you, or the details of one command",
  "cmd.language": "Choose the language guyub speaks in this community",
  "cmd.moderators": "Manage who moderates this community",
  "cmd.moderators.list": "List the moderators of this community",
  "cmd.moderators.add": "Add a member to the moderator list",
  "cmd.moderators.remove": "Remove a member from the moderator list",
  "cmd.moderators.role": "Make everyone with a role a moderator",

  "arg.command": "command",
  "arg.command.help": "The command to explain, e.g. language",
  "arg.language": "language",
  "arg.language.help": "en (English) or id (Bahasa Indonesia)",
  "arg.member": "member",
  "arg.member.help": "The member, as an @mention",
  "arg.role": "role",
  "arg.role.help": "The role whose members moderate",

  "help.title": "guyub: what you can do",
  "help.intro": "guyub keeps your community of practice going: welcomes, meetings, topics and digests.",
  "help.forEveryone": "For everyone",
  "help.forModerators": "For moderators",
  "help.more": "Use {usage} to see every command of one group, e.g. meeting.",
  "help.moderatorWords": "Groups with moderator commands",
  "help.moderatorMark": "(moderators)",
  "help.detail": "One command in full, e.g. {usage}",
  "help.hiddenForModerators": "{count} more for moderators.",
  "help.moderatorUnknown":
    "I could not confirm your moderator status just now, so only member commands are listed.",
  "help.usage": "Usage",
  "help.example": "Example",
  "help.moderatorsOnly": "Moderators only.",

  "languageSet.done": "Done: guyub now speaks {language} in this community.",
  "languageSet.unchanged": "guyub already speaks {language} here.",

  "moderators.title": "Moderators",
  "moderators.listed": "On the moderator list",
  "moderators.none": "Nobody is on the moderator list yet.",
  "moderators.implicit.admins": "Workspace admins and owners are always moderators.",
  "moderators.implicit.manageServer": "Members with the Manage Server permission are always moderators.",
  "moderators.implicit.groupAdmins": "The group's administrators are always moderators.",
  "moderators.roleLabel": "Moderator role",
  "moderators.noRole": "none set",
  "moderators.added": "{member} is now a moderator of this community.",
  "moderators.grantCommand":
    "Members do not see /copmod: guyub cannot show it to {member} itself. A server admin can, under Server Settings → Integrations → guyub → copmod, by adding {member} or one of their roles (people with Manage Server see it already).",
  "moderators.alreadyListed": "{member} is already on the moderator list.",
  "moderators.removed": "{member} is no longer on the moderator list.",
  "moderators.notListed": "{member} is not on the moderator list.",
  "moderators.roleSet": "Everyone with the role {role} is now a moderator.",

  "cmd.delivery": "See and steer how guyub delivers its messages",
  "cmd.delivery.status": "Delivery for the last 7 days, the latest errors, and where guyub cannot post",
  "cmd.delivery.retry": "Send the messages that failed for good once more",
  "cmd.delivery.pause": "Hold all outgoing messages (nothing is lost)",
  "cmd.delivery.resume": "Send the held messages and carry on",
  "cmd.delivery.unblock": "Try again where guyub lost access, once you have fixed it",
  "delivery.title": "Delivery, last 7 days",
  "delivery.pending": "Waiting",
  "delivery.sent": "Sent",
  "delivery.failed": "Not deliverable",
  "delivery.dead": "Failed for good",
  "delivery.paused": "Delivery is paused: messages wait until a moderator runs {usage}.",
  "delivery.running": "Delivery is running.",
  "delivery.lastErrors": "Latest errors",
  "delivery.noErrors": "No errors.",
  "delivery.blocks": "Where guyub cannot post",
  "delivery.block": "{where}: {reason}, since {at}. Messages waiting: {waiting}.",
  "delivery.block.community": "Everywhere in this community",
  "delivery.block.next": "guyub tries again at {at}.",
  "delivery.fix.not_in_channel": "To fix it: invite guyub to the channel, then run {unblock}.",
  "delivery.fix.channel_gone":
    "To fix it: if the channel was archived or is private, invite guyub to it and run {unblock}; if it was deleted, choose a new main channel with {channel}.",
  "delivery.fix.uninstalled":
    "To fix it: add guyub to the workspace or server again (a new bot token is noticed by itself), then run {unblock}.",
  "delivery.fix.no_main_channel": "No main channel is set (since {at}). To fix it: set one with {channel}.",
  "delivery.pausedNow": "Delivery paused. Nothing is sent until {usage}; messages wait, none is lost.",
  "delivery.alreadyPaused": "Delivery is already paused. {usage} sends the waiting messages.",
  "delivery.resumedNow": "Delivery resumed: the waiting messages go out now, each once.",
  "delivery.notPaused": "Delivery is not paused.",
  "delivery.retried": "{count} failed messages are queued again.",
  "delivery.retriedSome":
    "{count} of {total} failed messages are queued again (that many at a time); run {usage} again for the rest.",
  "delivery.nothingToRetry": "No failed messages to send again.",
  "delivery.unblocked":
    "guyub tries again everywhere it had lost access: {count} waiting messages are queued now. Where access is still missing, {status} will say so again.",
  "delivery.nothingBlocked": "guyub has not lost access anywhere: nothing to unblock.",
  "delivery.notice":
    "Heads-up: guyub cannot post to {scope} ({reason}). Messages for it wait while guyub tries again now and then; {usage} says what fixes it.",

  "error.unknown_command": "I don't know the command “{input}”.",
  "error.missing_subcommand": "“{path}” needs one more word: {choices}.",
  "error.bad_argument": "“{input}” is not a valid {argument}.",
  "error.missing_argument": "{path} needs a {argument}.",
  "error.too_many_arguments": "Too many words for {path}: “{input}”.",
  "error.not_moderator": "Only moderators can use {path}.",
  "error.moderator_unverifiable":
    "I could not check with the platform whether you are a moderator just now. Nothing was changed; please try again in a minute.",
  "error.wrong_platform": "{path} is not available on this platform.",
  "error.wrong_root": "{typed} is not a command here: type {usage}.",
  "error.guild_only": "guyub commands work inside a server, not in direct messages.",
  "error.too_long":
    "That command is too long: a command may have at most {limit} characters. Nothing was changed.",
  "error.text_too_long":
    "The “{argument}” you typed is {length} characters long; at most {limit} fit. Nothing was changed.",
  "error.example": "Example: {example}",
  "error.seeHelp": "See {usage} for what you can do.",
  "error.internal": "Sorry, something went wrong on our side. Nothing was changed; please try again.",
  "action.moderatorsOnly": "Only moderators can use that button.",
  "action.done": "Done.",
  "form.errors":
    "Some answers need another look. Nothing was saved yet, but your answers are still in the form.",
  "form.close": "Cancel",
  "form.couldNotOpen": "The form could not be opened just now. Please press the button again.",
  "form.reopen": "Open the form again",
  "conversation.start": "{title}: {count} questions, one at a time. Answer each one here.",
  "conversation.replaced":
    "The form you had not finished was set aside, and nothing of it was saved: this one takes its place.",
  "conversation.question": "Question {number} of {total}: {label}",
  "conversation.optional": "(optional)",
  "conversation.current": "Now: {value}",
  "conversation.text": "Type your answer.",
  "conversation.textMax": "Type your answer (at most {max} characters).",
  "conversation.pickOne": "Press one of the buttons, or type its number.",
  "conversation.pickMany":
    "Press each one that applies (press again to undo), then “{done}”. Or type their numbers, like 1, 3.",
  "conversation.channel": "Mention the channel, like #general.",
  "conversation.users": "Mention the people (at most {max}).",
  "conversation.cancelHint": "Type {cancel} to stop.",
  "conversation.keep": "Keep as it is",
  "conversation.skip": "Skip",
  "conversation.done": "Done",
  "conversation.invalid": "That answer does not fit: {reason} Please try once more.",
  "conversation.stopped":
    "That answer does not fit either: {reason} I stopped here, and nothing was saved. Open the form again to start over.",
  "conversation.cancelled": "Stopped. Nothing was saved.",
  "conversation.stale": "That question was already answered. Here is the one we are on:",
  "conversation.gone": "That form is not available any more. Nothing was saved.",
  "conversation.required": "This question needs an answer.",
  "conversation.tooLong": "At most {max} characters fit; yours has {length}.",
  "conversation.unknownChoice": "“{answer}” is not one of the choices.",
  "conversation.noChannel": "No channel was mentioned.",
  "conversation.tooMany": "At most {max} people fit.",
  "help.cancel": "While guyub asks you a form's questions in a private chat, type {cancel} to stop.",
  "error.unknown_action": "That button is not available any more.",
  "reply.working": "Working on it…",
  "reply.openPrivateChat":
    "I answer that privately, but I cannot write to you yet. Open a chat with me, then ask again: {link}",
  "reply.writeAsYourself":
    "You are writing as the group, so I cannot tell who is asking. Please send the command as yourself.",
  "reply.chooseCommunity": "You are in several communities with me. Which one do you mean?",
  "reply.communityChosen":
    "From now on, this chat is about {community}. Send {usage} to see what you can do.",
  "reply.noCommunity":
    "I do not know you from any group yet. Send the command in your group first, or open this chat from the group's link.",
} as const;

export type MessageKey = keyof typeof en;
