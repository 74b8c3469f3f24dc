import { describe, expect, it } from "vitest";
import { id } from "../src/core/i18n/id.ts";

/**
 * Words the Indonesian glossary rules out, in any case: a quiet member is "kurang aktif" (never
 * "tidak aktif", which sounds like a verdict), the code of conduct is "tata tertib komunitas",
 * and a member who only reads says "Saya cukup membaca saja".
 */
const RULED_OUT: ReadonlyArray<[RegExp, string]> = [
  [/tidak aktif/i, "kurang aktif"],
  [/kode etik/i, "tata tertib komunitas"],
  [/lebih suka membaca/i, "cukup membaca saja"],
];

describe("Bahasa Indonesia follows the glossary", () => {
  it.each(RULED_OUT)("no message says %s (the glossary says %s)", (pattern) => {
    const offending = Object.entries(id).filter(([, text]) => pattern.test(text));
    expect(offending).toEqual([]);
  });
});
