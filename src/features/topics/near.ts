import { foldTitle } from "./fold.ts";

/**
 * Words that say nothing about a subject, in English and Bahasa Indonesia: "Ideas for assessing
 * practical work" and "Ide menilai kerja praktikum" are read by what is left.
 */
const STOP_WORDS = new Set(
  [
    // English
    "a an the and or of for to in on at with about by from as into how what why my our your is are",
    "be i we you it this that these some more better do can help",
    // Bahasa Indonesia
    "yang dan di ke dari untuk dengan dalam pada atau ini itu saya kami kita anda bagaimana cara",
    "tentang agar supaya bagi oleh para akan juga serta soal mengenai secara lebih bisa dapat ingin",
    "mau bantuan tolong",
  ]
    .join(" ")
    .split(" "),
);

/** A title's words that carry its subject: folded (lower case, accents removed), stop words dropped. */
export function subjectWords(title: string): Set<string> {
  return new Set(
    foldTitle(title)
      .split(" ")
      .filter((word) => word !== "" && !STOP_WORDS.has(word)),
  );
}

/**
 * Whether two titles name the same subject: one's words (after stop words and accents are
 * removed) all among the other's. "Ide menilai kerja praktikum" and "Menilai kerja praktikum"
 * do; "Menilai kerja praktikum" and "Menilai kerja kelompok" do not. A title with no such word
 * matches nothing. This is the rule for needs from introductions and the host's offer;
 * `/cop topic suggest` keeps its exact rule (the same folded title).
 */
export function sameSubject(a: string, b: string): boolean {
  const left = subjectWords(a);
  const right = subjectWords(b);
  if (left.size === 0 || right.size === 0) return false;
  const [small, large] = left.size <= right.size ? [left, right] : [right, left];
  for (const word of small) if (!large.has(word)) return false;
  return true;
}

/** The first topic (in the order given) that names the same subject as `title`, if any. */
export function sameSubjectTopic<T extends { readonly title: string }>(
  topics: readonly T[],
  title: string,
): T | undefined {
  return topics.find((topic) => sameSubject(topic.title, title));
}

/**
 * The topics the next choice leaves out: those of the recent meetings, and every open topic on
 * the same subject as one of them (the host is not offered last week's topic under a near title).
 */
export function recentlyDiscussed(
  open: readonly { readonly id: number; readonly title: string }[],
  recent: readonly { readonly id: number; readonly title: string }[],
): number[] {
  const ids = new Set(recent.map((topic) => topic.id));
  for (const topic of open)
    if (recent.some((discussed) => sameSubject(discussed.title, topic.title))) ids.add(topic.id);
  return [...ids];
}
