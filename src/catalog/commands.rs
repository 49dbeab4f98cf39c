//! The list of commands: each command's names, options and their names in both languages.

use crate::search::Kind;

/// What an option's autocomplete offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suggest {
    Items(Kind),
    /// Every command and subcommand (`/help command:`).
    Commands,
    /// Every question, prompt and motion (`/course hide item:`).
    CourseItems,
    None,
}

#[derive(Debug, Clone, Copy)]
pub struct OptionSpec {
    pub name: &'static str,
    /// The Indonesian name (Discord's `name_localizations.id`).
    pub name_id: &'static str,
    pub required: bool,
    pub suggest: Suggest,
    /// The Fluent key of its description.
    pub desc: &'static str,
}

#[derive(Debug, Clone, Copy)]
pub struct CommandSpec {
    pub name: &'static str,
    pub name_id: &'static str,
    pub desc: &'static str,
    pub options: &'static [OptionSpec],
    /// A command group's subcommands (`/quiz start`); a group has no options of its own.
    pub subcommands: &'static [CommandSpec],
}

impl CommandSpec {
    pub fn option(&self, name: &str) -> Option<&'static OptionSpec> {
        let name = name.trim().to_lowercase();
        self.options
            .iter()
            .find(|o| o.name == name || o.name_id == name)
    }

    /// A subcommand by its English or Indonesian name.
    pub fn subcommand(&self, name: &str) -> Option<&'static CommandSpec> {
        let name = name.trim().to_lowercase();
        self.subcommands
            .iter()
            .find(|c| c.name == name || c.name_id == name)
    }
}

const fn opt(
    name: &'static str,
    name_id: &'static str,
    required: bool,
    suggest: Suggest,
    desc: &'static str,
) -> OptionSpec {
    OptionSpec {
        name,
        name_id,
        required,
        suggest,
        desc,
    }
}

const fn sub(
    name: &'static str,
    name_id: &'static str,
    desc: &'static str,
    options: &'static [OptionSpec],
) -> CommandSpec {
    CommandSpec {
        name,
        name_id,
        desc,
        options,
        subcommands: &[],
    }
}

const N: Suggest = Suggest::None;

/// What a round and an assignment are drawn from: the same options for both.
const QUIZ_QUESTIONS: OptionSpec = opt("questions", "soal", false, N, "opt-quiz-questions");
const QUIZ_TOPIC: OptionSpec = opt(
    "topic",
    "topik",
    false,
    Suggest::Items(Kind::Concept),
    "opt-quiz-topic",
);
const QUIZ_SECTION: OptionSpec = opt(
    "section",
    "bagian",
    false,
    Suggest::Items(Kind::Section),
    "opt-quiz-section",
);
const QUIZ_SOURCE: OptionSpec = opt("source", "sumber", false, N, "opt-quiz-source");
const QUIZ_DIFFICULTY: OptionSpec = opt("difficulty", "tingkat", false, N, "opt-quiz-difficulty");

