/**
 * The outcome checks of what the meetings kept (issue 24), per platform: the entries written in
 * the scenario are stored, each meeting's record was posted once as a reply under its
 * announcement and edited after, "I was there" and the host's confirmation left attendance rows,
 * the search answer named the note, and the digests carry the records.
 */
import type { Driver } from "./driver.ts";
import type { Lang } from "./scenario.ts";
import { MEETING_MEMORY, SEARCH, TOPIC_RESOURCE } from "./scenario-memory.ts";
import type { Transcript } from "./transcript.ts";
import type { World } from "./world.ts";

type Row = Record<string, unknown>;
type Rows = (sql: string, ...params: unknown[]) => Promise<Row[]>;

export const MEMORY_WHAT = {
  entries: {
    en: "the notes, resources and actions written at the meetings are stored (and the topic's link)",
    id: "catatan, sumber, dan tindak lanjut yang ditulis di pertemuan tersimpan (juga tautan pada topik)",
  },
  record: {
    en: "each meeting's record posted once, as a reply under its announcement, and edited as entries came",
    id: "catatan setiap pertemuan dikirim sekali, sebagai balasan di bawah pengumumannya, dan diperbarui saat entri bertambah",
  },
  attendance: {
    en: 'attendance kept: the host\'s confirmation and every "I was there"',
    id: 'kehadiran tersimpan: konfirmasi fasilitator dan setiap "Saya hadir"',
  },
  search: {
    en: "the search found the note",
    id: "pencarian menemukan catatannya",
  },
  digestRecords: {
    en: "the digests carry the meetings' records",
    id: "ringkasan mingguan memuat catatan pertemuan",
  },
} satisfies Record<string, Record<Lang, string>>;

export type MemoryCheck = (passed: boolean, what: keyof typeof MEMORY_WHAT, detail: string) => void;

export interface MemoryContext {
  readonly world: World;
  readonly d: Driver;
  readonly rows: Rows;
  readonly lang: Lang;
  readonly transcript?: Transcript;
}

