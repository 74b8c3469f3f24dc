import type { rotationEn } from "./strings-en.ts";

/** Bahasa Indonesia strings of the rotation commands, swaps and the host heads-up (spread into id.ts). */
export const rotationId: Record<keyof typeof rotationEn, string> = {
  "cmd.rotation": "Giliran fasilitator yang adil",
  "cmd.rotation.show": "4 pertemuan berikutnya dan fasilitatornya",
  "cmd.rotation.fairness": "Giliran tiap anggota",
  "cmd.rotation.pass": "Lewati giliran Anda berikutnya",
  "cmd.rotation.swap": "Ajak anggota bertukar giliran",
  "cmd.rotation.volunteer": "Ambil giliran terbuka berikutnya",
  "cmd.rotation.away": "Hari Anda berhalangan",
  "cmd.rotation.add": "Masukkan anggota ke giliran",
  "cmd.rotation.remove": "Keluarkan anggota dari giliran",
  "cmd.rotation.mode": "Siapa yang mendapat giliran",
  "arg.from": "dari",
  "arg.from.help": "Hari pertama, TTTT-BB-HH",
  "arg.to": "sampai",
  "arg.to.help": "Hari terakhir, TTTT-BB-HH",
  "arg.mode": "mode",
  "arg.mode.help": "semua (semua anggota) atau sukarela (yang mengajukan diri)",

  "rotation.showTitle": "Fasilitator pertemuan berikutnya",
  "rotation.showLine": "• {when}: {host}",
  "rotation.nobody": "belum ada yang dapat menjadi fasilitator",
  "rotation.showHint": "Giliran Anda tetapi Anda berhalangan? {pass} atau {swap}",
  "rotation.fairnessTitle": "Giliran tiap anggota",
  "rotation.fairnessLine": "• {member}: memfasilitasi {hosted} kali, melewati {passed} kali",
  "rotation.fairnessOwes":
    "• {member}: memfasilitasi {hosted} kali, melewati {passed} kali, {owed} giliran tertunda",
  "rotation.fairnessMore": "…dan {count} anggota lainnya.",
  "rotation.fairnessEmpty": "Belum ada yang mendapat giliran, dan belum ada yang dapat menjadi fasilitator.",
  "rotation.fairnessRule":
    "Fasilitator berikutnya adalah anggota yang paling jarang memfasilitasi (giliran yang dilewati menjadi giliran tertunda), lalu yang paling lama menunggu.",
  "rotation.noTurn":
    "Anda tidak mendapat giliran dalam 4 pertemuan berikutnya, jadi tidak ada yang perlu dilewati atau ditukar. Lihat {usage}",
  "rotation.notYourTurn": "Ini sudah bukan giliran Anda, jadi tidak ada yang diubah. Lihat {usage}",
  "rotation.started": "Pertemuan itu sudah dimulai, jadi gilirannya tidak dapat diubah lagi.",
  "rotation.passed":
    "Anda melewati giliran pada {when}: kini {member} yang menjadi fasilitator. Giliran Anda hanya tertunda: nanti Anda yang didahulukan.",
  "rotation.passNobody":
    "Tidak ada anggota lain yang dapat menjadi fasilitator pada {when}, jadi giliran tetap milik Anda. Tidak ada yang diubah.",
  "rotation.swapSelf":
    "Anda tidak dapat bertukar giliran dengan diri sendiri: sebutkan anggota lain. Tidak ada yang diubah.",
  "rotation.unknownMember":
    "{member} bukan anggota aktif komunitas ini, jadi tidak dapat mengambil giliran. Tidak ada yang diubah.",
  "rotation.swapNotEligible":
    "{member} tidak dapat menjadi fasilitator pada {when} (berhalangan, baru bergabung, atau tidak ikut giliran). Tidak ada yang diubah.",
  "rotation.swapAlready": "Anda sudah bertanya kepada {member} tentang {when}. Tidak ada yang diubah.",
  "rotation.swapAsked":
    "Saya sudah bertanya kepada {member} apakah bersedia mengambil giliran Anda pada {when}. Jawabannya akan Anda terima lewat pesan pribadi.",
  "rotation.swapRequest":
    "{member} bertanya apakah Anda bersedia menjadi fasilitator pertemuan pada {when} menggantikannya. Bila Anda setuju, ia akan mengambil giliran Anda berikutnya.",
  "rotation.swapAccept": "Setuju",
  "rotation.swapDecline": "Tolak",
  "rotation.swapAccepted": "Anda setuju: Anda menjadi fasilitator pertemuan pada {when}. Terima kasih!",
  "rotation.swapAcceptedLater":
    "Anda setuju: Anda menjadi fasilitator pertemuan pada {when}, dan {member} mengambil giliran Anda pada {later}. Terima kasih!",
  "rotation.swapDeclined": "Anda menolak: giliran pada {when} tetap milik {member}.",
  "rotation.swapExpired":
    "Permintaan ini sudah tidak berlaku: pertemuannya sudah dimulai atau gilirannya sudah berpindah.",
  "rotation.swapAnswered": "Permintaan ini sudah dijawab.",
  "rotation.swapNotYours": "Hanya anggota yang ditanya yang dapat menjawab permintaan ini.",
  "rotation.swapUnable":
    "Anda tidak dapat menjadi fasilitator pada {when} (berhalangan, atau tidak ikut giliran hari itu), jadi tidak dapat mengambil giliran ini. Anda dapat menolaknya.",
  "rotation.swapWasAccepted": "{member} setuju: ia menjadi fasilitator pertemuan pada {when}.",
  "rotation.swapWasAcceptedLater":
    "{member} setuju: ia menjadi fasilitator pertemuan pada {when}, dan Anda mengambil gilirannya pada {later}.",
  "rotation.swapWasDeclined":
    "{member} menolak: giliran Anda pada {when} tetap. Anda dapat bertanya kepada anggota lain atau melewati giliran.",
  "rotation.volunteered": "Terima kasih! Anda menjadi fasilitator pertemuan pada {when}.",
  "rotation.volunteerNoOpen":
    "Terima kasih, Anda sudah ikut giliran. Belum ada giliran terbuka dalam 4 pertemuan berikutnya, jadi giliran Anda akan tiba sesuai urutan yang adil.",
  "rotation.volunteerExcluded":
    "Moderator telah mengeluarkan Anda dari giliran. Moderator dapat memasukkan Anda kembali.",
  "rotation.notActive": "Anda telah mundur dari komunitas ini. Gunakan {usage} untuk kembali.",
  "rotation.awayOrder": "Hari terakhir {to} lebih awal daripada hari pertama {from}. Tidak ada yang diubah.",
  "rotation.awayPast": "Rentang itu sudah lewat. Tidak ada yang diubah.",
  "rotation.awayTooLong": "Rentang berhalangan paling lama satu tahun. Tidak ada yang diubah.",
  "rotation.awaySet":
    "Anda berhalangan dari {from} sampai {to}: Anda tidak mendapat giliran pada hari-hari itu.",
  "rotation.awayFreed": "Giliran Anda pada {when} berpindah ke {member}.",
  "rotation.awayFreedNobody": "Giliran Anda pada {when} belum ada penggantinya.",
  "rotation.added": "{member} kini ikut giliran.",
  "rotation.alreadyIn": "{member} memang sudah ikut giliran.",
  "rotation.removed": "{member} kini tidak ikut giliran. Catatan gilirannya tetap tersimpan.",
  "rotation.alreadyOut": "{member} memang sudah tidak ikut giliran.",
  "rotation.mode.everyone": "Kini semua anggota aktif mendapat giliran.",
  "rotation.mode.volunteers":
    "Kini hanya anggota yang mengajukan diri yang mendapat giliran ({count} sejauh ini). Anggota dapat bergabung dengan {usage}",
  "rotation.modeUnchanged": "Giliran memang sudah memakai mode itu. Tidak ada yang diubah.",

  "headsUp.title": "Giliran Anda menjadi fasilitator",
  "headsUp.body": "Anda menjadi fasilitator pertemuan pada {when}.",
  "headsUp.hint": "Berhalangan? Lewati giliran, atau ajak anggota lain bertukar giliran.",
  "headsUp.pass": "Lewati giliran",
  "headsUp.swap": "Tukar giliran",
  "swapForm.title": "Tukar giliran",
  "swapForm.member": "Siapa yang dapat mengambil giliran Anda?",
  "swapForm.submit": "Tanyakan",
  "swapForm.pick": "Silakan pilih seorang anggota.",
  "swapForm.nobody":
    "Tidak ada anggota lain yang dapat menjadi fasilitator hari itu, jadi tidak ada yang dapat ditanya.",
};
