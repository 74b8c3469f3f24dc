import type { reportsEn } from "./strings-en.ts";

/** Indonesian strings of reports (listed in src/features/catalog.ts). */
export const reportsId: Record<keyof typeof reportsEn, string> = {
  "cmd.report": "Laporan pribadi anggota kepada moderator",
  "cmd.report.channel": "Atur kanal moderator privat tempat laporan dikirim",
  "example.reportsChannel": "#moderator",
  "reports.channelOnly":
    "Sepertinya ini pengaturan moderator untuk tujuan laporan: moderator mengaturnya dengan {usage}. Belum ada yang dilaporkan. Untuk memberi tahu moderator, ceritakan apa yang terjadi.",
  "reports.channelSet":
    "Laporan dari anggota akan dikirim ke {channel}. Jaga agar kanal ini tetap privat: hanya moderator yang boleh tahu siapa melaporkan apa.",
  "cmd.conduct": "Baca tata tertib komunitas",
  "conduct.title": "Tata tertib komunitas",
  "conduct.worry": "Jika ada yang membuat Anda khawatir, Anda dapat memberi tahu moderator secara pribadi.",
  "conduct.none": "Komunitas ini belum memiliki tata tertib. Moderator dapat mengaturnya dengan {usage}.",
  "cmd.report.member": "Sampaikan secara pribadi kepada moderator hal yang membuat Anda khawatir",
  "arg.what": "uraian",
  "arg.what.help":
    "Apa yang terjadi, dengan kata-kata Anda sendiri (maksimal 1.000 karakter); hanya moderator yang membacanya",
  "example.reportWhat": "seseorang terus mengirimi saya pesan yang tidak sopan setelah pertemuan",
  "reports.done":
    "Terima kasih sudah memberi tahu kami. Laporan Anda sudah dikirim secara pribadi kepada moderator; orang yang Anda laporkan tidak diberi tahu siapa pelapornya. Anda akan dikabari setelah moderator menanganinya.",
  "reports.nobody":
    "Terima kasih sudah memberi tahu kami. Laporan Anda disimpan, tetapi saat ini belum ada moderator yang dapat dihubungi (belum ada kanal moderator dan tidak ada moderator yang dapat dikirimi pesan). Moderator akan melihatnya di tampilan moderator.",
  "reports.self": "Anda tidak dapat melaporkan diri sendiri. Tidak ada yang dikirim.",
  "reports.bot": "Laporan ditujukan untuk anggota, bukan bot atau guyub. Tidak ada yang dikirim.",
  "reports.cannotTell":
    "Saya belum dapat memeriksa siapa penulis pesan itu. Silakan coba lagi sebentar lagi. Tidak ada yang dikirim.",
  "reports.already":
    "Anda sudah melaporkan hal ini. Moderator sudah menerimanya; tidak ada yang dikirim lagi.",
  "reports.limit":
    "Anda sudah membuat {limit} laporan hari ini, batas untuk satu hari. Tidak ada yang dikirim. Jika ada hal yang mendesak, silakan kirim pesan pribadi kepada moderator.",
  "reports.unavailable":
    "Laporan belum dapat disimpan dengan aman di instalasi ini (kunci enkripsi belum diatur). Silakan kirim pesan pribadi kepada moderator. Tidak ada yang disimpan.",
  "reports.gone": "Laporan itu sudah tidak tersedia. Tidak ada yang berubah.",
  "reports.card.title": "🛡️ Laporan untuk moderator",
  "reports.card.messageBy": "Pesan dari {name}:",
  "reports.card.someone": "seorang anggota",
  "reports.card.former": "seorang mantan anggota",
  "reports.card.erased": "(teks yang dilaporkan sudah dihapus)",
  "reports.card.unreadable": "(teks ini tidak dapat dibaca dengan kunci yang ada)",
  "reports.card.status": "Status",
  "reports.card.count": "Jumlah laporan",
  "reports.card.reporters": "Pelapor (hanya untuk moderator)",
  "reports.card.reasons": "Alasan:",
  "reports.card.note": "Catatan penyelesaian: {note}",
  "reports.card.conduct": "Tata tertib komunitas: {usage}",
  "reports.status.open": "Terbuka: belum ada yang menangani",
  "reports.status.claimed": "Ditangani oleh {name}",
  "reports.status.resolved": "Diselesaikan oleh {name}",
  "reports.status.dismissed": "Ditutup tanpa tindakan oleh {name}",
  "reports.word.open": "terbuka",
  "reports.word.claimed": "sedang ditangani",
  "reports.word.resolved": "sudah diselesaikan",
  "reports.word.dismissed": "sudah ditutup tanpa tindakan",
  "reports.button.claim": "Tangani",
  "reports.button.resolve": "Selesaikan",
  "reports.button.dismiss": "Tutup tanpa tindakan",
  "reports.claimedDone": "Anda menangani laporan ini; kartunya kini mencantumkan nama Anda.",
  "reports.resolvedDone":
    "Laporan sudah diselesaikan. Para pelapor diberi tahu secara pribadi (tanpa catatan Anda).",
  "reports.dismissedDone": "Laporan sudah ditutup tanpa tindakan. Para pelapor diberi tahu secara pribadi.",
  "reports.alreadyHandled": "Laporan ini {status} ({name}). Tidak ada yang berubah.",
  "reports.noteForm.title": "Selesaikan laporan",
  "reports.noteForm.submit": "Selesaikan",
  "reports.noteForm.note": "Apa yang dilakukan (hanya untuk moderator)",
  "reports.noteForm.length": "Silakan tulis catatan singkat, 1 sampai {max} karakter.",
  "reports.notice.resolved":
    "Moderator sudah menangani laporan yang Anda buat pada {day}. Terima kasih sudah memberi tahu kami: ini membantu komunitas tetap menjadi tempat belajar yang aman.",
  "reports.notice.dismissed":
    "Moderator sudah meninjau laporan yang Anda buat pada {day} dan memutuskan tidak perlu ada tindakan. Terima kasih sudah memberi tahu kami; Anda selalu dapat berbicara dengan moderator.",
  "reports.noText": "(pesan tanpa teks)",
  "reports.startAgain":
    "Formulir laporan ini sudah tidak berlaku (mungkin Anda sudah melaporkan pesan lain). Silakan gunakan “Laporkan ke moderator” pada pesan itu lagi. Tidak ada yang dikirim.",
  "reports.reasonTooLong": "Alasan paling banyak {max} karakter. Tidak ada yang dikirim; silakan coba lagi.",
  "reports.reasonForm.title": "Laporkan ke moderator",
  "reports.reasonForm.submit": "Kirim",
  "reports.reasonForm.reason": "Mengapa Anda melaporkannya? (opsional)",
  "reports.reasonForm.placeholder": "Hanya moderator yang akan membacanya.",
  "reports.shortcut.name": "Laporkan ke moderator",
  "reports.shortcut.description": "Sampaikan pesan ini secara pribadi kepada moderator",
};
