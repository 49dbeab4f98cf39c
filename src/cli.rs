//! The command line: `aura check`, `aura preview`; parsing with clap, then a call into the core.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::config::Settings;
use crate::core::Core;
use crate::{pack, preview, telemetry};

#[derive(Debug, Parser)]
#[command(
    name = "aura",
    version,
    about = "A Discord study bot for Benjamin's artwork essay and Adorno's critique"
)]
pub struct Cli {
    /// A settings file laid over config/default.toml.
    #[arg(long, global = true)]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load every study pack and report every problem (file, line, column, item id).
    Check {
        /// The data folder (default: the `data_dir` setting).
        #[arg(long)]
        data: Option<PathBuf>,
    },
    /// Print what the bot would answer to a command, e.g. `aura preview '/concept name:aura'`.
    Preview {
        /// The command as typed in Discord.
        command: String,
        /// The member's Discord locale (`id`, `en-US`, …).
        #[arg(long)]
        locale: Option<String>,
        /// Print the exact interaction-response body Discord would receive.
        #[arg(long)]
        json: bool,
        /// Seed for random picks (`/quote`, `/debate` without options).
        #[arg(long)]
        seed: Option<u64>,
        #[arg(long)]
        data: Option<PathBuf>,
    },
}

pub fn run(cli: Cli) -> ExitCode {
    let settings = match Settings::load(cli.config.as_deref()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("aura: {e}");
            return ExitCode::from(2);
        }
    };
    telemetry::init(&settings.log);
    match cli.command {
        Command::Check { data } => {
            let dir = data.unwrap_or(settings.data_dir.clone());
            match pack::load(&dir) {
                Ok(library) => {
                    for p in &library.packs {
                        println!(
                            "{}: ok — {} sections, {} thinkers, {} concepts, {} quotes ({} verified), {} motions, {} quiz questions ({} generated), {} prompts",
                            p.id,
                            p.sections.len(),
                            p.thinkers.len(),
                            p.concepts.len(),
                            p.quotes.len(),
                            p.quotable().count(),
                            p.motions.len(),
                            p.questions.len(),
                            p.questions.iter().filter(|q| q.generated).count(),
                            p.prompts.len()
                        );
                    }
                    ExitCode::SUCCESS
                }
                Err(report) => {
                    eprintln!("{report}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Preview {
            command,
            locale,
            json,
            seed,
            data,
        } => {
            let dir = data.unwrap_or(settings.data_dir.clone());
            let core = match Core::load(&dir, settings.default_lang()) {
                Ok(c) => c,
                Err(report) => {
                    eprintln!("{report}");
                    return ExitCode::FAILURE;
                }
            };
            let lang = core.lang_for(locale.as_deref());
            match preview::preview(&core, lang, &command, seed.unwrap_or(0), json) {
                Ok(out) => {
                    println!("{out}");
                    ExitCode::SUCCESS
                }
                Err(message) => {
                    eprintln!("aura: {message}");
                    ExitCode::from(2)
                }
            }
        }
    }
}
