# Teks antarmuka Aura dalam bahasa Indonesia. Isi (definisi, kutipan) ada di data/.

## Deskripsi perintah dan opsi (Discord: paling banyak 100 karakter)
cmd-quote = Kutipan terverifikasi dari esai Benjamin atau kritik Adorno, lengkap dengan bagiannya
cmd-concept = Kartu konsep: definisi, nama dalam tiga bahasa, bagian esai, kutipan kunci
cmd-debate = Mosi Benjamin lawan Adorno, dengan posisi kedua pihak dan pertanyaan diskusi
cmd-section = Satu bagian esai (pengantar, I–XV, epilog) beserta ringkasannya
cmd-search = Cari konsep, kutipan, bagian, mosi, dan tokoh
cmd-essay = Tentang esai: judul, versi, riwayat terbit, dan strukturnya
cmd-thinker = Siapa tokoh ini: tahun hidup, karya, perannya bagi esai, kutipan terverifikasinya
cmd-help = Apa saja yang bisa dilakukan Aura
opt-quote-topic = Konsep atau kata yang menjadi pokok kutipan
opt-quote-speaker = Siapa yang mengatakannya (Benjamin, Adorno, …)
opt-concept-name = Nama konsep, dalam bahasa Indonesia, Inggris, atau Jerman
opt-debate-motion = Sebuah mosi (kosongkan untuk mosi acak)
opt-section-number = I–XV, pengantar, atau epilog
opt-search-query = Apa yang dicari
opt-thinker-name = Benjamin, Adorno, Horkheimer, Hansen, Zohn, …

## Kesalahan dari masukan anggota
error-unknown-command = Tidak ada perintah “{ $name }”. Perintah yang ada: { $commands }
error-unknown-option = /{ $command } tidak punya opsi “{ $option }”. Opsi yang ada: { $options }
error-missing-option = /{ $command } memerlukan opsi “{ $option }”.
did-you-mean = Maksud Anda: { $suggestions }?
error-unknown-concept = Saya tidak mengenal konsep bernama “{ $input }”.
error-unknown-speaker = Saya tidak mengenal tokoh bernama “{ $input }” dalam paket studi ini.
error-no-quote = Tidak ada kutipan terverifikasi yang cocok. Coba topik lain atau kosongkan opsinya.
error-unknown-motion = Saya tidak mengenal mosi yang cocok dengan “{ $input }”.
error-no-motion = Paket studi ini belum memiliki mosi debat.
error-unknown-section = Esai ini tidak punya bagian “{ $input }”. Coba I–XV, pengantar, atau epilog.
error-no-results = Tidak ada yang cocok dengan “{ $input }” di paket studi ini.
error-internal = Ada masalah di pihak saya. Silakan coba lagi sebentar lagi.

## Bagian bersama
footer-pack = Aura · { $work }
ref-section = bagian { $label }
ref-footnote = catatan kaki bagian { $label }
label-aliases = Disebut juga
label-footnote = catatan kaki

## /konsep
heading-names = Nama
heading-sections = Letaknya dalam esai
heading-key-quote = Kutipan kunci
heading-misconception = Salah kaprah yang umum
button-show-quote = Kutipan lengkap
button-open-section = Buka bagian { $label }
button-quote-on-topic = Kutipan tentang ini
select-related = Konsep terkait

## /kutipan
quote-title = Kata { $speaker }
heading-translation = Terjemahan
heading-note = Catatan
heading-concepts = Konsep
button-german = Teks asli Jerman
button-another-quote = Kutipan lain

## /debat
debate-title = Mosi: { $motion }
debate-intro = Dua pembacaan atas esai yang sama. Bela salah satu pihak — lalu tanyakan mana yang didukung teksnya.
heading-benjamin = Benjamin
heading-adorno = Adorno
heading-questions = Bahan diskusi
button-another-motion = Mosi lain

