/** English strings of the rotation commands, swaps and the host heads-up (spread into en.ts). */
export const rotationEn = {
  "cmd.rotation": "The fair facilitator rotation",
  "cmd.rotation.show": "The next 4 meetings and their hosts",
  "cmd.rotation.fairness": "Turns per member",
  "cmd.rotation.pass": "Pass your next turn on",
  "cmd.rotation.swap": "Ask a member to swap turns",
  "cmd.rotation.volunteer": "Take the next open turn",
  "cmd.rotation.away": "Days you cannot host",
  "cmd.rotation.add": "Put a member in the rotation",
  "cmd.rotation.remove": "Take a member out of the rotation",
  "cmd.rotation.mode": "Who takes turns",
  "arg.from": "from",
  "arg.from.help": "First day, YYYY-MM-DD",
  "arg.to": "to",
  "arg.to.help": "Last day, YYYY-MM-DD",
  "arg.mode": "mode",
  "arg.mode.help": "everyone or volunteers",

  "rotation.showTitle": "Who hosts the next meetings",
  "rotation.showLine": "• {when}: {host}",
  "rotation.nobody": "nobody can host yet",
  "rotation.showHint": "Your turn and you cannot make it? {pass} or {swap}",
  "rotation.fairnessTitle": "Turns per member",
  "rotation.fairnessLine": "• {member}: hosted {hosted}, passed {passed}",
  "rotation.fairnessOwes": "• {member}: hosted {hosted}, passed {passed}, {owed} postponed",
  "rotation.fairnessMore": "…and {count} more.",
  "rotation.fairnessEmpty": "Nobody has taken a turn yet, and nobody can host yet.",
  "rotation.fairnessRule":
    "The next host is the member who hosted least (a passed turn is postponed, not lost), then the one who waited longest.",
  "rotation.noTurn":
    "You have no turn in the next 4 meetings, so there is nothing to pass or swap. See {usage}",
  "rotation.notYourTurn": "This is not your turn any more, so nothing was changed. See {usage}",
  "rotation.started": "That meeting has already begun, so its turn cannot change any more.",
  "rotation.passed":
    "You passed your turn on {when}: {member} hosts it now. Your turn is only postponed: you are first in line later.",
  "rotation.passNobody": "Nobody else can host on {when}, so your turn stays. Nothing was changed.",
  "rotation.swapSelf": "You cannot swap with yourself: name another member. Nothing was changed.",
  "rotation.unknownMember":
    "{member} is not an active member of this community, so they cannot take a turn. Nothing was changed.",
  "rotation.swapNotEligible":
    "{member} cannot host on {when} (away, new here, or not in the rotation). Nothing was changed.",
  "rotation.swapAlready": "You already asked {member} about {when}. Nothing was changed.",
  "rotation.swapAsked":
    "I asked {member} whether they can take your turn on {when}. Their answer comes to you in a direct message.",
  "rotation.swapRequest":
    "{member} asks whether you could host the meeting on {when} in their place. If you accept, they take your next turn instead.",
  "rotation.swapAccept": "Accept",
  "rotation.swapDecline": "Decline",
  "rotation.swapAccepted": "You accepted: you host the meeting on {when}. Thank you!",
  "rotation.swapAcceptedLater":
    "You accepted: you host the meeting on {when}, and {member} takes your turn on {later}. Thank you!",
  "rotation.swapDeclined": "You declined: {member} keeps the turn on {when}.",
  "rotation.swapExpired": "This request has expired: the meeting has begun or the turn has moved on.",
  "rotation.swapAnswered": "This request was already answered.",
  "rotation.swapNotYours": "Only the member who was asked can answer this request.",
  "rotation.swapUnable":
    "You cannot host on {when} (away, or not in the rotation that day), so you cannot take this turn. You can decline instead.",
  "rotation.swapWasAccepted": "{member} accepted: they host the meeting on {when}.",
  "rotation.swapWasAcceptedLater":
    "{member} accepted: they host the meeting on {when}, and you take their turn on {later}.",
  "rotation.swapWasDeclined":
    "{member} declined: your turn on {when} stays. You can ask someone else or pass.",
  "rotation.volunteered": "Thank you! You host the meeting on {when}.",
  "rotation.volunteerNoOpen":
    "Thank you, you are in the rotation. No turn in the next 4 meetings is open, so you come up by the fair rule.",
  "rotation.volunteerExcluded": "A moderator took you out of the rotation. A moderator can add you back.",
  "rotation.notActive": "You have stepped back from this community. {usage} brings you back.",
  "rotation.awayOrder": "The last day {to} comes before the first day {from}. Nothing was changed.",
  "rotation.awayPast": "That range is already over. Nothing was changed.",
  "rotation.awayTooLong": "An away range can be a year at most. Nothing was changed.",
  "rotation.awaySet": "You are away from {from} to {to}: no turn falls to you then.",
  "rotation.awayFreed": "Your turn on {when} moves to {member}.",
  "rotation.awayFreedNobody": "Your turn on {when} has no other host yet.",
  "rotation.added": "{member} is in the rotation now.",
  "rotation.alreadyIn": "{member} is already in the rotation.",
  "rotation.removed": "{member} is out of the rotation. Their turns so far stay in the record.",
  "rotation.alreadyOut": "{member} is already out of the rotation.",
  "rotation.mode.everyone": "Every active member takes turns now.",
  "rotation.mode.volunteers":
    "Only members who volunteered take turns now ({count} so far). Members join with {usage}",
  "rotation.modeUnchanged": "The rotation is already in that mode. Nothing was changed.",

  "headsUp.title": "Your turn to host",
  "headsUp.body": "You host the meeting on {when}.",
  "headsUp.hint": "Cannot make it? Pass the turn on, or ask someone to swap.",
  "headsUp.pass": "Pass",
  "headsUp.swap": "Swap",
  "swapForm.title": "Swap your turn",
  "swapForm.member": "Who could take your turn?",
  "swapForm.submit": "Ask",
  "swapForm.pick": "Please choose a member.",
  "swapForm.nobody": "Nobody else can host that day, so there is nobody to ask.",
} as const;
