import { describe, expect, it } from "vitest";
import { en } from "../src/core/i18n/en.ts";
import { id } from "../src/core/i18n/id.ts";
import rules from "../src/features/meetings/holiday-rules.json";

/**
 * Words the Indonesian rules in docs/bahasa-indonesia.md rule out, in any case, with the word to
 * use instead. Each came back from a native reader; this list keeps them from coming back.
 */
const RULED_OUT: ReadonlyArray<[RegExp, string]> = [
  // A quiet member is "kurang aktif": "tidak aktif" sounds like a verdict.
  [/tidak aktif/i, "kurang aktif"],
  [/kode etik/i, "tata tertib komunitas"],
  [/lebih suka membaca/i, "cukup membaca saja"],
  // Passing a turn is normal: nobody is in debt, the turn is postponed.
  [/utang/i, "giliran tertunda, didahulukan"],
  // The nudge neither names the pressure it denies nor says someone noticed an absence.
  [/paksaan/i, "silakan … kapan pun Anda sempat"],
  [/tidak melihat Anda|tidak terlihat/i, "a greeting, no watching"],
  // The follow-up does not count days since joining.
  [/\{days\} hari yang lalu/i, "no count"],
  // One term each.
  [/galat/i, "kesalahan"],
  [/pesan langsung/i, "pesan pribadi"],
  [/memandu/i, "memfasilitasi"],
  [/(?<!selamat |akan )\bdatang/i, "hadir"],
  // Calques.
  [/apa adanya/i, "dicatat tanpa sambutan"],
  [/berterima kasih!/i, "no pun on thanks"],
  [/terima kasih untuk \{/i, "terima kasih kepada {…}"],
  [/sudah \{answer\}/i, "tetap: {answer} (“sudah hadir” = already attended)"],
  [/berbagi apa yang berhasil/i, "berbagi praktik baik"],
  // A command is not the subject of a sentence: "Gunakan {usage} untuk …".
  [/\{(usage|send|status)\} (akan |me[mn]\w*)/i, "Gunakan {usage} untuk …"],
  // Times are written with a period in Indonesian, hints included.
  [/JJ:MM|\b\d{2}:\d{2}\b/, "JJ.MM, 19.00"],
];

describe("Bahasa Indonesia follows the glossary", () => {
  it.each(RULED_OUT)("no message says %s (the glossary says %s)", (pattern) => {
    const offending = Object.entries(id).filter(([, text]) => pattern.test(text));
    expect(offending).toEqual([]);
  });

  it("the RSVP button says “Tidak hadir”, as the answers and the digest do", () => {
    expect(id["rsvp.no"]).toMatch(/^Tidak hadir · /);
    expect(id["rsvp.answer.no"]).toBe("tidak hadir");
    expect(id["digest.next.rsvpCounts"]).toContain("{no} Tidak hadir");
  });

  it("a paused member is not “berhalangan”, the rotation's word for away", () => {
    expect(id["members.paused"]).not.toMatch(/berhalangan/i);
    expect(id["cmd.rotation.away"]).toMatch(/berhalangan/i);
  });

  it("the nudge speaks in one voice: “saya”, never “kami”", () => {
    const nudge = Object.entries(id).filter(([key]) => key.startsWith("nudge."));
    expect(nudge.filter(([, text]) => /\bkami\b/i.test(text))).toEqual([]);
  });

  it("no English message owes a turn", () => {
    const said = (text: string) => text.replace(/\{\w+\}/g, "");
    expect(Object.entries(en).filter(([, text]) => /\bowe/i.test(said(text)))).toEqual([]);
  });

  it("1 January is “Tahun Baru Masehi” in the generated holiday names", () => {
    expect(rules.names["01-01"].name.id).toBe("Tahun Baru Masehi");
  });
});