## /bagian
section-title = Bagian { $label } · { $title }
section-footer = versi ketiga (terjemahan Inggris Zohn mengikutinya)
heading-second-version = Dalam versi kedua
heading-quotes-here = Dikutip dari bagian ini
select-concepts = Konsep dalam bagian ini

## /cari
kind-concept = Konsep
kind-quote = Kutipan
kind-motion = Mosi
kind-section = Bagian
kind-thinker = Tokoh
search-title = Pencarian: { $query }
search-footer = { $count } hasil
select-open-result = Buka salah satu hasil

## /esai
thinker-title = { $name } ({ $dates })
heading-works = Karya
place-history = versi dan riwayat terbit esai, { $essay }
quiz-info-history = Riwayat terbit
quiz-info-texts = Teks lain
heading-their-quotes = Kutipan terverifikasi
heading-printed = Tempat membacanya
heading-seed-error = Kekeliruan dalam sebuah ringkasan Indonesia yang beredar
heading-footnotes = Catatan kaki
button-their-quote = Kutipan tokoh ini
button-letter = Surat Adorno, 1936
button-essay = Versi dan riwayat terbit esai
select-their-concepts = Konsep-konsepnya
kind-page = Esai
kind-myth = Miskonsepsi
search-did-you-mean = Maksud Anda **{ $name }**?

heading-versions = Versi
heading-publication = Riwayat terbit
heading-structure = Struktur
select-section = Buka sebuah bagian

## /bantuan
help-title = Aura — teman belajar esai Benjamin tentang karya seni
help-intro = Aura mengenal esai Walter Benjamin “Karya Seni di Era Reproduksi Mekanis” dan kritik Theodor W. Adorno terhadapnya. Setiap kutipan diperiksa terhadap sumbernya dan menyebut bagiannya.
help-footer = Aura menjawab dalam bahasa Discord Anda: Indonesia atau Inggris.

## Discord
button-delete = Hapus
error-not-yours = Hanya anggota yang bertanya yang dapat menghapus balasan ini.
error-not-your-buttons = Hanya anggota yang meminta yang bisa memakai tombol ini.
error-stale-button = Tombol itu sudah tidak mengarah ke mana pun. Coba jalankan perintahnya lagi.
error-cooldown = Tunggu sebentar — Anda dapat memakai perintah ini lagi dalam { $seconds } detik.

## Pemungutan suara debat
heading-vote = Pilih
vote-explain = Benjamin, Adorno, atau belum memutuskan? Satu suara per orang, dan Anda dapat mengubahnya sampai pemungutan ditutup { $closes }. Hasilnya disembunyikan sampai saat itu.
side-benjamin = Benjamin
side-adorno = Adorno
side-undecided = Belum memutuskan
button-close-vote = Tutup pemungutan
vote-cast = Pilihan Anda: { $side }. Anda dapat mengubahnya sampai pemungutan ditutup.
vote-changed = Pilihan diubah: { $side }.
vote-closed = Pemungutan ini sudah ditutup; tidak ada yang berubah.
vote-not-starter = Hanya anggota yang memulai debat ini, moderator, atau quiz master yang dapat menutup pemungutan.
heading-result = Hasil
vote-total = { $total } suara

## Command groups
error-unknown-subcommand = /{ $command } tidak punya subperintah “{ $sub }”. Subperintah: { $subs }
error-server-only = /{ $command } hanya bisa dipakai di kanal server, bukan di sini.
error-no-permission = Anda tidak punya izin untuk itu di sini.

