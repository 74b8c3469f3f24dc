import type { searchEn } from "./strings-en.ts";

/** Bahasa Indonesia for `/cop search`, in the warm "Anda" register (listed in src/features/catalog.ts). */
export const searchId: Record<keyof typeof searchEn, string> = {
  "cmd.search": "Cari yang sudah disimpan komunitas: catatan pertemuan, sumber, tindak lanjut, dan topik",
  "example.search": "rubrik penilaian",
  "search.title": "Yang disimpan komunitas tentang “{words}”",
  "search.none": "Belum ada catatan, sumber, tindak lanjut, atau topik pertemuan yang menyebut “{words}”.",
  "search.empty": "Mohon tuliskan satu atau dua kata yang ingin dicari, misalnya {example}.",
  "search.kind.note": "Catatan {number}",
  "search.kind.resource": "Sumber {number}",
  "search.kind.action": "Tindak lanjut {number}",
  "search.kind.topic": "Topik #{number}",
  "search.kind.topicResource": "Sumber untuk topik #{number}",
  "search.meeting": "pertemuan {day}",
  "search.suggested": "usulan topik, belum dibahas dalam pertemuan",
  "search.record": "lihat catatan pertemuan",
  "search.announcement": "lihat pengumuman",
  "search.note": "Hasil yang paling cocok ditampilkan lebih dulu.",
  "search.cut": "Hanya {shown} hasil terbaik yang muat di sini: tambahkan kata agar pencarian lebih tepat.",
};
