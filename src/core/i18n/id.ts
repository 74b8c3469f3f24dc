import { featuresId } from "../../features/catalog.ts";
import { examplesId } from "../commands/strings-examples-id.ts";
import { healthId } from "../health/strings-id.ts";
import { discordInstallId } from "../install/strings-discord-id.ts";
import { installId } from "../install/strings-id.ts";
import { accessId } from "../membership/strings-access-id.ts";
import { setupId } from "../setup/strings-id.ts";
import type { MessageKey } from "./en.ts";

/**
 * Bahasa Indonesia, in the warm "Anda" register of the guide guyub grew from; its terms and tone are
 * under "Bahasa Indonesia" in docs/architecture.md.
 * Typed against the English keys: leaving one out fails the typecheck.
 */
export const id: Record<MessageKey, string> = {
  ...featuresId,
  ...setupId,
  ...accessId,
  ...discordInstallId,
  ...healthId,
  ...examplesId,
  ...installId,
  "language.en": "English (Inggris)",
  "language.id": "Bahasa Indonesia",

  "cmd.root": "guyub menjaga komunitas praktik Anda tetap berjalan",
  "cmd.rootModerator": "Moderator: atur guyub dan jalankan kegiatan rutin komunitas Anda",
  "cmd.cancel": "Hentikan pertanyaan yang sedang diajukan guyub di sini (tidak ada yang disimpan)",
  "cmd.help": "Lihat apa saja yang dapat guyub bantu, atau rincian satu perintah",
  "cmd.language": "Pilih bahasa yang dipakai guyub di komunitas ini",
  "cmd.moderators": "Atur siapa saja moderator komunitas ini",
  "cmd.moderators.list": "Lihat daftar moderator komunitas ini",
  "cmd.moderators.add": "Tambahkan anggota ke daftar moderator",
  "cmd.moderators.remove": "Hapus anggota dari daftar moderator",
  "cmd.moderators.role": "Jadikan semua pemegang suatu peran sebagai moderator",

  "arg.command": "perintah",
  "arg.command.help": "Perintah yang ingin dijelaskan, misalnya language",
  "arg.language": "bahasa",
  "arg.language.help": "en (English) atau id (Bahasa Indonesia)",
  "arg.member": "anggota",
  "arg.member.help": "Anggota yang dimaksud, sebagai @mention",
  "arg.role": "peran",
  "arg.role.help": "Peran yang anggotanya menjadi moderator",

  "help.title": "guyub: yang dapat Anda lakukan",
  "help.intro":
    "guyub menjaga komunitas praktik Anda tetap berjalan: sambutan, pertemuan, topik, dan ringkasan.",
  "help.forEveryone": "Untuk semua anggota",
  "help.forModerators": "Untuk moderator",
  "help.more": "Gunakan {usage} untuk melihat semua perintah dalam satu kelompok, misalnya pertemuan.",
  "help.moderatorWords": "Kelompok yang memuat perintah moderator",
  "help.moderatorMark": "(moderator)",
  "help.detail": "Rincian satu perintah, misalnya {usage}",
  "help.hiddenForModerators": "{count} perintah lagi khusus moderator.",
  "help.moderatorUnknown":
    "Saya belum dapat memastikan status moderator Anda saat ini, jadi hanya perintah anggota yang ditampilkan.",
  "help.usage": "Cara pakai",
  "help.example": "Contoh",
  "help.moderatorsOnly": "Khusus moderator.",

  "languageSet.done": "Baik, guyub kini memakai {language} di komunitas ini.",
  "languageSet.unchanged": "guyub sudah memakai {language} di sini.",

  "moderators.title": "Moderator",
  "moderators.listed": "Dalam daftar moderator",
  "moderators.none": "Belum ada anggota dalam daftar moderator.",
  "moderators.implicit.admins": "Admin dan pemilik workspace selalu menjadi moderator.",
  "moderators.implicit.groupAdmins": "Admin grup selalu menjadi moderator.",
  "moderators.implicit.manageServer":
    "Anggota dengan izin Kelola Server (Manage Server) selalu menjadi moderator.",
  "moderators.roleLabel": "Peran moderator",
  "moderators.noRole": "belum diatur",
  "moderators.added": "{member} kini menjadi moderator komunitas ini.",
  "moderators.grantCommand":
    "Anggota tidak melihat /copmod, dan guyub tidak dapat menampilkannya sendiri untuk {member}. Admin server dapat melakukannya di Server Settings → Integrations → guyub → copmod, dengan menambahkan {member} atau salah satu perannya (yang memiliki izin Kelola Server sudah dapat melihatnya).",
  "moderators.alreadyListed": "{member} sudah ada dalam daftar moderator.",
  "moderators.removed": "{member} tidak lagi ada dalam daftar moderator.",
  "moderators.notListed": "{member} tidak ada dalam daftar moderator.",
  "moderators.roleSet": "Semua anggota dengan peran {role} kini menjadi moderator.",

  "cmd.delivery": "Lihat dan atur pengiriman pesan guyub",
  "cmd.delivery.status":
    "Pengiriman 7 hari terakhir, kesalahan terbaru, dan tempat guyub tidak dapat mengirim",
  "cmd.delivery.retry": "Kirim ulang pesan yang gagal terkirim",
  "cmd.delivery.pause": "Tahan semua pesan keluar (tidak ada yang hilang)",
  "cmd.delivery.resume": "Kirim pesan yang tertahan dan lanjutkan",
  "cmd.delivery.unblock": "Coba kirim lagi ke tempat yang aksesnya sudah Anda perbaiki",
  "delivery.title": "Pengiriman, 7 hari terakhir",
  "delivery.pending": "Menunggu",
  "delivery.sent": "Terkirim",
  "delivery.failed": "Tidak dapat dikirim",
  "delivery.dead": "Gagal permanen",
  "delivery.paused": "Pengiriman sedang ditahan: pesan menunggu sampai moderator menjalankan {usage}.",
  "delivery.running": "Pengiriman berjalan normal.",
  "delivery.lastErrors": "Kesalahan terbaru",
  "delivery.noErrors": "Tidak ada kesalahan.",
  "delivery.blocks": "Tempat guyub tidak dapat mengirim",
  "delivery.block": "{where}: {reason}, sejak {at}. Pesan yang menunggu: {waiting}.",
  "delivery.block.community": "Di seluruh komunitas ini",
  "delivery.block.next": "guyub akan mencoba lagi pada {at}.",
  "delivery.fix.not_in_channel":
    "Cara memperbaikinya: undang guyub ke kanal tersebut, lalu jalankan {unblock}.",
  "delivery.fix.channel_gone":
    "Cara memperbaikinya: jika kanal diarsipkan atau bersifat privat, undang guyub ke kanal itu lalu jalankan {unblock}; jika kanal dihapus, pilih kanal utama yang baru dengan {channel}.",
  "delivery.fix.uninstalled":
    "Cara memperbaikinya: pasang kembali guyub di workspace atau server ini (token bot yang baru akan dikenali dengan sendirinya), lalu jalankan {unblock}.",
  "delivery.fix.no_main_channel":
    "Belum ada kanal utama (sejak {at}). Cara memperbaikinya: tetapkan kanal utama dengan {channel}.",
  "delivery.pausedNow":
    "Pengiriman ditahan. Tidak ada yang dikirim sampai {usage}; pesan menunggu dan tidak ada yang hilang.",
  "delivery.alreadyPaused":
    "Pengiriman memang sedang ditahan. Gunakan {usage} untuk mengirim pesan yang menunggu.",
  "delivery.resumedNow":
    "Pengiriman dilanjutkan: pesan yang menunggu dikirim sekarang, masing-masing sekali.",
  "delivery.notPaused": "Pengiriman tidak sedang ditahan.",
  "delivery.retried": "{count} pesan yang gagal dimasukkan kembali ke antrean.",
  "delivery.retriedSome":
    "{count} dari {total} pesan yang gagal dimasukkan kembali ke antrean (sebanyak itu setiap kali); jalankan {usage} lagi untuk sisanya.",
  "delivery.nothingToRetry": "Tidak ada pesan gagal yang perlu dikirim ulang.",
  "delivery.unblocked":
    "guyub akan mencoba lagi di semua tempat yang aksesnya sempat hilang: {count} pesan yang menunggu kini masuk ke antrean. Jika aksesnya masih belum ada, Anda akan melihatnya lagi di {status}.",
  "delivery.nothingBlocked": "guyub tidak kehilangan akses di mana pun, jadi tidak ada yang perlu dibuka.",
  "delivery.notice":
    "Perhatian: guyub tidak dapat mengirim ke {scope} ({reason}). Pesan untuk tempat itu menunggu sementara guyub mencoba lagi sesekali; gunakan {usage} untuk melihat cara memperbaikinya.",

  "error.unknown_command": "Saya tidak mengenal perintah “{input}”.",
  "error.missing_subcommand": "“{path}” perlu satu kata lagi: {choices}.",
  "error.bad_argument": "“{input}” bukan {argument} yang valid.",
  "error.missing_argument": "{path} memerlukan {argument}.",
  "error.too_many_arguments": "Terlalu banyak kata untuk {path}: “{input}”.",
  "error.not_moderator": "Hanya moderator yang dapat memakai {path}.",
  "error.moderator_unverifiable":
    "Saya belum dapat memastikan ke platform apakah Anda moderator. Tidak ada yang berubah; silakan coba lagi sebentar lagi.",
  "error.wrong_platform": "{path} tidak tersedia di platform ini.",
  "error.wrong_root": "{typed} bukan perintah di sini: ketik {usage}.",
  "error.guild_only": "Perintah guyub hanya berlaku di dalam server, bukan di pesan pribadi.",
  "error.too_long":
    "Perintah itu terlalu panjang: sebuah perintah paling banyak {limit} karakter. Tidak ada yang berubah.",
  "error.text_too_long":
    "“{argument}” yang Anda ketik panjangnya {length} karakter; paling banyak {limit} karakter. Tidak ada yang diubah.",
  "error.example": "Contoh: {example}",
  "error.seeHelp": "Lihat {usage} untuk apa saja yang dapat Anda lakukan.",
  "error.internal": "Maaf, terjadi kesalahan di pihak kami. Tidak ada yang berubah; silakan coba lagi.",
  "action.moderatorsOnly": "Tombol itu khusus untuk moderator.",
  "action.done": "Selesai.",
  "form.errors":
    "Beberapa jawaban perlu diperiksa lagi. Belum ada yang disimpan, tetapi jawaban Anda masih ada di formulir.",
  "form.close": "Batal",
  "form.couldNotOpen": "Formulir belum dapat dibuka saat ini. Silakan tekan tombolnya sekali lagi.",
  "form.reopen": "Buka formulir lagi",
  "conversation.start": "{title}: {count} pertanyaan, satu per satu. Silakan jawab masing-masing di sini.",
  "conversation.replaced":
    "Formulir yang belum Anda selesaikan dikesampingkan dan tidak ada isinya yang disimpan: formulir ini menggantikannya.",
  "conversation.question": "Pertanyaan {number} dari {total}: {label}",
  "conversation.optional": "(boleh dilewati)",
  "conversation.current": "Saat ini: {value}",
  "conversation.text": "Silakan ketik jawaban Anda.",
  "conversation.textMax": "Silakan ketik jawaban Anda (paling banyak {max} karakter).",
  "conversation.pickOne": "Tekan salah satu tombol, atau ketik nomornya.",
  "conversation.pickMany":
    "Tekan setiap pilihan yang sesuai (tekan sekali lagi untuk membatalkan), lalu “{done}”. Atau ketik nomornya, misalnya 1, 3.",
  "conversation.channel": "Sebutkan kanalnya, misalnya #umum.",
  "conversation.users": "Sebutkan orang-orangnya (paling banyak {max}).",
  "conversation.cancelHint": "Ketik {cancel} untuk berhenti.",
  "conversation.keep": "Biarkan seperti ini",
  "conversation.skip": "Lewati",
  "conversation.done": "Selesai",
  "conversation.invalid": "Jawaban itu belum sesuai: {reason} Silakan coba sekali lagi.",
  "conversation.stopped":
    "Jawaban itu juga belum sesuai: {reason} Saya berhenti di sini, dan tidak ada yang disimpan. Silakan buka formulirnya lagi untuk memulai dari awal.",
  "conversation.cancelled": "Dihentikan. Tidak ada yang disimpan.",
  "conversation.stale": "Pertanyaan itu sudah dijawab. Ini pertanyaan yang sedang kita bahas:",
  "conversation.gone": "Formulir itu sudah tidak tersedia. Tidak ada yang disimpan.",
  "conversation.required": "Pertanyaan ini perlu dijawab.",
  "conversation.tooLong": "Paling banyak {max} karakter; jawaban Anda {length} karakter.",
  "conversation.unknownChoice": "“{answer}” tidak termasuk pilihan yang ada.",
  "conversation.noChannel": "Belum ada kanal yang disebutkan.",
  "conversation.tooMany": "Paling banyak {max} orang.",
  "help.cancel": "Saat guyub menanyakan isi formulir dalam obrolan pribadi, ketik {cancel} untuk berhenti.",
  "error.unknown_action": "Tombol itu sudah tidak berlaku.",
  "reply.working": "Sedang diproses…",
  "reply.openPrivateChat":
    "Saya menjawabnya secara pribadi, tetapi saya belum dapat mengirim pesan kepada Anda. Silakan buka obrolan dengan saya, lalu coba lagi: {link}",
  "reply.writeAsYourself":
    "Anda menulis atas nama grup, jadi saya tidak tahu siapa yang bertanya. Silakan kirim perintahnya atas nama Anda sendiri.",
  "reply.chooseCommunity": "Anda ada di beberapa komunitas bersama saya. Komunitas mana yang Anda maksud?",
  "reply.communityChosen":
    "Mulai sekarang, obrolan ini tentang {community}. Kirim {usage} untuk melihat apa saja yang dapat Anda lakukan.",
  "reply.noCommunity":
    "Saya belum mengenal Anda dari grup mana pun. Silakan kirim perintahnya di grup Anda terlebih dahulu, atau buka obrolan ini dari tautan grup.",
};