## /quiz
cmd-quiz = Ronde kuis tentang esai, untuk seluruh kanal
cmd-quiz-start = Mulai ronde kuis di kanal ini
cmd-quiz-next = Mode guru: buka soal berikutnya
cmd-quiz-reveal = Tutup soal sekarang dan tampilkan jawabannya
cmd-quiz-skip = Lewati soal ini (tidak dihitung untuk siapa pun)
cmd-quiz-stop = Akhiri ronde sekarang; skor yang sudah ada tetap tersimpan
cmd-quiz-leaderboard = Papan peringkat kuis server ini
cmd-quiz-me = Poin, peringkat, dan ketepatan Anda sendiri
cmd-quiz-report = Ronde terakhir sebagai berkas CSV (anggota, jawaban, waktu, poin)
cmd-quiz-reset = Kosongkan papan peringkat suatu periode
cmd-quiz-access = Siapa yang boleh memulai, menjalankan, dan mengatur ulang ronde di server ini
opt-quiz-questions = Jumlah soal (1–20, bawaan 5)
opt-quiz-topic = Hanya soal tentang konsep ini
opt-quiz-section = Hanya soal tentang bagian esai ini
opt-quiz-difficulty = mudah, sedang, atau sulit
opt-quiz-seconds = Detik per soal (10–120, bawaan 20)
opt-quiz-mode = otomatis: Aura melanjutkan sendiri; guru: Anda memakai /kuis lanjut
opt-quiz-scoring = cepat: makin cepat makin banyak (500–1000); rata: 1000 per jawaban benar
opt-quiz-streaks = Bonus beruntun untuk jawaban benar berturut-turut (aktif atau mati)
opt-quiz-period = minggu, bulan, semester, atau semua
opt-quiz-who = semua, peran (peran pemandu kuis), atau moderator (Kelola Pesan)
opt-quiz-role = Peran pemandu kuis
quiz-bad-option = “{ $value }” bukan nilai { $option } yang sah. Pakai: { $allowed }
quiz-no-questions = Tidak ada soal kuis yang cocok dengan pengaturan itu. Coba kurangi filternya.
quiz-question-title = Soal { $number } dari { $total }
quiz-time = Waktu
quiz-closes = Ditutup { $closes }
quiz-closed = Waktu habis.
quiz-answered = { $count } sudah menjawab
quiz-nobody = Belum ada yang punya poin.
quiz-line = { $rank }. { $member } — { $points }
quiz-reveal-title = Soal { $number }: { $answer }
quiz-counts = Jawaban
quiz-top = Lima teratas
quiz-idle-stop = Sudah beberapa soal tidak ada yang menjawab, jadi ronde berhenti sendiri.
quiz-table-line = { $rank }. { $member } — { $points } poin, { $correct }/{ $questions } benar
quiz-end-title = Ronde selesai
quiz-end-finished = Itu soal terakhir. Permainan yang bagus!
quiz-end-stopped = Ronde dihentikan.
quiz-end-shutdown = Aura sedang dimulai ulang, jadi ronde berakhir di sini. Semua jawaban sejauh ini tersimpan dan dihitung di papan peringkat.
quiz-end-failed = Ronde harus berakhir: Aura tidak bisa lagi mengirim pesan di kanal ini.
quiz-end-footer = /kuis peringkat menampilkan papan server; /kuis saya menampilkan skor Anda.
quiz-podium = Podium
quiz-table = Skor
period-week = minggu ini
period-month = bulan ini
period-term = semester ini
period-all = sepanjang waktu
quiz-board-title = Papan kuis — { $period }
quiz-board-empty = Belum ada jawaban pada periode ini. Mulai dengan /kuis mulai!
quiz-board-line = { $rank }. { $member } — { $points } poin, { $accuracy }% benar, menang { $wins } dari { $games }
quiz-me-title = Skor kuis Anda — { $period }
quiz-me-none = Anda belum punya jawaban pada periode ini.
quiz-me = { $points } poin, peringkat { $rank } dari { $players }. { $correct } dari { $answered } jawaban benar ({ $accuracy }%). Ronde: { $games } dimainkan, { $wins } dimenangkan.
quiz-locked = Terkunci: { $choice }. Semoga berhasil!
quiz-already = Anda sudah menjawab soal ini; jawaban pertama Anda yang dihitung.
quiz-too-late = Waktu untuk soal ini sudah habis; jawaban Anda tidak dihitung.
quiz-not-open = Soal ini sudah ditutup.
quiz-busy = Sudah ada ronde yang berjalan di kanal ini. Tunggu sampai selesai, atau hentikan dengan /kuis berhenti.
quiz-started = Ronde dimulai: { $questions } soal, masing-masing { $seconds } detik.
quiz-not-running = Tidak ada ronde yang berjalan di kanal ini.
quiz-not-starter = Hanya anggota yang memulai ronde atau moderator yang dapat melakukannya.
quiz-abandoned = Aura dimulai ulang, jadi ronde yang berjalan di sini telah berakhir. Semua jawaban yang diberikan tersimpan.
quiz-report-none = Belum ada ronde yang dimainkan di kanal ini.
quiz-report-ready = Jawaban ronde terakhir di kanal ini ({ $rows } baris).
quiz-reset-confirm = Kosongkan papan untuk { $period }? Jawaban tetap tersimpan; hanya papan ini yang mulai lagi dari nol.
quiz-reset-done = Papan untuk { $period } sudah dikosongkan.
quiz-reset-cancelled = Tidak ada yang dikosongkan.
button-reset-yes = Ya, kosongkan
button-cancel = Batal
quiz-access-set = Ronde kuis sekarang dapat dijalankan oleh: { $who }.
quiz-access-everyone = semua orang
quiz-access-moderators = moderator (Kelola Pesan)
quiz-access-role = moderator dan { $role }
quiz-access-needs-role = Sebutkan juga peran pemandu kuisnya.
quiz-done = Selesai.
quiz-wait-reveal = Soal masih terbuka: tampilkan dulu jawabannya dengan /kuis buka.
quiz-auto-mode = Ronde ini berlanjut sendiri; /kuis lanjut hanya untuk mode guru.
quiz-teacher-hint = Mode guru: pakai /kuis buka, lalu /kuis lanjut.

