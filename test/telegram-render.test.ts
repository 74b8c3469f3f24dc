import { describe, expect, it } from "vitest";
import { checkTelegramText } from "../scripts/standins/telegram-text.ts";
import { escapeTelegram, renderTelegramMessage } from "../src/adapters/telegram/render.ts";
import { TELEGRAM_TRAITS } from "../src/adapters/telegram/traits.ts";
import { PACKED_MAX_BYTES } from "../src/core/actions/pack.ts";
import type { Message } from "../src/core/message.ts";

const text = (t: Message["blocks"][number]): Message => ({ visibility: "public", blocks: [t] });

describe("Telegram HTML rendering", () => {
  it("escapes <, > and & in anything a member wrote", () => {
    const out = renderTelegramMessage(text({ type: "text", text: "<b>x</b> & <script>" })).text;
    expect(out).toBe("&lt;b&gt;x&lt;/b&gt; &amp; &lt;script&gt;");
    expect(checkTelegramText({ text: out, parse_mode: "HTML" })).toBeNull();
  });

  it("breaks @username in member text, so it cannot notify anyone", () => {
    const out = escapeTelegram("hi @everyone and @budi");
    expect(out).not.toMatch(/@\w/);
    expect(out.replace(/\u2060/g, "")).toBe("hi @everyone and @budi");
  });

  it("mentions exactly the members the message means, as tg://user links with their names", () => {
    const names = new Map([["7000001", "Ayu <3"]]);
    const out = renderTelegramMessage(
      text({ type: "text", text: ["Thanks ", { user: "7000001" }, " from @budi"] }),
      names,
    ).text;
    expect(out).toBe('Thanks <a href="tg://user?id=7000001">Ayu &lt;3</a> from @\u2060budi');
    expect(out.match(/tg:\/\/user/g)).toHaveLength(1);
    expect(checkTelegramText({ text: out, parse_mode: "HTML" })).toBeNull();
  });

  it("a user id that is not a number never becomes part of the link", () => {
    const out = renderTelegramMessage(text({ type: "text", text: [{ user: '1" onclick="x' }] })).text;
    expect(out).toContain('href="tg://user?id=0"');
    expect(checkTelegramText({ text: out, parse_mode: "HTML" })).toBeNull();
  });

  it("headings, fields and context are well-formed HTML Telegram accepts", () => {
    const message: Message = {
      visibility: "public",
      blocks: [
        { type: "heading", text: "Next <meeting>" },
        { type: "section", text: "When & where", fields: [{ label: "Day", value: "Tue" }] },
        {
          type: "context",
          text: [{ bold: "a&b" }, " ", { code: "<x>" }, " ", { link: "https://e.example/?a=1&b=2" }],
        },
        { type: "divider" },
      ],
    };
    const out = renderTelegramMessage(message).text;
    expect(out).toContain("<b>Next &lt;meeting&gt;</b>");
    expect(out).toContain('<a href="https://e.example/?a=1&amp;b=2">');
    expect(checkTelegramText({ text: out, parse_mode: "HTML" })).toBeNull();
  });

  it("buttons become an inline keyboard whose callback_data is core's packed id", () => {
    const out = renderTelegramMessage({
      visibility: "public",
      blocks: [
        {
          type: "actions",
          buttons: [
            { actionId: "rsvp.yes:12:3", label: "Yes" },
            { actionId: "rsvp.no", value: "12", label: "No" },
          ],
        },
      ],
    });
    expect(out.reply_markup?.inline_keyboard).toEqual([
      [
        { text: "Yes", callback_data: "rsvp.yes:12:3" },
        { text: "No", callback_data: "rsvp.no:12" },
      ],
    ]);
  });

  it("core packs every id within Telegram's 64-byte callback_data", () => {
    expect(PACKED_MAX_BYTES).toBeLessThanOrEqual(TELEGRAM_TRAITS.maxButtonIdBytes);
  });

  it("a message longer than Telegram's 4096 characters is cut at a line, never inside a tag", () => {
    const lines = Array.from({ length: 400 }, (_, i) => ({
      type: "text" as const,
      text: [{ bold: `line ${i} <>` }],
    }));
    const out = renderTelegramMessage({ visibility: "public", blocks: lines }).text;
    expect(out.length).toBeLessThanOrEqual(4096);
    expect(checkTelegramText({ text: out, parse_mode: "HTML" })).toBeNull();
  });
});
