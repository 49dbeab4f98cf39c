//! Layered settings: `config/default.toml` (or the copy built into the binary), then an optional
//! local file, then `AURA_*` environment variables. A bad setting names its key.

use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Toml};
use serde::Deserialize;

use crate::pack::Lang;
use crate::shard::Shards;
use crate::store::Location;

/// The defaults as shipped, used when `config/default.toml` is not beside the binary.
const BUILT_IN: &str = include_str!("../config/default.toml");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// A data folder to load the study packs from; unset: the packs built into the binary.
    #[serde(default)]
    pub data_dir: Option<PathBuf>,
    /// Where the operator's HTTP listener (`/healthz`, `/metrics`) listens; unset: off.
    #[serde(default)]
    pub metrics_addr: Option<std::net::SocketAddr>,
    pub state_path: PathBuf,
    /// A PostgreSQL database for state instead of the SQLite file at `state_path`
    /// (`postgres://user:password@host:5432/aura`), for several processes over one database.
    #[serde(default)]
    pub database_url: Option<String>,
    pub default_locale: String,
    /// The shards this process holds (`"0-3"`, or `2`), with `total_shards`; neither: not
    /// sharded across processes.
    #[serde(default)]
    pub shards: Option<ShardRange>,
    #[serde(default)]
    pub total_shards: Option<u32>,
    /// How long a process's claim on its shards stands without being renewed (a crashed
    /// process's is free after this); a start finding its shards held waits this long.
    pub shard_claim_seconds: u32,
    pub log: LogSettings,
    pub discord: DiscordSettings,
    pub debate: DebateSettings,
    pub daily: DailySettings,
    pub quiz: QuizSettings,
    pub limits: LimitSettings,
    pub retention: RetentionSettings,
}

/// A shard range as written: `"0-3"`, `"2"`, or a bare number (`AURA_SHARDS=2`).
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(untagged)]
pub enum ShardRange {
    Text(String),
    One(u32),
}

impl ShardRange {
    pub fn text(&self) -> String {
        match self {
            ShardRange::Text(t) => t.clone(),
            ShardRange::One(n) => n.to_string(),
        }
    }
}

/// What one server may have at once (each server gets its fair share of Aura).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitSettings {
    pub daily_schedules_per_guild: u32,
    pub waiting_suggestions_per_guild: u32,
    pub open_debates_per_guild: u32,
    pub open_debates_per_channel: u32,
    pub quiz_rounds_per_guild: u32,
    pub open_homework_per_guild: u32,
}