## Daily posts
daily-prompt-title = Pertanyaan diskusi hari ini
daily-quote = Kutipan pendukung
daily-angle = Benjamin melawan Adorno
daily-quote-title = Kutipan hari ini: { $speaker }
daily-motion-title = Debat hari ini: { $motion }
daily-discuss = Diskusikan di utas di bawah.
daily-suggested-by = Diusulkan oleh { $member }
daily-nothing = Tidak ada yang seperti itu di paket studi.
error-bot-permissions = Aura tidak punya izin yang diperlukan di kanal ini: { $missing }. Admin server dapat memberikannya.
error-bad-input = Saya tidak dapat membaca opsi itu. Silakan pilih dari daftar yang ditawarkan Discord.

## /daily
cmd-daily = Unggahan diskusi harian
cmd-daily-setup = Atur unggahan harian di sebuah kanal
cmd-daily-show = Setiap jadwal, unggahan berikutnya, dan izin Aura di sana
cmd-daily-pause = Jeda sebuah jadwal
cmd-daily-resume = Lanjutkan sebuah jadwal
cmd-daily-skip = Lewati unggahan berikutnya dari sebuah jadwal
cmd-daily-now = Unggah sekarang (unggahan otomatis hari ini tidak dikirim)
cmd-daily-preview = Lihat contoh unggahan, hanya untuk Anda
cmd-daily-queue = Lihat butir berikutnya, atau taruh satu di depan
cmd-daily-remove = Hapus sebuah jadwal
cmd-daily-staff = Kanal tempat usulan anggota dikirim
cmd-daily-suggest = Usulkan pertanyaan diskusi kepada staf
opt-daily-channel = Kanal tempat mengunggah
opt-daily-time = Jam, HH:MM (24 jam)
opt-daily-timezone = Zona waktu, mis. Asia/Jakarta
opt-daily-days = harian, kerja, sen,rab,jum, setiap 2 hari, atau bulanan 15
opt-daily-language = Bahasa unggahan
opt-daily-kind = Pertanyaan diskusi, kutipan hari ini, atau mosi debat
opt-daily-role = Peran yang disebut di setiap unggahan (opsional)
opt-daily-thread = Buka utas di setiap unggahan (bawaan aktif)
opt-daily-pin = Sematkan setiap unggahan dan lepas yang sebelumnya (bawaan aktif)
opt-daily-schedule = Nomor jadwal (lihat /harian lihat)
opt-daily-next = Id butir yang ditaruh berikutnya
opt-daily-staff-channel = Kanal staf
opt-daily-suggest-text = Pertanyaan Anda (10–300 karakter)
daily-none = Server ini belum punya jadwal harian. Atur dengan /harian atur.
daily-which = Server ini punya beberapa jadwal: sebutkan nomornya (lihat /harian lihat).
daily-no-such-schedule = Tidak ada jadwal dengan nomor itu di sini.
daily-set-up = Jadwal #{ $id } sudah diatur: { $channel }, unggahan berikutnya { $when }.
daily-staff-set = Usulan anggota sekarang dikirim ke { $channel }.
daily-paused = Jadwal #{ $id } dijeda.
daily-resumed = Jadwal #{ $id } mengunggah lagi.
daily-removed = Jadwal #{ $id } dihapus.
daily-skipped = Unggahan { $when } akan dilewati.
daily-posted-now = Unggahan hari ini sudah terkirim. Unggahan otomatis tidak dikirim hari ini.
daily-already = Unggahan hari ini sudah terkirim.
daily-paused-because = Jadwal dijeda: { $reason }
daily-show-title = Jadwal harian
daily-show-line = { $channel } pukul { $time } ({ $zone }), { $days } — { $kind }, { $lang }
daily-show-paused = ⏸ Dijeda: { $reason }
daily-show-next = Unggahan berikutnya: { $when }
daily-show-left = Tersisa { $left } sebelum siklus dimulai lagi.
daily-show-low = ⚠ Tersisa kurang dari tujuh: siklus segera dimulai ulang.
daily-show-perms-ok = ✅ Aura punya semua izin yang diperlukan di sana.
daily-show-perms-missing = ⚠ Aura tidak punya izin: { $missing }
daily-show-perms-unknown = Aura tidak dapat memeriksa izinnya di sana ({ $error }).
daily-no-such-item = Tidak ada butir “{ $item }” untuk jadwal ini. Lihat /harian antrean.
daily-queue-title = Berikutnya di jadwal #{ $id }
daily-a-suggestion = Usulan seorang anggota
daily-suggest-length = Usulan harus 10 sampai { $max } karakter.
daily-suggest-too-many = Anda sudah punya { $max } usulan yang menunggu staf. Mohon tunggu jawaban mereka.
daily-suggest-no-staff = Server ini belum menerima usulan: staf belum memilih kanal untuknya.
daily-suggest-sent = Terima kasih! Usulan Anda sudah dikirim ke staf; Anda akan diberi tahu keputusannya.
daily-suggestion-title = Usulan pertanyaan diskusi
daily-suggestion-similar = Mirip dengan pertanyaan yang sudah ada di Aura
button-approve = Setujui
button-deny = Tolak
daily-deny-title = Mengapa ditolak?
daily-deny-label = Alasan (akan dilihat anggota)
daily-decided-already = Usulan ini sudah diputuskan.
daily-approved-note = Usulan pertanyaan Anda disetujui dan masuk antrean: “{ $text }”
daily-denied-note = Usulan pertanyaan Anda tidak diambil: “{ $text }”. Alasan: { $reason }
daily-approved = Disetujui: masuk antrean.
daily-denied = Ditolak: { $reason }
button-hint = 💡 Petunjuk
quiz-opens = Jawaban dibuka { $opens }
quiz-hint-struck = Jawabannya bukan { $choice }.
quiz-hint-section = Lihat { $section }.
quiz-hint-none = Maaf, tidak ada petunjuk untuk soal ini.
quiz-hint-cost = (Jawaban benar setelah petunjuk mendapat setengah poin.)
quiz-end-goal = Seseorang mencapai target skor ronde!
opt-quiz-goal = Akhiri ronde saat seseorang mencapai poin sebanyak ini
quiz-no-hint-now = Tidak ada petunjuk sekarang: soal sudah ditutup, atau Anda sudah menjawab.
opt-quiz-sort = Urutkan menurut poin, ketepatan, kemenangan, atau ronde dimainkan
quiz-board-sorted = Diurutkan menurut { $by }
sort-points = poin
sort-accuracy = ketepatan
sort-wins = ronde dimenangkan
sort-games = ronde dimainkan
cmd-daily-past = Unggahan harian sebelumnya; satu secara acak untuk menghidupkan diskusi
opt-daily-random = Unggah satu pertanyaan lama secara acak di kanal ini
daily-past-none = Belum ada unggahan harian di server ini.
daily-past-list = Unggahan harian terbaru
daily-past-title = Dari arsip ({ $date }): { $title }
button-notify = 🔔 Beri tahu saya / berhenti
daily-notify-on = Anda akan disebut untuk unggahan harian. Klik lagi untuk berhenti.
daily-notify-off = Anda tidak akan disebut lagi untuk unggahan harian.
daily-notify-failed = Aura tidak dapat mengubah peran Anda. Admin server dapat memeriksa bahwa Aura punya izin Kelola Peran dan perannya di atas peran ini.
opt-quiz-spoilers = Sembunyikan setiap jawaban di balik spoiler
quiz-reveal-hidden = Soal { $number }: jawabannya (klik untuk melihat)
cmd-quiz-review = Soal yang Anda lewatkan di ronde terakhir Anda, beserta jawabannya
cmd-quiz-info = Isi bank soal kuis: soal menurut tingkat dan bagian
quiz-info-title = Bank soal kuis: { $work }
quiz-info = { $total } soal: { $written } ditulis tangan dari rujukan bersumber, { $generated } dibuat dari konsep, kutipan, dan bagiannya. Hanya kutipan terverifikasi yang dipakai.
quiz-info-levels = Menurut tingkat
quiz-info-sections = Menurut bagian
quiz-info-how = Cara bermain
quiz-info-start = /kuis mulai dengan topik, bagian (mis. I–V), tingkat, detik per soal, mode otomatis atau guru, skor cepat atau rata, beruntun, target skor, dan spoiler.
quiz-review-title = Ulasan ronde terakhir Anda
quiz-review-none = Anda belum pernah bermain ronde di server ini.
quiz-review-perfect = Anda menjawab semua soal dengan benar di ronde terakhir. Luar biasa!
quiz-review-intro = Anda salah { $missed } dari { $answered } soal. Berikut jawabannya dan tempat membaca lebih lanjut:
difficulty-easy = Mudah
difficulty-medium = Sedang
difficulty-hard = Sulit
error-option-too-long = “{ $option }” paling panjang { $max } karakter. Silakan coba yang lebih pendek.
daily-role-everyone = @everyone tidak bisa menjadi peran sebutan unggahan harian. Buat peran khusus untuk pembaca yang ingin disebut.
daily-role-unknown = { $role } bukan salah satu peran di server ini.
daily-role-managed = { $role } dikelola oleh sebuah integrasi, jadi tidak ada yang bisa memberikannya. Buat peran khusus untuk pembaca yang ingin disebut.
daily-role-above-aura = { $role } tidak berada di bawah peran tertinggi Aura, jadi Aura tidak akan memberikannya. Pilih peran yang lebih rendah di daftar, atau pindahkan peran Aura ke atasnya.
daily-role-powerful = { $role } memberi izin yang tidak dimiliki @everyone. Anggota mengambil peran sebutan ini sendiri, jadi peran itu tidak boleh memberi apa pun lebih dari itu: pilih peran biasa, atau hapus izin tambahannya.
daily-role-unchecked = Aura tidak dapat membaca peran server ini untuk memeriksa { $role }. Silakan coba lagi sebentar lagi.
daily-notify-refused = Aura tidak bisa lagi memberikan peran sebutan ini karena peran itu sudah berubah sejak diatur. Admin server dapat memeriksanya lewat /daily setup.


