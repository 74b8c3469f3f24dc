import { describe, expect, it } from "vitest";
import { recentlyDiscussed, sameSubject, subjectWords } from "../src/features/topics/near.ts";

describe("two titles on the same subject", () => {
  it.each([
    ["Ide menilai kerja praktikum", "Menilai kerja praktikum", true],
    ["Menilai kerja praktikum", "Ide menilai kerja praktikum", true],
    ["Cara menilai kerja praktikum siswa", "menilai kerja praktikum", true],
    ["Menilai kerja praktikum", "Menilai kerja kelompok", false],
    ["Assessing practical work", "Ideas for assessing practical work", true],
    ["Kélas bêsar", "Tips kelas besar", true],
    ["Kelas besar", "Kelas kecil", false],
    ["Bagaimana dengan itu?", "Menilai kerja praktikum", false],
  ])("%s / %s: %s", (a, b, same) => {
    expect(sameSubject(a, b)).toBe(same);
  });

  it("drops English and Indonesian stop words and accents", () => {
    expect([...subjectWords("Bagaimana cara menilai kerja praktikum di kelas?")]).toEqual([
      "menilai",
      "kerja",
      "praktikum",
      "kelas",
    ]);
    expect([...subjectWords("How to run the Café in our school")]).toEqual(["run", "cafe", "school"]);
  });

  it("leaves out of the next choice the recent topics and open topics on their subject", () => {
    const open = [
      { id: 1, title: "Ide menilai kerja praktikum" },
      { id: 2, title: "Kelas besar" },
      { id: 3, title: "Menilai kerja kelompok" },
    ];
    expect(recentlyDiscussed(open, [{ id: 9, title: "Menilai kerja praktikum" }]).sort()).toEqual([1, 9]);
    expect(recentlyDiscussed(open, [])).toEqual([]);
  });
});
