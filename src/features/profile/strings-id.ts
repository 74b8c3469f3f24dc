import type { profileEn } from "./strings-en.ts";

/**
 * Bahasa Indonesia for profiles, the intro form and `whoknows`, in the warm "Anda" register
 * (glossary: docs/architecture.md, "Bahasa Indonesia"). Spread into `src/core/i18n/id.ts`;
 * typed against the English keys, so a missing one fails the typecheck.
 */
export const profileId: Record<keyof typeof profileEn, string> = {
  "cmd.profile": "Profil Anda: pekerjaan Anda, yang dapat Anda bagikan, dan kebutuhan Anda",
  "cmd.profile.show": "Lihat profil Anda, atau apa yang dibagikan anggota lain",
  "cmd.profile.edit": "Isi atau ubah profil Anda (formulir perkenalan)",
  "cmd.whoknows": "Cari anggota yang dapat berbagi tentang suatu hal",
  "arg.words": "kata kunci",
  "arg.words.help": "Apa yang Anda cari, misalnya rubrik penilaian",
  "example.whoknows": "rubrik penilaian",

  "intro.form.title": "Perkenalkan diri Anda",
  "intro.form.step1": "Perkenalkan diri Anda (1 dari 2)",
  "intro.form.step2": "Perkenalkan diri Anda (2 dari 2)",
  "intro.form.save": "Simpan",
  "intro.form.next": "Lanjut",
  "intro.field.does": "Apa pekerjaan Anda, atau apa yang Anda ajar?",
  "intro.field.does.placeholder": "misalnya: Saya mengajar matematika di SMK",
  "intro.field.shares": "Apa yang dapat Anda bagikan?",
  "intro.field.shares.placeholder": "misalnya: rubrik penilaian, pengelolaan kelas",
  "intro.field.needs": "Dalam hal apa Anda ingin dibantu?",
  "intro.field.needs.placeholder":
    "Menjadi usulan topik; nama Anda hanya disebut jika Anda setuju diperkenalkan.",
  "intro.field.benefits": "Apa yang Anda harapkan dari komunitas ini?",
  "intro.field.frequency": "Seberapa sering Anda dapat bertemu?",
  "intro.field.intro": "Bolehkah guyub memperkenalkan Anda?",
  "intro.field.findable": "Bolehkah anggota lain menemukan Anda?",
  "benefit.career": "Memajukan karier dan organisasi saya",
  "benefit.organisation": "Meningkatkan organisasi saya",
  "benefit.problem": "Memecahkan jenis masalah tertentu",
  "benefit.practice": "Memecahkan masalah dan menyebarkan praktik terbaik",
  "benefit.support": "Merasa didukung",
  "benefit.innovate": "Berinovasi",
  "frequency.weekly": "Setiap minggu",
  "frequency.fortnightly": "Dua minggu sekali",
  "frequency.monthly": "Sebulan sekali",
  "frequency.flexible": "Kapan pun saya bisa",
  "consent.intro.yes": "Ya, perkenalkan saya",
  "consent.intro.no": "Tidak usah",
  "consent.findable.yes": "Ya, anggota lain boleh menemukan saya",
  "consent.findable.no": "Tidak, profil saya tetap pribadi",

  "intro.error.required": "Mohon isi pertanyaan ini.",
  "intro.error.tooLong": "Mohon ringkas menjadi paling banyak {max} karakter (saat ini {count}).",
  "intro.error.choice": "Mohon pilih dari daftar.",
  "intro.error.oneChoice": "Mohon pilih satu saja.",
  "intro.open": "Perkenalkan diri Anda",
  "intro.continue": "Lanjutkan",
  "intro.restart": "Mulai lagi",
  "intro.step1.saved":
    "Terima kasih! Satu langkah lagi: seberapa sering Anda dapat bertemu, dan apa yang Anda setujui.",
  "intro.step2.lost":
    "Jawaban pertama Anda sudah tidak tersimpan (kami simpan selama sehari). Silakan mulai lagi; belum ada yang disimpan.",
  "intro.saved.first":
    "Terima kasih sudah memperkenalkan diri! Anda dapat melihat profil Anda kapan saja dengan {usage}.",
  "intro.saved.posted": "Sebentar lagi guyub akan memperkenalkan Anda kepada komunitas.",
  "intro.saved.updated": "Profil Anda sudah diperbarui.",
  "intro.post.welcome": "Mari kita sambut {member} di komunitas ini!",
  "intro.post.does": "Pekerjaan atau bidang ajar",
  "intro.post.shares": "Dapat berbagi tentang",
  "intro.post.needs": "Ingin dibantu dalam hal",
  "intro.post.footer": "Sapa dan ceritakan apa yang sedang Anda kerjakan.",

  "profile.title": "Profil Anda",
  "profile.of": "Profil {member}",
  "profile.benefits": "Harapan",
  "profile.frequency": "Dapat bertemu",
  "profile.consent.intro": "Pesan perkenalan",
  "profile.consent.findable": "Dapat ditemukan lewat whoknows",
  "profile.yes": "ya",
  "profile.no": "tidak",
  "profile.nothing": "—",
  "profile.dates": "Pertama diisi {answered}; terakhir diubah {updated}.",
  "profile.editHint": "Ubah dengan {usage}.",
  "profile.none.self": "Anda belum memperkenalkan diri. Hanya perlu dua menit.",
  "profile.none.other": "{member} belum membagikan profilnya.",
  "profile.private": "{member} memilih agar profilnya tetap pribadi.",
  "profile.formOpened": "Ini formulir perkenalannya.",

  "whoknows.title": "Siapa yang dapat berbagi tentang “{words}”",
  "whoknows.none": "Belum ada anggota (yang bersedia ditemukan) yang menyebut “{words}”.",
  "whoknows.note":
    "Hanya anggota yang bersedia ditemukan yang ditampilkan. Tambahkan diri Anda dengan {usage}.",
  "whoknows.empty": "Mohon tuliskan satu atau dua kata yang ingin dicari, misalnya {example}.",
};