/// How long old rows are kept.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetentionSettings {
    /// Days quiz answers, debate votes and stored interaction tokens are kept (at least 1).
    pub days: u32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizSettings {
    /// Seconds a question is shown before its answers open.
    pub read_seconds: u32,
    /// Seconds between a reveal and the next question (auto mode).
    pub pause_seconds: u32,
    /// Questions in a row without any answer before a round stops by itself (0: never).
    pub idle_questions: u32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DailySettings {
    /// How long after its time a missed post is still sent, in hours; 0: until that local
    /// day ends.
    pub catch_up_hours: u32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DebateSettings {
    pub vote_minutes: u32,
    /// A class debate's speech length by default.
    pub speech_seconds: u32,
    /// Speeches in a class debate: 6, or 4 (openings and closings) or 2 (openings).
    pub speeches: u32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiscordSettings {
    pub register_on_start: RegisterMode,
    pub guild_id: u64,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum RegisterMode {
    Off,
    Global,
    Guild,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogSettings {
    pub format: LogFormat,
    pub filter: String,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Pretty,
    Json,
}

/// A setting that could not be used, with the key it concerns.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("setting `{key}`: {message}")]
    Invalid { key: String, message: String },
    #[error("config file {0} does not exist")]
    Missing(PathBuf),
}

impl Settings {
    /// Loads the layers; `local` is the file named on the command line.
    pub fn load(local: Option<&Path>) -> Result<Settings, ConfigError> {
        let defaults = Path::new("config/default.toml");
        let mut figment = if defaults.exists() {
            Figment::from(Toml::file(defaults))
        } else {
            Figment::from(Toml::string(BUILT_IN))
        };
        if let Some(local) = local {
            if !local.exists() {
                return Err(ConfigError::Missing(local.to_path_buf()));
            }
            figment = figment.merge(Toml::file(local));
        }
        figment = figment.merge(Env::prefixed("AURA_").split("__"));
        let settings: Settings = figment.extract().map_err(|e| {
            let key = if e.path.is_empty() {
                match &e.kind {
                    figment::error::Kind::MissingField(f) => f.to_string(),
                    figment::error::Kind::UnknownField(f, _) => f.clone(),
                    _ => "(file)".into(),
                }
            } else {
                e.path.join(".")
            };
            ConfigError::Invalid {
                key,
                message: e.kind.to_string(),
            }
        })?;
        settings.validate()?;
        Ok(settings)
    }

    /// Where the state lives: the PostgreSQL database of `database_url`, else the SQLite file at
    /// `state_path`.
    pub fn database(&self) -> Result<Location, ConfigError> {
        match self.database_url.as_deref().map(str::trim) {
            None | Some("") => Ok(Location::File(self.state_path.clone())),
            Some(url) if url.starts_with("postgres://") || url.starts_with("postgresql://") => {
                Ok(Location::Postgres(url.to_string()))
            }
            Some(url) if url.starts_with("sqlite://") => Ok(Location::File(PathBuf::from(
                url.trim_start_matches("sqlite://"),
            ))),
            Some(_) => Err(ConfigError::Invalid {
                key: "database_url".into(),
                message: "use a postgres://user:password@host:port/database URL, or leave it \
                          unset for the SQLite file at `state_path`"
                    .into(),
            }),
        }
    }

    fn validate(&self) -> Result<(), ConfigError> {
        self.database()?;
        if Lang::parse(&self.default_locale).is_none() {
            return Err(ConfigError::Invalid {
                key: "default_locale".into(),
                message: format!(
                    "`{}` is not a language Aura speaks; use \"en\" or \"id\"",
                    self.default_locale
                ),
            });
        }
        if !(1..=180).contains(&self.debate.vote_minutes) {
            return Err(ConfigError::Invalid {
                key: "debate.vote_minutes".into(),
                message: format!(
                    "{} is out of range: use 1–180 (a vote lasts a lesson at most)",
                    self.debate.vote_minutes
                ),
            });
        }
        if !(30..=900).contains(&self.debate.speech_seconds) {
            return Err(ConfigError::Invalid {
                key: "debate.speech_seconds".into(),
                message: format!(
                    "{} is out of range: use 30–900 (30 seconds to 15 minutes)",
                    self.debate.speech_seconds
                ),
            });
        }
        if ![2, 4, 6].contains(&self.debate.speeches) {
            return Err(ConfigError::Invalid {
                key: "debate.speeches".into(),
                message: format!(
                    "{} is not a debate order: use 6 (all), 4 (openings and closings) or 2 (openings)",
                    self.debate.speeches
                ),
            });
        }
        for (key, value, max) in [
            ("quiz.read_seconds", self.quiz.read_seconds, 30),
            ("quiz.pause_seconds", self.quiz.pause_seconds, 60),
            ("quiz.idle_questions", self.quiz.idle_questions, 20),
        ] {
            if value > max {
                return Err(ConfigError::Invalid {
                    key: key.into(),
                    message: format!("{value} is out of range: use 0–{max}"),
                });
            }
        }
        if self.daily.catch_up_hours > 24 {
            return Err(ConfigError::Invalid {
                key: "daily.catch_up_hours".into(),
                message: format!(
                    "{} is out of range: use 0 (until the local day ends) to 24",
                    self.daily.catch_up_hours
                ),
            });
        }
        if self.discord.register_on_start == RegisterMode::Guild && self.discord.guild_id == 0 {
            return Err(ConfigError::Invalid {
                key: "discord.guild_id".into(),
                message: "register_on_start = \"guild\" needs the id of the server".into(),
            });
        }
        self.sharding()?;
        if tracing_subscriber::EnvFilter::try_new(&self.log.filter).is_err() {
            return Err(ConfigError::Invalid {
                key: "log.filter".into(),
                message: format!("`{}` is not a valid log filter", self.log.filter),
            });
        }
        Ok(())
    }

    /// The packs to load: `--data` when given, else the `data_dir` setting, else the packs
    /// built into the binary.
    pub fn packs(&self, data: Option<PathBuf>) -> crate::pack::Packs {
        crate::pack::Packs::from_option(data.or_else(|| self.data_dir.clone()))
    }

    /// The shards this process holds, as the settings say (`shards`, `total_shards`).
    pub fn sharding(&self) -> Result<Shards, ConfigError> {
        let range = self.shards.as_ref().map(ShardRange::text);
        Shards::from_parts(range.as_deref(), self.total_shards).map_err(|e| ConfigError::Invalid {
            key: if e.about_range() {
                "shards"
            } else {
                "total_shards"
            }
            .into(),
            message: e.to_string(),
        })
    }

    pub fn default_lang(&self) -> Lang {
        Lang::parse(&self.default_locale).unwrap_or(Lang::En)
    }
}

#[cfg(test)]
#[allow(clippy::result_large_err)] // figment's Jail decides the closure's error type.
mod tests {
    use super::*;
    use figment::Jail;

    #[test]
    fn defaults_load_and_environment_overrides_them() {
        Jail::expect_with(|jail| {
            let s = Settings::load(None).map_err(|e| e.to_string())?;
            assert_eq!(s.default_lang(), Lang::En);
            assert_eq!(s.log.format, LogFormat::Pretty);
            assert_eq!(s.limits.daily_schedules_per_guild, 10);
            assert_eq!(s.retention.days, 180);
            assert_eq!(s.data_dir, None);
            assert_eq!(s.metrics_addr, None);
            assert_eq!(s.packs(None), crate::pack::Packs::Embedded);
            jail.set_env("AURA_DATA_DIR", "packs");
            jail.set_env("AURA_METRICS_ADDR", "127.0.0.1:9100");
            let s = Settings::load(None).map_err(|e| e.to_string())?;
            assert_eq!(
                s.packs(None),
                crate::pack::Packs::Folder(PathBuf::from("packs"))
            );
            assert_eq!(
                s.packs(Some(PathBuf::from("elsewhere"))),
                crate::pack::Packs::Folder(PathBuf::from("elsewhere"))
            );
            assert_eq!(s.metrics_addr, Some(([127, 0, 0, 1], 9100).into()));
            jail.set_env("AURA_DEFAULT_LOCALE", "id");
            jail.set_env("AURA_LOG__FORMAT", "json");
            let s = Settings::load(None).map_err(|e| e.to_string())?;
            assert_eq!(s.default_lang(), Lang::Id);
            assert_eq!(s.log.format, LogFormat::Json);
            assert_eq!(s.sharding().map_err(|e| e.to_string())?, Shards::All);
            // A bare number and a range, from the environment.
            jail.set_env("AURA_SHARDS", "2");
            jail.set_env("AURA_TOTAL_SHARDS", "4");
            let s = Settings::load(None).map_err(|e| e.to_string())?;
            assert_eq!(
                s.sharding().map_err(|e| e.to_string())?,
                Shards::Range {
                    first: 2,
                    last: 2,
                    total: 4
                }
            );
            jail.set_env("AURA_SHARDS", "0-3");
            jail.set_env("AURA_TOTAL_SHARDS", "16");
            let s = Settings::load(None).map_err(|e| e.to_string())?;
            assert_eq!(
                s.sharding().map_err(|e| e.to_string())?,
                Shards::Range {
                    first: 0,
                    last: 3,
                    total: 16
                }
            );
            Ok(())
        });
    }

    #[test]
    fn bad_values_name_their_key() {
        Jail::expect_with(|jail| {
            jail.set_env("AURA_DEFAULT_LOCALE", "fr");
            let err = Settings::load(None).unwrap_err().to_string();
            assert!(err.contains("default_locale"), "{err}");
            jail.set_env("AURA_DEFAULT_LOCALE", "id");
            jail.set_env("AURA_LOG__FORMAT", "xml");
            let err = Settings::load(None).unwrap_err().to_string();
            assert!(err.contains("log.format"), "{err}");
            jail.set_env("AURA_LOG__FORMAT", "json");
            jail.set_env("AURA_SHARDS", "0-3");
            let err = Settings::load(None).unwrap_err().to_string();
            assert!(err.contains("total_shards"), "{err}");
            jail.set_env("AURA_TOTAL_SHARDS", "2");
            let err = Settings::load(None).unwrap_err().to_string();
            assert!(err.contains("`shards`") && err.contains("0 to 1"), "{err}");
            jail.set_env("AURA_TOTAL_SHARDS", "0");
            jail.set_env("AURA_SHARDS", "0");
            let err = Settings::load(None).unwrap_err().to_string();
            assert!(err.contains("total_shards"), "{err}");
            jail.create_file("local.toml", "colour = 3")?;
            jail.clear_env();
            let err = Settings::load(Some(Path::new("local.toml")))
                .unwrap_err()
                .to_string();
            assert!(err.contains("colour"), "{err}");
            Ok(())
        });
    }
}
