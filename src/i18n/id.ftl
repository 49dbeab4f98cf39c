# Teks antarmuka Aura dalam bahasa Indonesia. Isi (definisi, kutipan) ada di data/.

## Deskripsi perintah dan opsi (Discord: paling banyak 100 karakter)
cmd-quote = Kutipan terverifikasi dari esai Benjamin atau kritik Adorno, lengkap dengan bagiannya
cmd-concept = Kartu konsep: definisi, nama dalam tiga bahasa, bagian esai, kutipan kunci
cmd-debate = Mosi Benjamin lawan Adorno, dengan posisi kedua pihak dan pertanyaan diskusi
cmd-section = Satu bagian esai (pengantar, I–XV, epilog) beserta ringkasannya
cmd-search = Cari konsep, kutipan, bagian, mosi, dan tokoh
cmd-essay = Tentang esai: judul, versi, riwayat terbit, dan strukturnya
cmd-help = Apa saja yang bisa dilakukan Aura
opt-quote-topic = Konsep atau kata yang menjadi pokok kutipan
opt-quote-speaker = Siapa yang mengatakannya (Benjamin, Adorno, …)
opt-concept-name = Nama konsep, dalam bahasa Indonesia, Inggris, atau Jerman
opt-debate-motion = Sebuah mosi (kosongkan untuk mosi acak)
opt-section-number = I–XV, pengantar, atau epilog
opt-search-query = Apa yang dicari

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
vote-not-starter = Hanya anggota yang memulai debat ini yang dapat menutup pemungutan.
heading-result = Hasil
vote-total = { $total } suara
