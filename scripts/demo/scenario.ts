/**
 * The month the demo plays, the same on Slack and on Discord: day 0 is Thursday 25 February 2027,
 * the community meets weekly on Tuesdays at 19:00 WIB, and Tuesday 9 March is Idul Fitri. What
 * each person does and when is fixed, so two runs print the same transcript.
 */
import { MODERATOR_ROOT } from "../../src/core/commands/roots.ts";
import type { DemoMember, Driver } from "./driver.ts";
import {
  AYU,
  BUDI,
  CITRA,
  DIMAS,
  EKA,
  EVERYONE,
  FAJAR,
  GITA,
  HADI,
  INDAH,
  JOKO,
  KARTIKA,
  LESTARI,
} from "./people.ts";
import { memorySteps } from "./scenario-memory.ts";

export const START_DAY = "2027-02-25";
export const DAYS = 28;
export type Lang = "en" | "id";

export interface Scene {
  readonly d: Driver;
  readonly lang: Lang;
  /** Whoever hosts the meeting on this day (`YYYY-MM-DD`), read from guyub's own records. */
  host(day: string): Promise<DemoMember>;
  /** The id of this community's open topic with this title (ids are shared by all communities). */
  topic(title: string): Promise<number>;
  /** `<@U…>` on Slack, `@name` on Discord: how the platform's client writes a mention. */
  mention(member: DemoMember): string;
}

export interface Step {
  readonly day: number;
  /** Local `HH:MM`. */
  readonly time: string;
  /** What the transcript says happened, e.g. "Dimas joins". */
  readonly what: string;
  run(scene: Scene): Promise<unknown>;
}

/** The same words in both languages. */
const say = (lang: Lang, en: string, id: string) => (lang === "id" ? id : en);

function intro(lang: Lang, does: [string, string], shares: [string, string], needs: [string, string]) {
  return {
    does: say(lang, ...does),
    shares: say(lang, ...shares),
    needs: say(lang, ...needs),
    benefits: ["practice", "support"],
    frequency: "weekly",
    intro: "yes",
    findable: "yes",
  };
}

/** Opens the intro from the welcome DM's button and answers it. */
const answerIntro =
  (m: DemoMember, answers: ReturnType<typeof intro>): Step["run"] =>
  async ({ d }) => {
    await d.press(m, "dm", "intro.open");
    await d.submit(m, answers);
  };

/** `/cop profile edit` and answers: for people who were here before guyub and got no welcome. */
const editProfile =
  (m: DemoMember, answers: ReturnType<typeof intro>): Step["run"] =>
  async ({ d }) => {
    await d.command(m, "profile edit");
    await d.submit(m, answers);
  };

/**
 * Setup's answers, one `/copmod` command each, as a moderator without the form types them. The
 * main channel is not among them: on Telegram the group is its own, set when the bot was added.
 */
async function setupByCommands(d: Driver, lang: Lang): Promise<void> {
  const lines = [
    `language ${lang}`,
    "timezone Asia/Jakarta",
    "meeting schedule weekly tue 19:00 60 https://meet.example/komunitas-sains",
    `onboarding conduct ${say(
      lang,
      "Be kind, share generously, and keep what others share here.",
      "Saling menghargai, berbagi dengan murah hati, dan jaga apa yang dibagikan di sini.",
    )}`,
  ];
  for (const line of lines) await d.command(BUDI, line, MODERATOR_ROOT);
}

const step = (day: number, time: string, what: string, run: Step["run"]): Step => ({ day, time, what, run });

/** Everyone but Gita says something in the channel every third day; Gita goes quiet after day 1. */
function chatter(lang: Lang): Step[] {
  const steps: Step[] = [];
  for (let day = 1; day < DAYS; day += 3) {
    const talkers = EVERYONE.filter((m) => m !== GITA || day <= 1 || day >= 13);
    steps.push(
      step(
        day,
        "12:30",
        say(lang, "People talk in the channel", "Anggota mengobrol di kanal"),
        async ({ d }) => {
          for (const m of talkers) await d.speak(m);
        },
      ),
    );
  }
  return steps;
}