## /privacy
cmd-privacy = Lihat data Anda yang disimpan Aura, dan hapus
privacy-title = Data Anda yang disimpan Aura
privacy-intro = Aura menyimpan data berikut tentang Anda, di semua server tempat Anda bertemu Aura:
privacy-answers = Jawaban kuis: { $answers } (dalam { $rounds } ronde)
privacy-votes = Suara debat: { $votes }
privacy-suggestions = Usulan topik harian: { $suggestions }
privacy-started = Ronde kuis dan pemungutan suara debat yang Anda mulai: { $started } (tetap ada untuk peserta lain, tanpa nama Anda)
privacy-confirm = Hapus semuanya? Jawaban Anda hilang dari semua papan peringkat kuis; ini tidak bisa dibatalkan.
privacy-nothing = Aura tidak menyimpan apa pun tentang Anda.
privacy-kept = Tidak ada yang dihapus.
privacy-deleted = Selesai: Aura tidak lagi menyimpan apa pun tentang Anda. Yang dihapus:
privacy-not-yours = Hanya anggota yang bertanya yang dapat menjawab ini.
preview-needs-bot = /{ $command } menjawab dari data yang disimpan bot yang sedang berjalan; coba di Discord.
button-privacy-delete = Hapus semuanya

## /audit
cmd-audit = Tempat Aura mencatat tindakan staf di server ini
cmd-audit-set = Catat tindakan staf di sebuah kanal
cmd-audit-off = Berhenti mencatat tindakan staf
opt-audit-channel = Kanal audit
audit-set = Tindakan staf sekarang dicatat di { $channel }, tanpa mention.
audit-off-done = Tindakan staf tidak lagi dicatat.
audit-on = { $actor } menjadikan kanal ini log audit Aura.
audit-off = { $actor } mematikan log audit Aura.
audit-board-reset = { $actor } mengosongkan papan kuis untuk { $period }.
audit-daily-setup = { $actor } membuat jadwal harian #{ $id } di { $channel }.
audit-daily-removed = { $actor } menghapus jadwal harian #{ $id }.
audit-daily-paused = { $actor } menjeda jadwal harian #{ $id }.
audit-daily-resumed = { $actor } melanjutkan jadwal harian #{ $id }.
audit-daily-skipped = { $actor } melewati unggahan berikutnya dari jadwal harian #{ $id }.
audit-suggestion-approved = { $actor } menyetujui usulan #{ $id }.
audit-suggestion-denied = { $actor } menolak usulan #{ $id }. Alasan: { $reason }
audit-debate-closed = { $actor } menutup pemungutan suara debat di { $channel }.

## Batas per server (setiap server mendapat bagian yang adil)
limit-daily-schedules = Server ini sudah punya { $max } jadwal harian, batas terbanyak yang Aura simpan untuk satu server. Hapus satu dengan `/daily remove` sebelum membuat jadwal baru.
limit-waiting-suggestions = Server ini sudah punya { $max } usulan yang menunggu keputusan staf. Silakan coba lagi setelah staf memutuskan sebagian.
limit-open-debates-guild = Server ini sudah punya { $max } pemungutan suara debat yang masih terbuka. Mohon tunggu sampai salah satunya ditutup.
limit-open-debates-channel = Kanal ini sudah punya { $max } pemungutan suara debat yang masih terbuka. Mohon tunggu sampai salah satunya ditutup, atau mulai di kanal lain.
limit-quiz-rounds = Server ini sudah punya { $max } ronde kuis yang sedang berjalan. Mohon tunggu sampai salah satunya selesai.
