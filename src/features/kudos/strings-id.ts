import type { kudosEn } from "./strings-en.ts";

/** Bahasa Indonesia strings of kudos ("apresiasi"; the message says "terima kasih untuk …"). */
export const kudosId: Record<keyof typeof kudosEn, string> = {
  "cmd.kudos": "Berterima kasih kepada anggota di kanal; apresiasinya juga masuk ringkasan mingguan",
  "arg.why": "alasan",
  "example.kudosWhy": "sudah berbagi rubrik penilaiannya",
  "arg.why.help": "Hal yang membuat Anda berterima kasih (hingga 300 karakter)",
  "kudos.post": "🙏 Terima kasih kepada {to} dari {from}: ",
  "kudos.someone": "sesama anggota",
  "kudos.done": "Apresiasi Anda untuk {to} sudah terkirim dan akan masuk ringkasan mingguan.",
  "kudos.self": "Apresiasi untuk berterima kasih kepada orang lain. Tidak ada yang dikirim.",
  "kudos.bot": "Apresiasi untuk anggota, bukan bot. Tidak ada yang dikirim.",
  "kudos.unknownBot":
    "Saya belum dapat memeriksa apakah {to} anggota atau bot. Silakan coba lagi sebentar lagi. Tidak ada yang dikirim.",
  "kudos.limit":
    "Anda sudah memberi {limit} apresiasi hari ini, batas untuk satu hari. Terima kasih atas kemurahan hati Anda! Silakan coba lagi besok.",
  "kudos.noChannel":
    "Saya tidak tahu harus mengirim ke mana: gunakan perintah ini di sebuah kanal, atau minta moderator mengatur kanal utama. Tidak ada yang dikirim.",
  "digest.kudos": "Apresiasi minggu ini",
  "digest.kudos.line": "{to}, terima kasih dari {from}: ",
};