pub const COMMANDS: &[CommandSpec] = &[
    CommandSpec {
        name: "quote",
        name_id: "kutipan",
        desc: "cmd-quote",
        options: &[
            opt(
                "topic",
                "topik",
                false,
                Suggest::Items(Kind::Concept),
                "opt-quote-topic",
            ),
            opt(
                "speaker",
                "tokoh",
                false,
                Suggest::Items(Kind::Thinker),
                "opt-quote-speaker",
            ),
        ],
        subcommands: &[],
    },
    CommandSpec {
        name: "concept",
        name_id: "konsep",
        desc: "cmd-concept",
        options: &[opt(
            "name",
            "nama",
            true,
            Suggest::Items(Kind::Concept),
            "opt-concept-name",
        )],
        subcommands: &[],
    },
    CommandSpec {
        name: "debate",
        name_id: "debat",
        desc: "cmd-debate",
        options: &[],
        subcommands: &[
            sub(
                "start",
                "mulai",
                "cmd-debate-start",
                &[
                    opt(
                        "motion",
                        "mosi",
                        false,
                        Suggest::Items(Kind::Motion),
                        "opt-debate-motion",
                    ),
                    opt("format", "format", false, N, "opt-debate-format"),
                    opt("speech", "pidato", false, N, "opt-debate-speech"),
                    opt("sides", "pihak", false, N, "opt-debate-sides"),
                    opt("bilingual", "dwibahasa", false, N, "opt-debate-bilingual"),
                    opt("language", "bahasa", false, N, "opt-debate-language"),
                ],
            ),
            sub(
                "next",
                "lanjut",
                "cmd-debate-next",
                &[opt("speaker", "pembicara", false, N, "opt-debate-speaker")],
            ),
            sub("pause", "jeda", "cmd-debate-pause", &[]),
            sub("resume", "teruskan", "cmd-debate-resume", &[]),
            sub("extend", "tambah", "cmd-debate-extend", &[]),
            sub(
                "speaker",
                "pembicara",
                "cmd-debate-speaker",
                &[opt("member", "anggota", true, N, "opt-debate-member")],
            ),
            sub("end", "akhiri", "cmd-debate-end", &[]),
            sub("arguments", "argumen", "cmd-debate-arguments", &[]),
            sub("summary", "ringkasan", "cmd-debate-summary", &[]),
            sub("export", "ekspor", "cmd-debate-export", &[]),
            sub("history", "riwayat", "cmd-debate-history", &[]),
            sub(
                "settings",
                "pengaturan",
                "cmd-debate-settings",
                &[opt("pings", "sebut", true, N, "opt-debate-pings")],
            ),
        ],
    },
    CommandSpec {
        name: "section",
        name_id: "bagian",
        desc: "cmd-section",
        options: &[opt(
            "number",
            "nomor",
            true,
            Suggest::Items(Kind::Section),
            "opt-section-number",
        )],
        subcommands: &[],
    },
    CommandSpec {
        name: "search",
        name_id: "cari",
        desc: "cmd-search",
        options: &[opt(
            "query",
            "kueri",
            true,
            Suggest::None,
            "opt-search-query",
        )],
        subcommands: &[],
    },
    CommandSpec {
        name: "thinker",
        name_id: "tokoh",
        desc: "cmd-thinker",
        options: &[opt(
            "name",
            "nama",
            true,
            Suggest::Items(Kind::Thinker),
            "opt-thinker-name",
        )],
        subcommands: &[],
    },
    CommandSpec {
        name: "essay",
        name_id: "esai",
        desc: "cmd-essay",
        options: &[],
        subcommands: &[],
    },
    CommandSpec {
        name: "quiz",
        name_id: "kuis",
        desc: "cmd-quiz",
        options: &[],
        subcommands: &[
            sub(
                "start",
                "mulai",
                "cmd-quiz-start",
                &[
                    QUIZ_QUESTIONS,
                    QUIZ_TOPIC,
                    QUIZ_SECTION,
                    QUIZ_DIFFICULTY,
                    opt("seconds", "detik", false, N, "opt-quiz-seconds"),
                    opt("mode", "mode", false, N, "opt-quiz-mode"),
                    opt("scoring", "skor", false, N, "opt-quiz-scoring"),
                    opt("streaks", "beruntun", false, N, "opt-quiz-streaks"),
                    opt("goal", "target", false, N, "opt-quiz-goal"),
                    opt("spoilers", "spoiler", false, N, "opt-quiz-spoilers"),
                    opt("teams", "tim", false, N, "opt-quiz-teams"),
                    opt("kind", "jenis", false, N, "opt-quiz-kind"),
                    opt("players", "pemain", false, N, "opt-quiz-players"),
                    opt(
                        "skip_votes",
                        "suara_lewati",
                        false,
                        N,
                        "opt-quiz-skip-votes",
                    ),
                    opt("penalty", "penalti", false, N, "opt-quiz-penalty"),
                    QUIZ_SOURCE,
                    opt("bilingual", "dwibahasa", false, N, "opt-quiz-bilingual"),
                    opt("language", "bahasa", false, N, "opt-quiz-language"),
                ],
            ),
            sub("next", "lanjut", "cmd-quiz-next", &[]),
            sub("reveal", "buka", "cmd-quiz-reveal", &[]),
            sub("skip", "lewati", "cmd-quiz-skip", &[]),
            sub("stop", "berhenti", "cmd-quiz-stop", &[]),
            sub(
                "leaderboard",
                "peringkat",
                "cmd-quiz-leaderboard",
                &[
                    opt("period", "periode", false, N, "opt-quiz-period"),
                    opt("sort", "urutan", false, N, "opt-quiz-sort"),
                ],
            ),
            sub(
                "me",
                "saya",
                "cmd-quiz-me",
                &[
                    opt("period", "periode", false, N, "opt-quiz-period"),
                    opt("hide", "sembunyikan", false, N, "opt-quiz-hide"),
                ],
            ),
            sub(
                "report",
                "laporan",
                "cmd-quiz-report",
                &[opt("scope", "cakupan", false, N, "opt-quiz-scope")],
            ),
            sub("review", "ulas", "cmd-quiz-review", &[]),
            sub("info", "info", "cmd-quiz-info", &[]),
            sub(
                "reset",
                "atur-ulang",
                "cmd-quiz-reset",
                &[opt("period", "periode", true, N, "opt-quiz-period")],
            ),
            sub(
                "access",
                "akses",
                "cmd-quiz-access",
                &[
                    opt("who", "siapa", true, N, "opt-quiz-who"),
                    opt("role", "peran", false, N, "opt-quiz-role"),
                ],
            ),
            sub(
                "time",
                "waktu",
                "cmd-quiz-time",
                &[
                    opt("member", "anggota", true, N, "opt-quiz-time-member"),
                    opt("percent", "persen", true, N, "opt-quiz-time-percent"),
                ],
            ),
            sub(
                "settings",
                "pengaturan",
                "cmd-quiz-settings",
                &[
                    opt("boards", "papan", false, N, "opt-quiz-boards"),
                    opt("scoring", "skor", false, N, "opt-quiz-scoring-default"),
                ],
            ),
            sub(
                "practice",
                "latihan",
                "cmd-quiz-practice",
                &[opt(
                    "topic",
                    "topik",
                    false,
                    Suggest::Items(Kind::Concept),
                    "opt-quiz-practice-topic",
                )],
            ),
            sub(
                "insights",
                "wawasan",
                "cmd-quiz-insights",
                &[
                    opt("period", "periode", false, N, "opt-quiz-period"),
                    opt("channel", "kanal", false, N, "opt-quiz-channel"),
                ],
            ),
            sub(
                "assign",
                "tugaskan",
                "cmd-quiz-assign",
                &[
                    opt("due", "tenggat", true, N, "opt-homework-due"),
                    QUIZ_QUESTIONS,
                    QUIZ_TOPIC,
                    QUIZ_SECTION,
                    QUIZ_DIFFICULTY,
                    opt("timezone", "zona-waktu", false, N, "opt-homework-timezone"),
                    opt(
                        "time_limit",
                        "batas-waktu",
                        false,
                        N,
                        "opt-homework-time-limit",
                    ),
                    QUIZ_SOURCE,
                    opt("ping", "sebut", false, N, "opt-homework-ping"),
                    opt("scoring", "skor", false, N, "opt-homework-scoring"),
                ],
            ),
            sub(
                "assignments",
                "daftar-tugas",
                "cmd-quiz-assignments",
                &[
                    opt("action", "tindakan", false, N, "opt-homework-action"),
                    opt("id", "nomor", false, N, "opt-homework-id"),
                    opt("due", "tenggat", false, N, "opt-homework-new-due"),
                    opt("timezone", "zona-waktu", false, N, "opt-homework-timezone"),
                    opt("member", "anggota", false, N, "opt-homework-member"),
                ],
            ),
        ],
    },
    CommandSpec {
        name: "daily",
        name_id: "harian",
        desc: "cmd-daily",
        options: &[],
        subcommands: &[
            sub(
                "setup",
                "atur",
                "cmd-daily-setup",
                &[
                    opt("channel", "kanal", true, N, "opt-daily-channel"),
                    opt("time", "waktu", true, N, "opt-daily-time"),
                    opt("timezone", "zona-waktu", true, N, "opt-daily-timezone"),
                    opt("days", "hari", false, N, "opt-daily-days"),
                    opt("language", "bahasa", false, N, "opt-daily-language"),
                    opt("kind", "jenis", false, N, "opt-daily-kind"),
                    opt("role", "peran", false, N, "opt-daily-role"),
                    opt("thread", "utas", false, N, "opt-daily-thread"),
                    opt("pin", "sematkan", false, N, "opt-daily-pin"),
                    opt("bilingual", "dwibahasa", false, N, "opt-daily-bilingual"),
                ],
            ),
            sub("show", "lihat", "cmd-daily-show", &[]),
            sub(
                "pause",
                "jeda",
                "cmd-daily-pause",
                &[opt("schedule", "jadwal", false, N, "opt-daily-schedule")],
            ),
            sub(
                "resume",
                "lanjutkan",
                "cmd-daily-resume",
                &[opt("schedule", "jadwal", false, N, "opt-daily-schedule")],
            ),
            sub(
                "skip",
                "lewati",
                "cmd-daily-skip",
                &[opt("schedule", "jadwal", false, N, "opt-daily-schedule")],
            ),
            sub(
                "now",
                "sekarang",
                "cmd-daily-now",
                &[opt("schedule", "jadwal", false, N, "opt-daily-schedule")],
            ),
            sub(
                "preview",
                "pratinjau",
                "cmd-daily-preview",
                &[
                    opt("kind", "jenis", false, N, "opt-daily-kind"),
                    opt("language", "bahasa", false, N, "opt-daily-language"),
                ],
            ),
            sub(
                "queue",
                "antrean",
                "cmd-daily-queue",
                &[
                    opt("schedule", "jadwal", false, N, "opt-daily-schedule"),
                    opt("next", "berikutnya", false, N, "opt-daily-next"),
                    opt("priority", "prioritas", false, N, "opt-daily-priority"),
                ],
            ),
            sub(
                "remove",
                "hapus",
                "cmd-daily-remove",
                &[opt("schedule", "jadwal", true, N, "opt-daily-schedule")],
            ),
            sub(
                "staff",
                "staf",
                "cmd-daily-staff",
                &[opt("channel", "kanal", true, N, "opt-daily-staff-channel")],
            ),
            sub(
                "past",
                "arsip",
                "cmd-daily-past",
                &[opt("random", "acak", false, N, "opt-daily-random")],
            ),
            sub(
                "suggest",
                "usul",
                "cmd-daily-suggest",
                &[opt("text", "teks", true, N, "opt-daily-suggest-text")],
            ),
        ],
    },
    CommandSpec {
        name: "privacy",
        name_id: "privasi",
        desc: "cmd-privacy",
        options: &[],
        subcommands: &[],
    },
    CommandSpec {
        name: "language",
        name_id: "bahasa",
        desc: "cmd-language",
        options: &[
            opt("language", "bahasa", false, N, "opt-language"),
            opt("posts", "unggahan", false, N, "opt-language-posts"),
        ],
        subcommands: &[],
    },
    CommandSpec {
        name: "audit",
        name_id: "audit",
        desc: "cmd-audit",
        options: &[],
        subcommands: &[
            sub(
                "set",
                "atur",
                "cmd-audit-set",
                &[opt("channel", "kanal", true, N, "opt-audit-channel")],
            ),
            sub("off", "matikan", "cmd-audit-off", &[]),
        ],
    },
    CommandSpec {
        name: "course",
        name_id: "kursus",
        desc: "cmd-course",
        options: &[],
        subcommands: &[
            sub(
                "hide",
                "sembunyikan",
                "cmd-course-hide",
                &[opt(
                    "item",
                    "butir",
                    true,
                    Suggest::CourseItems,
                    "opt-course-item",
                )],
            ),
            sub(
                "show",
                "tampilkan",
                "cmd-course-show",
                &[opt(
                    "item",
                    "butir",
                    true,
                    Suggest::CourseItems,
                    "opt-course-item",
                )],
            ),
            sub("hidden", "tersembunyi", "cmd-course-hidden", &[]),
            sub(
                "plan",
                "rencana",
                "cmd-course-plan",
                &[
                    opt("start", "mulai", false, N, "opt-course-start"),
                    opt("timezone", "zona_waktu", false, N, "opt-course-timezone"),
                    opt("week", "pekan", false, N, "opt-course-week"),
                    opt("sections", "bagian", false, N, "opt-course-sections"),
                ],
            ),
            sub(
                "add",
                "tambah",
                "cmd-course-add",
                &[
                    opt("kind", "jenis", true, N, "opt-course-kind"),
                    opt("id", "id", false, N, "opt-course-id"),
                    QUIZ_DIFFICULTY,
                ],
            ),
            sub(
                "import",
                "impor",
                "cmd-course-import",
                &[opt("file", "berkas", true, N, "opt-course-file")],
            ),
            sub("export", "ekspor", "cmd-course-export", &[]),
            sub(
                "items",
                "butir-kelas",
                "cmd-course-items",
                &[opt("search", "cari", false, N, "opt-course-search")],
            ),
            sub(
                "delete",
                "hapus",
                "cmd-course-delete",
                &[opt("item", "butir", true, N, "opt-course-own-item")],
            ),
            sub(
                "label",
                "tanda",
                "cmd-course-label",
                &[opt("text", "teks", false, N, "opt-course-label-text")],
            ),
        ],
    },
    CommandSpec {
        name: "responses",
        name_id: "tanggapan",
        desc: "cmd-responses",
        options: &[],
        subcommands: &[
            sub("mine", "milikku", "cmd-responses-mine", &[]),
            sub(
                "review",
                "tinjau",
                "cmd-responses-review",
                &[
                    opt("prompt", "diskusi", false, N, "opt-responses-prompt"),
                    opt("motion", "mosi", false, N, "opt-responses-motion"),
                    opt("channel", "kanal", false, N, "opt-responses-channel"),
                    opt("status", "status", false, N, "opt-responses-status"),
                ],
            ),
            sub(
                "labels",
                "label",
                "cmd-responses-labels",
                &[opt("text", "teks", false, N, "opt-responses-labels-text")],
            ),
            sub(
                "student",
                "siswa",
                "cmd-responses-student",
                &[opt("member", "anggota", true, N, "opt-responses-member")],
            ),
        ],
    },
    CommandSpec {
        name: "lookups",
        name_id: "rujukan",
        desc: "cmd-lookups",
        options: &[],
        subcommands: &[
            sub(
                "settings",
                "pengaturan",
                "cmd-lookups-settings",
                &[
                    opt(
                        "channel_cooldown",
                        "jeda_kanal",
                        false,
                        N,
                        "opt-lookups-channel-cooldown",
                    ),
                    opt(
                        "server_cooldown",
                        "jeda_server",
                        false,
                        N,
                        "opt-lookups-server-cooldown",
                    ),
                    opt(
                        "repeat_minutes",
                        "menit_ulang",
                        false,
                        N,
                        "opt-lookups-repeat-minutes",
                    ),
                    opt("answers", "jawaban", false, N, "opt-lookups-answers"),
                ],
            ),
            sub(
                "channel",
                "kanal",
                "cmd-lookups-channel",
                &[
                    opt("channel", "kanal", true, N, "opt-lookups-channel"),
                    opt("answers", "jawaban", true, N, "opt-lookups-channel-answers"),
                ],
            ),
        ],
    },
    CommandSpec {
        name: "help",
        name_id: "bantuan",
        desc: "cmd-help",
        options: &[opt(
            "command",
            "perintah",
            false,
            Suggest::Commands,
            "opt-help-command",
        )],
        subcommands: &[],
    },
];

/// Finds a command by its English or Indonesian name.
pub fn command(name: &str) -> Option<&'static CommandSpec> {
    let name = name.trim().trim_start_matches('/').to_lowercase();
    COMMANDS
        .iter()
        .find(|c| c.name == name || c.name_id == name)
}

/// Finds a command or subcommand by its path: `quote`, `quiz start`, `kuis mulai`.
pub fn lookup(path: &str) -> Option<&'static CommandSpec> {
    let mut words = path.split_whitespace();
    let mut spec = command(words.next()?)?;
    for w in words {
        spec = spec.subcommand(w)?;
    }
    Some(spec)
}
