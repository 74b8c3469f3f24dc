import { describe, expect, it } from "vitest";
import { formEntries } from "../src/adapters/slack/form.ts";
import { commandBody } from "./support/slack.ts";

/** What URLSearchParams makes of a body: the reference formEntries must match. */
const reference = (raw: string) => [...new URLSearchParams(raw)];

describe("a slash command's form split by hand: exactly URLSearchParams's fields", () => {
  it("on commands as Slack sends them, with every kind of text", () => {
    for (const text of [
      "help",
      "",
      "kudos <@U1|ayu> terima kasih 🙏 + 50% & more = yes",
      "a+b%2Bc",
      "\u00e9\u4e2d",
    ]) {
      const raw = commandBody(text, { user_name: "ayu+ dewi" });
      expect(formEntries(raw)).toEqual(reference(raw));
    }
  });

  it("on bodies URLSearchParams reads leniently: stray escapes, bad UTF-8, empty pieces, repeats", () => {
    const bodies = [
      "",
      "&",
      "&&a=1&&",
      "=",
      "a",
      "a=",
      "=b",
      "a=b=c",
      "a=1&a=2",
      "ssl_check=1&ssl_check=0",
      "__proto__=x&constructor=y",
      "a=%",
      "a=%2",
      "a=%zz&b=%41",
      "a=%C0%80",
      "a=%ED%A0%80",
      "a=%FF",
      "a=%E2%82",
      "%41%42=%43",
      "a+b=c+d",
      "a=%2B%26%3D",
      "a=%u0041",
      "a=\u00e9&b=\ud83d\ude4f",
      "a=%F0%9F%99%8F",
    ];
    for (const raw of bodies) expect(formEntries(raw), raw).toEqual(reference(raw));
  });

  it("on random bodies made of the characters that matter", () => {
    const alphabet = ["a", "b", "=", "&", "+", "%", "2", "B", "C", "F", "0", "8", "é", "🙏", " "];
    let seed = 22;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let n = 0; n < 3000; n++) {
      let raw = "";
      const length = Math.floor(random() * 24);
      for (let i = 0; i < length; i++) raw += alphabet[Math.floor(random() * alphabet.length)];
      expect(formEntries(raw), raw).toEqual(reference(raw));
    }
  });

  it("gives Object.fromEntries the same record, own __proto__ included", () => {
    const raw = "__proto__=x&a=1&a=2";
    const record = Object.fromEntries(formEntries(raw));
    expect(record).toEqual(Object.fromEntries(new URLSearchParams(raw)));
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
  });
});
