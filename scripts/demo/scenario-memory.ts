/**
 * What the month's meetings keep (issue 24): after the 2 and 16 March meetings members add notes,
 * a resource and an action to the meeting's record, press "I was there" on it, a link is shared
 * on a backlog topic, and later someone searches a word from a note. The words are exported so
 * the outcome checks (checks-memory.ts) look for exactly what was written.
 */
import type { DemoMember } from "./driver.ts";
import { CITRA, DIMAS, EKA, FAJAR, HADI, INDAH, JOKO, KARTIKA, LESTARI } from "./people.ts";
import type { Lang, Step } from "./scenario.ts";

type Words = Record<Lang, string>;

/** One meeting's entries: who writes what, and who presses "I was there" afterwards. */
export interface MeetingMemory {
  readonly day: string;
  /** The scenario day the entries are written on (the meeting's evening). */
  readonly scenarioDay: number;
  readonly notes: readonly { by: DemoMember; text: Words }[];
  readonly resource: { by: DemoMember; url: string; title: Words };
  readonly action: { by: DemoMember; text: Words; assignee: DemoMember };
  /**
   * Members who press "I was there": on 2 March none the host confirmed (so each adds a row), on
   * 16 March (no confirmation) some who said yes; never the host.
   */
  readonly attend: readonly DemoMember[];
}

export const MEETING_MEMORY: readonly MeetingMemory[] = [
  {
    day: "2027-03-02",
    scenarioDay: 5,
    notes: [
      {
        by: DIMAS,
        text: {
          en: "A checklist rubric with four criteria takes two minutes per group",
          id: "Rubrik ceklis dengan empat kriteria hanya butuh dua menit per kelompok",
        },
      },
      {
        by: EKA,
        text: {
          en: "Let students grade one sample report together before they grade their own",
          id: "Ajak siswa menilai satu contoh laporan bersama sebelum menilai laporan sendiri",
        },
      },
    ],
    resource: {
      by: KARTIKA,
      url: "https://www.nsta.org/science-teacher/lab-report-rubrics",
      title: { en: "Rubrics for lab reports", id: "Rubrik untuk laporan praktikum" },
    },
    action: {
      by: HADI,
      text: {
        en: "Try the checklist rubric in grade 10 and bring results",
        id: "Mencoba rubrik ceklis di kelas 10 dan membawa hasilnya",
      },
      assignee: DIMAS,
    },
    attend: [FAJAR, LESTARI, JOKO],
  },
  {
    day: "2027-03-16",
    scenarioDay: 19,
    notes: [
      {
        by: HADI,
        text: {
          en: "Buy digital scales and plastic syringes first: most practicals use them",
          id: "Beli timbangan digital dan spuit plastik dulu: sebagian besar praktikum memakainya",
        },
      },
      {
        by: FAJAR,
        text: {
          en: "Store kits in labelled boxes per practical so setup takes five minutes",
          id: "Simpan alat dalam kotak berlabel per praktikum agar persiapan cukup lima menit",
        },
      },
    ],
    resource: {
      by: INDAH,
      url: "https://phet.colorado.edu/en/simulations/filter?type=html",
      title: { en: "PhET simulations when kits run short", id: "Simulasi PhET saat alat kurang" },
    },
    action: {
      by: EKA,
      text: {
        en: "Share the school supplier list with prices",
        id: "Membagikan daftar pemasok sekolah beserta harganya",
      },
      assignee: LESTARI,
    },
    attend: [DIMAS, EKA, CITRA],
  },
];

/** A link shared on a topic still in the backlog. */
export const TOPIC_RESOURCE = {
  by: CITRA,
  topic: { en: "Parent communication", id: "Komunikasi dengan orang tua" },
  url: "https://www.edutopia.org/article/talking-parents-about-homework",
  title: { en: "Talking with parents about homework", id: "Berbicara dengan orang tua soal PR" },
} as const;

/** Who searches, when, for which word: the first note of the first meeting has it. */
export const SEARCH = {
  by: LESTARI,
  scenarioDay: 24,
  words: { en: "checklist", id: "ceklis" },
  /** Words of that note without the searched one (the answer bolds the hit). */
  finds: { en: "four criteria", id: "empat kriteria" },
} as const;

const step = (day: number, time: string, what: string, run: Step["run"]): Step => ({ day, time, what, run });

export function memorySteps(lang: Lang): Step[] {
  const t = (en: string, id: string) => (lang === "id" ? id : en);
  const steps: Step[] = [];
  for (const m of MEETING_MEMORY) {
    const date = t(
      m.day === "2027-03-02" ? "2 March" : "16 March",
      m.day === "2027-03-02" ? "2 Maret" : "16 Maret",
    );
    steps.push(
      step(
        m.scenarioDay,
        "21:10",
        t(
          `Members record notes, a resource and an action from the ${date} meeting`,
          `Anggota mencatat poin, sumber, dan tindak lanjut dari pertemuan ${date}`,
        ),
        async ({ d, mention }) => {
          for (const n of m.notes) await d.command(n.by, `meeting note ${n.text[lang]}`);
          await d.command(m.resource.by, `meeting resource ${m.resource.url} ${m.resource.title[lang]}`);
          await d.command(m.action.by, `meeting action ${m.action.text[lang]} ${mention(m.action.assignee)}`);
        },
      ),
      step(
        m.scenarioDay,
        "21:45",
        t(
          `Members press "I was there" on the ${date} record`,
          `Anggota menekan "Saya hadir" pada catatan pertemuan ${date}`,
        ),
        async ({ d }) => {
          for (const who of m.attend) await d.press(who, "main", "memory.attend");
        },
      ),
    );
  }
  steps.push(
    step(
      6,
      "11:00",
      t("Citra shares a link on a backlog topic", "Citra membagikan tautan pada topik yang menunggu"),
      async ({ d, topic }) => {
        const id = await topic(TOPIC_RESOURCE.topic[lang]);
        await d.command(
          TOPIC_RESOURCE.by,
          `topic resource ${id} ${TOPIC_RESOURCE.url} ${TOPIC_RESOURCE.title[lang]}`,
        );
      },
    ),
    step(
      SEARCH.scenarioDay,
      "10:00",
      t("Lestari searches what the meetings kept", "Lestari mencari apa yang disimpan pertemuan"),
      ({ d }) => d.command(SEARCH.by, `search ${SEARCH.words[lang]}`),
    ),
  );
  return steps;
}