export async function checkMemory({ world, d, rows, lang, transcript }: MemoryContext, check: MemoryCheck) {
  const stored: string[] = [];
  let entriesOk = true;
  for (const m of MEETING_MEMORY) {
    const got = await rows(
      `SELECT kind, body, url, assignee FROM meeting_entries WHERE community_id = :community AND meeting_day = ?`,
      m.day,
    );
    const has = (kind: string, body: string, extra: (r: Row) => boolean = () => true) =>
      got.some((r) => r.kind === kind && r.body === body && extra(r));
    entriesOk &&=
      got.length === m.notes.length + 2 &&
      m.notes.every((n) => has("note", n.text[lang])) &&
      has("resource", m.resource.title[lang], (r) => r.url === m.resource.url) &&
      has("action", m.action.text[lang], (r) => r.assignee === d.idOf(m.action.assignee));
    stored.push(`${m.day}: ${got.length} entries`);
  }
  const links = await rows(
    `SELECT r.url FROM topic_resources r JOIN topics t ON t.id = r.topic_id
      WHERE r.community_id = :community AND t.title = ?`,
    TOPIC_RESOURCE.topic[lang],
  );
  entriesOk &&= links.length === 1 && links[0]?.url === TOPIC_RESOURCE.url;
  check(entriesOk, "entries", `${stored.join(", ")}, ${links.length} topic link`);

  const records: string[] = [];
  let recordOk = true;
  for (const m of MEETING_MEMORY) {
    const posts = await rows(
      `SELECT idempotency_key AS key, kind, status, payload, platform_message_id AS id FROM outbox
        WHERE community_id = :community AND (idempotency_key = ? OR idempotency_key LIKE ?)`,
      `record:${m.day}`,
      `record:${m.day}:edit:%`,
    );
    const [announce] = await rows(
      `SELECT platform_message_id AS id FROM outbox WHERE community_id = :community AND idempotency_key = ?`,
      `announce:${m.day}`,
    );
    const first = posts.filter((p) => p.kind === "post");
    const edits = posts.filter((p) => p.kind === "edit" && p.status === "sent");
    const post = first[0];
    const replyTo = post ? (JSON.parse(String(post.payload)) as { replyTo?: string }).replyTo : undefined;
    // Where the platform put it, and what it shows now: the last entry is in it.
    const shown = post?.id ? platformMessage(world, d, String(post.id), transcript) : undefined;
    const under =
      d.platform === "slack"
        ? shown?.thread_ts === announce?.id
        : d.platform === "telegram"
          ? shown?.replyTo === announce?.id
          : (shown?.message_reference as Row | undefined)?.message_id === announce?.id;
    const current = JSON.stringify(shown ?? {}).includes(m.action.text[lang]);
    recordOk &&=
      first.length === 1 &&
      post?.status === "sent" &&
      replyTo === `announce:${m.day}` &&
      announce?.id !== undefined &&
      under &&
      edits.length >= 1 &&
      current;
    // Each part that failed is named, so a red line says which.
    const wrong = [
      post?.status === "sent" ? "" : `post ${String(post?.status ?? "missing")}`,
      replyTo === `announce:${m.day}` ? "" : `replyTo ${String(replyTo)}`,
      announce?.id !== undefined ? "" : "announcement not sent",
      current ? "" : "last entry missing",
    ].filter(Boolean);
    records.push(
      `${m.day}: ${first.length} post${under ? " under the announcement" : ""}, ${edits.length} edits${wrong.length ? `, ${wrong.join(", ")}` : ""}`,
    );
  }
  check(recordOk, "record", records.join("; "));

  const present: string[] = [];
  let attendOk = true;
  for (const [i, m] of MEETING_MEMORY.entries()) {
    const got = await rows(
      `SELECT user_id, source FROM meeting_attendance WHERE community_id = :community AND meeting_day = ?`,
      m.day,
    );
    const self = got.filter((r) => r.source === "self").map((r) => String(r.user_id));
    const host = got.filter((r) => r.source === "host").length;
    // Only the first meeting's host confirms in the scenario (`meeting done`'s form).
    attendOk &&=
      self.length === m.attend.length &&
      m.attend.every((who) => self.includes(d.idOf(who))) &&
      (i === 0 ? host > 0 : host === 0);
    present.push(`${m.day}: ${host} confirmed by the host, ${self.length} "I was there"`);
  }
  check(attendOk, "attendance", present.join("; "));

  const answers = (transcript?.entries ?? []).filter(
    (e) =>
      e.platform === d.platform &&
      e.column === `${d.platform} DM ${SEARCH.by.name}` &&
      // Telegram has no private reply in a group: guyub answers in the private chat.
      (e.kind === "private" || (d.platform === "telegram" && e.kind === "post")),
  );
  const found = answers.some((e) => e.text.includes(SEARCH.finds[lang]));
  check(found, "search", `“${SEARCH.words[lang]}” → ${found ? "the note" : "not found"}`);

  const digests = await rows(
    `SELECT idempotency_key AS key, payload FROM outbox WHERE community_id = :community AND idempotency_key LIKE 'digest:%' AND status = 'sent'`,
  );
  const carried = MEETING_MEMORY.map((m) => {
    const words = [m.notes[0]?.text[lang] ?? "", m.resource.title[lang]];
    return digests.find((g) => words.every((w) => String(g.payload).includes(w)))?.key;
  });
  check(
    carried.every(Boolean),
    "digestRecords",
    MEETING_MEMORY.map((m, i) => `${m.day} in ${carried[i] ?? "no digest"}`).join(", "),
  );
}

/** The message as the platform holds it now (after edits), by its id (Slack ts / Discord id). */
function platformMessage(world: World, d: Driver, id: string, transcript?: Transcript): Row | undefined {
  const state = world.standins.state;
  // Telegram numbers messages per chat: the record is in the group.
  if (d.platform === "telegram") return transcript?.telegramMessage(d.mainChannel(), id) as Row | undefined;
  if (d.platform === "discord") return state.discordMessages.get(id);
  for (const m of state.slackMessages.values()) if (m.ts === id) return m.message;
  return undefined;
}
