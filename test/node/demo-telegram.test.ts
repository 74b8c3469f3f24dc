import { describe, expect, it } from "vitest";
import { EVERYONE } from "../../scripts/demo/people.ts";
import { TELEGRAM_GROUP } from "../../scripts/demo/telegram-driver.ts";
import { Transcript } from "../../scripts/demo/transcript.ts";
import { StandinState } from "../../scripts/standins/state.ts";

// The demo's Telegram members press the buttons guyub really sent, as their client shows them:
// the newest message with that action (`action:<packed>:<args>`), and none left on a message an
// edit took the keyboard from.
const keyboard = (data: string, text = "Yes") => ({ inline_keyboard: [[{ text, callback_data: data }]] });

function world() {
  const state = new StandinState();
  const transcript = new Transcript(state, EVERYONE, { slack: "C0", discord: "1", telegram: TELEGRAM_GROUP });
  const sent = (id: number, body: Record<string, unknown>, method = "sendMessage") =>
    state.record(
      "telegram",
      method,
      `/${method}`,
      { chat_id: Number(TELEGRAM_GROUP), ...body },
      { message_id: id },
    );
  return { state, transcript, sent };
}

describe("demo: Telegram buttons and transcript", () => {
  it("finds the newest message with the action (and argument), before and after it is collected", () => {
    const { transcript, sent } = world();
    sent(1, { text: "old", reply_markup: keyboard("meeting.rsvp:a1:no") });
    transcript.collect(0);
    sent(2, { text: "new", reply_markup: keyboard("meeting.rsvp:a2:yes") });
    expect(transcript.telegramButton(TELEGRAM_GROUP, "meeting.rsvp")?.messageId).toBe(2);
    expect(transcript.telegramButton(TELEGRAM_GROUP, "meeting.rsvp", "no")?.messageId).toBe(1);
    expect(transcript.telegramButton(TELEGRAM_GROUP, "intro.open")).toBeUndefined();
  });

  it("an edit without a keyboard removes the buttons, as Telegram does; the reply it answers stays", () => {
    const { transcript, sent } = world();
    sent(5, {
      text: "record",
      reply_parameters: { message_id: 4 },
      reply_markup: keyboard("memory.attend:x"),
    });
    sent(5, { message_id: 5, text: "record, edited" }, "editMessageText");
    transcript.collect(0);
    expect(transcript.telegramButton(TELEGRAM_GROUP, "memory.attend")).toBeUndefined();
    expect(transcript.telegramMessage(TELEGRAM_GROUP, "5")).toMatchObject({
      text: "record, edited",
      replyTo: "4",
    });
  });

  it("reads HTML as a member does: tags dropped, entities unescaped, mentions by the roster's name", () => {
    const { transcript, sent } = world();
    const ayu = EVERYONE.find((m) => m.handle === "ayu");
    sent(1, {
      text: `Host: <a href="tg://user?id=${ayu?.telegramId}">${ayu?.telegramId}</a> &amp; <b>you</b> &lt;3`,
    });
    transcript.collect(0);
    expect(transcript.entries.at(-1)).toMatchObject({
      column: "telegram #komunitas",
      text: "Host: @Ayu & you <3",
    });
  });
});