export function scenario(lang: Lang): Step[] {
  const t = (en: string, id: string) => say(lang, en, id);
  const steps: Step[] = [
    // Day 0, Thursday 25 February: the moderator sets guyub up, the first newcomers arrive.
    step(
      0,
      "09:00",
      t("Budi sets guyub up in one form", "Budi menyiapkan guyub dalam satu formulir"),
      async ({ d }) => {
        // Where forms are conversations (Telegram), the same answers as the commands behind the
        // form: the moderator guide's "you never have to use the form".
        if (d.submitsForms === false) return setupByCommands(d, lang);
        await d.command(BUDI, "setup", MODERATOR_ROOT);
        await d.submit(BUDI, {
          language: lang,
          timezone: "Asia/Jakarta",
          channel: d.mainChannel(),
          conduct: t(
            "Be kind, share generously, and keep what others share here.",
            "Saling menghargai, berbagi dengan murah hati, dan jaga apa yang dibagikan di sini.",
          ),
          cadence: "weekly",
          weekday: "tue",
          time: "19:00",
          link: "https://meet.example/komunitas-sains",
        });
      },
    ),
    step(
      0,
      "09:10",
      t("Budi imports Indonesia's public holidays", "Budi mengimpor hari libur nasional Indonesia"),
      ({ d }) => d.command(BUDI, "holiday import ID 2027", MODERATOR_ROOT),
    ),
    step(
      0,
      "09:15",
      t("Budi makes nudges come after 10 quiet days", "Budi mengatur sapaan setelah 10 hari kurang aktif"),
      ({ d }) => d.command(BUDI, "nudges settings 10 30 50", MODERATOR_ROOT),
    ),
    step(
      0,
      "10:00",
      t("Dimas, Eka, Fajar and Gita join", "Dimas, Eka, Fajar, dan Gita bergabung"),
      async ({ d }) => {
        for (const m of [DIMAS, EKA, FAJAR, GITA]) await d.join(m);
      },
    ),
    step(
      0,
      "11:10",
      t("Dimas introduces himself", "Dimas memperkenalkan diri"),
      answerIntro(
        DIMAS,
        intro(
          lang,
          ["Physics teacher, grade 10", "Guru fisika kelas 10"],
          ["Simple experiments with kitchen materials", "Eksperimen sederhana dengan bahan dapur"],
          ["Ideas for assessing lab work", "Ide menilai kerja praktikum"],
        ),
      ),
    ),
    step(
      0,
      "11:20",
      t("Eka introduces herself", "Eka memperkenalkan diri"),
      answerIntro(
        EKA,
        intro(
          lang,
          ["Biology teacher and school lab coordinator", "Guru biologi dan koordinator laboratorium"],
          ["Running a school garden", "Mengelola kebun sekolah"],
          ["Formative assessment in large classes", "Asesmen formatif di kelas besar"],
        ),
      ),
    ),
    step(
      0,
      "11:30",
      t("Fajar introduces himself", "Fajar memperkenalkan diri"),
      answerIntro(
        FAJAR,
        intro(
          lang,
          ["Chemistry teacher", "Guru kimia"],
          ["Safety routines for practicals", "Rutinitas keselamatan praktikum"],
          ["Using AI tools to plan lessons", "Memakai alat AI untuk menyusun RPP"],
        ),
      ),
    ),
    step(
      0,
      "11:40",
      t("Gita introduces herself", "Gita memperkenalkan diri"),
      answerIntro(
        GITA,
        intro(
          lang,
          ["Science teacher in a primary school", "Guru IPA di SD"],
          ["Storytelling for science concepts", "Bercerita untuk konsep sains"],
          ["Talking with parents about homework", "Berkomunikasi dengan orang tua soal PR"],
        ),
      ),
    ),
    step(
      0,
      "13:00",
      t(
        "Ayu and Citra, here before guyub, fill in their profiles",
        "Ayu dan Citra, yang sudah ada sebelum guyub, mengisi profil",
      ),
      async (scene) => {
        await editProfile(
          AYU,
          intro(
            lang,
            ["Physics teacher and curriculum lead", "Guru fisika dan koordinator kurikulum"],
            ["Project-based learning units", "Unit pembelajaran berbasis proyek"],
            ["Keeping projects manageable", "Menjaga proyek tetap terkelola"],
          ),
        )(scene);
        await editProfile(
          CITRA,
          intro(
            lang,
            ["Head of science department", "Kepala jurusan IPA"],
            ["Mentoring new teachers", "Membimbing guru baru"],
            ["Fresh ideas for teacher meetings", "Ide segar untuk pertemuan guru"],
          ),
        )(scene);
      },
    ),
    step(0, "14:00", t("Hadi, Indah and Joko join", "Hadi, Indah, dan Joko bergabung"), async ({ d }) => {
      for (const m of [HADI, INDAH, JOKO]) await d.join(m);
    }),
    step(
      0,
      "15:00",
      t("Hadi introduces himself", "Hadi memperkenalkan diri"),
      answerIntro(
        HADI,
        intro(
          lang,
          ["Physics teacher at a vocational school", "Guru fisika di SMK"],
          ["Low-cost lab kits", "Alat praktikum murah"],
          ["Teaching with low-cost lab kits", "Mengajar dengan alat praktikum murah"],
        ),
      ),
    ),
    step(
      0,
      "15:10",
      t("Indah introduces herself", "Indah memperkenalkan diri"),
      answerIntro(
        INDAH,
        intro(
          lang,
          ["Biology teacher", "Guru biologi"],
          ["Field trips that work", "Kunjungan lapangan yang berhasil"],
          ["Differentiated instruction", "Pembelajaran berdiferensiasi"],
        ),
      ),
    ),
    // Day 1, Friday 26 February.
    step(
      1,
      "08:30",
      t("Budi looks at the setup checklist again", "Budi melihat daftar periksa persiapan lagi"),
      ({ d }) => d.command(BUDI, "setup", MODERATOR_ROOT),
    ),
    step(1, "09:00", t("Kartika and Lestari join", "Kartika dan Lestari bergabung"), async ({ d }) => {
      for (const m of [KARTIKA, LESTARI]) await d.join(m);
    }),
    step(
      1,
      "10:10",
      t("Kartika introduces herself", "Kartika memperkenalkan diri"),
      answerIntro(
        KARTIKA,
        intro(
          lang,
          ["Science teacher, grade 8", "Guru IPA kelas 8"],
          ["Quiz games for revision", "Permainan kuis untuk mengulang materi"],
          ["Formative assessment in large classes", "Asesmen formatif di kelas besar"],
        ),
      ),
    ),
    step(
      1,
      "10:20",
      t("Lestari introduces herself", "Lestari memperkenalkan diri"),
      answerIntro(
        LESTARI,
        intro(
          lang,
          ["New chemistry teacher", "Guru kimia baru"],
          ["Fresh eyes", "Sudut pandang baru"],
          ["Classroom management tips", "Kiat mengelola kelas"],
        ),
      ),
    ),
    step(1, "13:00", t("Topics are suggested", "Topik diusulkan"), async ({ d }) => {
      await d.command(
        DIMAS,
        `topic suggest ${t("Assessing lab work | rubrics that take minutes, not hours", "Menilai kerja praktikum | rubrik yang cepat dipakai")}`,
      );
      await d.command(
        HADI,
        `topic suggest ${t("Low-cost lab kits | what to buy with a small budget", "Alat praktikum murah | apa yang dibeli dengan anggaran kecil")}`,
      );
      await d.command(
        CITRA,
        `topic suggest ${t("Parent communication | homework and projects", "Komunikasi dengan orang tua | soal PR dan proyek")}`,
      );
    }),
    step(
      1,
      "16:00",
      t("Members vote on topics", "Anggota memberi suara untuk topik"),
      async ({ d, topic }) => {
        const lab = t("Assessing lab work", "Menilai kerja praktikum");
        const kits = t("Low-cost lab kits", "Alat praktikum murah");
        const parents = t("Parent communication", "Komunikasi dengan orang tua");
        for (const [m, title] of [
          [AYU, lab],
          [EKA, lab],
          [FAJAR, kits],
          [INDAH, lab],
          [KARTIKA, kits],
          [LESTARI, parents],
        ] as const)
          await d.command(m, `topic vote ${await topic(title)}`);
      },
    ),
    // Day 2, Saturday 27 February, 09:00: guyub announces Tuesday's meeting and asks its host.
    step(
      2,
      "10:00",
      t("The first host passes the turn", "Fasilitator pertama melewatkan gilirannya"),
      async ({ d, host }) => {
        const first = await host("2027-03-02");
        await d.press(first, "dm", "rotation.pass");
      },
    ),
    step(2, "11:00", t("RSVPs come in", "Konfirmasi kehadiran berdatangan"), async ({ d }) => {
      for (const [m, answer] of [
        [DIMAS, "yes"],
        [EKA, "yes"],
        [FAJAR, "maybe"],
        [HADI, "yes"],
        [INDAH, "no"],
        [KARTIKA, "yes"],
        [AYU, "yes"],
      ] as const)
        await d.press(m, "main", "meeting.rsvp", answer);
    }),
    // Day 5, Tuesday 2 March: the first meeting (19:00), then its host writes notes.
    step(
      5,
      "21:00",
      t(
        "The host marks the meeting held, with notes, and confirms who attended",
        "Fasilitator menandai pertemuan terlaksana, dengan catatan, dan mengonfirmasi siapa yang hadir",
      ),
      async ({ d, host }) => {
        const hosted = await host("2027-03-02");
        await d.command(
          hosted,
          `meeting done ${t("Shared three rubrics; two of us will try one next week.", "Berbagi tiga rubrik; dua orang akan mencobanya minggu depan.")}`,
        );
        // The form comes filled in: those who said yes, and the notes typed with the command.
        await d.submit(hosted, {});
      },
    ),
    step(
      5,
      "21:30",
      t("A member thanks the host", "Seorang anggota berterima kasih kepada fasilitator"),
      async ({ d, host, mention }) => {
        const hosted = await host("2027-03-02");
        // Citra, unless she hosted it herself (kudos are for thanking someone else).
        await d.command(
          hosted === CITRA ? AYU : CITRA,
          `kudos ${mention(hosted)} ${t("for a warm, well-run first meeting", "untuk pertemuan pertama yang hangat dan tertata")}`,
        );
      },
    ),
    step(6, "10:00", t("More topics", "Topik lainnya"), async ({ d, topic }) => {
      await d.command(
        LESTARI,
        `topic suggest ${t("Classroom management for new teachers", "Mengelola kelas untuk guru baru")}`,
      );
      await d.command(
        JOKO,
        `topic vote ${await topic(t("Classroom management for new teachers", "Mengelola kelas untuk guru baru"))}`,
      );
      await d.command(EKA, `topic vote ${await topic(t("Low-cost lab kits", "Alat praktikum murah"))}`);
    }),
    // Day 10, Saturday 6 March: no announcement today, because Tuesday is Idul Fitri; at 09:00
    // guyub posted "No meeting on Tuesday 9 March: Idul Fitri. Next: Tuesday 16 March." instead.
    step(
      10,
      "10:00",
      t(
        "Ayu reads that Tuesday is Idul Fitri and looks at the coming meetings",
        "Ayu membaca bahwa Selasa libur Idul Fitri dan melihat jadwal pertemuan berikutnya",
      ),
      ({ d }) => d.command(AYU, "meeting list"),
    ),
    // Day 11, Monday 8 March, 09:00: guyub checks in privately with Gita, quiet since day 1.
    step(
      11,
      "10:00",
      t("Gita answers the check-in: she will come", "Gita menjawab sapaan: ia akan hadir"),
      ({ d }) => d.press(GITA, "dm", "meeting.rsvp"),
    ),
    // Day 16, Saturday 13 March: the host of 16 March asks someone to swap.
    step(
      16,
      "10:00",
      t("The host of 16 March asks to swap", "Fasilitator 16 Maret meminta tukar giliran"),
      async ({ d, host, mention }) => {
        const turn = await host("2027-03-16");
        const other = [INDAH, KARTIKA, LESTARI, HADI].find((m) => m !== turn) ?? INDAH;
        await d.command(turn, `rotation swap ${mention(other)}`);
      },
    ),
    step(16, "11:00", t("The swap is accepted", "Tukar giliran diterima"), async ({ d }) => {
      for (const m of [INDAH, KARTIKA, LESTARI, HADI]) {
        const pressed = await d.press(m, "dm", "rotation.swap-accept").catch(() => null);
        if (pressed) return;
      }
    }),
    step(16, "12:00", t("RSVPs for 16 March", "Konfirmasi kehadiran untuk 16 Maret"), async ({ d }) => {
      for (const [m, answer] of [
        [DIMAS, "yes"],
        [EKA, "yes"],
        [FAJAR, "yes"],
        [GITA, "yes"],
        [AYU, "maybe"],
        [CITRA, "yes"],
      ] as const)
        await d.press(m, "main", "meeting.rsvp", answer);
    }),
    step(
      19,
      "21:30",
      t("Kudos after the 16 March meeting", "Apresiasi setelah pertemuan 16 Maret"),
      async ({ d, host, mention }) => {
        const hosted = await host("2027-03-16");
        await d.command(
          EKA,
          `kudos ${mention(hosted)} ${t("for the lab-kit shopping list", "untuk daftar belanja alat praktikum")}`,
        );
      },
    ),
    step(23, "12:00", t("RSVPs for 23 March", "Konfirmasi kehadiran untuk 23 Maret"), async ({ d }) => {
      for (const [m, answer] of [
        [DIMAS, "yes"],
        [HADI, "yes"],
        [KARTIKA, "yes"],
        [LESTARI, "yes"],
        [JOKO, "maybe"],
      ] as const)
        await d.press(m, "main", "meeting.rsvp", answer);
    }),
    ...memorySteps(lang),
    ...chatter(lang),
  ];
  return steps.sort((a, b) => a.day - b.day || a.time.localeCompare(b.time));
}
