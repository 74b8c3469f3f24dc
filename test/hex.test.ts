import { describe, expect, it } from "vitest";
import { hexBytes } from "../src/adapters/hex.ts";

/** The decoding it replaced: two characters at a time through parseInt. */
const reference = (hex: string) =>
  Uint8Array.from({ length: hex.length / 2 }, (_, i) => Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16));

describe("signature hex to bytes", () => {
  it("equals parseInt on every byte, in either case", () => {
    const every = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0")).join("");
    for (const hex of [every, every.toUpperCase(), "", "0a0A", "fF", "09af09AF"]) {
      expect(hexBytes(hex), hex).toEqual(reference(hex));
    }
  });
});
