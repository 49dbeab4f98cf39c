//! The command line: `aura run`, `register`, `check`, `preview`, `health`; parsing with clap,
//! then a call into the start-up path ([`crate::app`]), the core or the operator's view.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::config::{RegisterMode, Settings};
use crate::core::Core;
use crate::discord::{self, Connection, Registration, Token};
use crate::pack::Packs;
use crate::{app, ops, preview, telemetry};

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
    /// What to do; without one, Aura runs the bot.
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Connect to Discord and answer (the default). Needs DISCORD_TOKEN.
    Run {
        /// A data folder to load the study packs from (default: the `data_dir` setting, else
        /// the packs built into aura).
        #[arg(long)]
        data: Option<PathBuf>,
        /// The shards this process holds, `0-3` or `2` (with --total-shards); without them,
        /// the `shards` setting, or one process for everything.
        #[arg(long, value_name = "RANGE")]
        shards: Option<String>,
        /// How many shards the bot has in all processes together.
        #[arg(long, value_name = "N")]
        total_shards: Option<u32>,
    },
    /// Register the slash commands with Discord (bulk overwrite: safe to repeat).
    Register {
        /// Register in one server only (shows at once) instead of globally.
        #[arg(long)]
        guild: Option<u64>,
    },
    /// Load every study pack and report every problem (file, line, column, item id).
    Check {
        /// A data folder to check (default: the `data_dir` setting, else the packs built into
        /// aura).
        #[arg(long)]
        data: Option<PathBuf>,
    },
    /// Ask a running Aura's `/healthz` (for a container's health check): exit 0 when it is
    /// healthy, 1 otherwise.
    Health {
        /// Where Aura's listener is (default: the `metrics_addr` setting).
        #[arg(long)]
        addr: Option<std::net::SocketAddr>,
    },
    /// Print what the bot would answer to a command, e.g. `aura preview '/concept name:aura'`;
    /// with `--out DIR`, also write the pictures (charts) it carries into DIR.
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
        /// A data folder to answer from (default: the `data_dir` setting, else the packs built
        /// into aura).
        #[arg(long)]
        data: Option<PathBuf>,
        /// Write every picture the answer carries (charts, as PNG) into this folder, e.g.
        /// `aura preview '/quiz leaderboard' --out charts/`. Without a database, `/quiz
        /// leaderboard` and `/quiz reveal` answer with a small sample class.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
}

/// What a subcommand has to say and how it ends. Only [`run`] prints: the standard output's
/// lines first, then the standard error's, then Aura exits with `code`.
struct Outcome {
    out: Vec<String>,
    err: Vec<String>,
    code: ExitCode,
}

impl Outcome {
    /// A success that prints `out` on standard output.
    fn success(out: Vec<String>) -> Outcome {
        Outcome {
            out,
            err: vec![],
            code: ExitCode::SUCCESS,
        }
    }

    /// A failure (exit 1) that says `message` on standard error.
    fn failure(message: String) -> Outcome {
        Outcome {
            out: vec![],
            err: vec![message],
            code: ExitCode::FAILURE,
        }
    }

    /// A refusal of what was asked (a bad setting, flag, environment or command: exit 2) that
    /// says `message` on standard error.
    fn refusal(message: String) -> Outcome {
        Outcome {
            out: vec![],
            err: vec![message],
            code: ExitCode::from(2),
        }
    }

    fn print(self) -> ExitCode {
        for line in &self.out {
            say(line);
        }
        for line in &self.err {
            eprintln!("{line}");
        }
        self.code
    }
}

pub fn run(cli: Cli) -> ExitCode {
    let settings = match Settings::load(cli.config.as_deref()) {
        Ok(s) => s,
        Err(e) => return Outcome::refusal(format!("aura: {e}")).print(),
    };
    telemetry::init(&settings.log);
    let default = Command::Run {
        data: None,
        shards: None,
        total_shards: None,
    };
    let outcome = match cli.command.unwrap_or(default) {
        Command::Run {
            data,
            shards,
            total_shards,
        } => run_bot(settings, data, shards, total_shards),
        Command::Register { guild } => register(&settings, guild),
        Command::Check { data } => check(&settings, data),
        Command::Health { addr } => health(&settings, addr),
        Command::Preview {
            command,
            locale,
            json,
            seed,
            data,
            out,
        } => preview_answer(
            &settings,
            &command,
            locale.as_deref(),
            json,
            seed,
            data,
            out.as_deref(),
        ),
    };
    outcome.print()
}

/// `aura run`: connects to Discord and answers until a signal stops it.
fn run_bot(
    mut settings: Settings,
    data: Option<PathBuf>,
    shards: Option<String>,
    total_shards: Option<u32>,
) -> Outcome {
    if let Err(message) = shard_flags(&mut settings, shards, total_shards) {
        return Outcome::refusal(format!("aura: {message}"));
    }
    let conn = match connection(&settings) {
        Ok(conn) => conn,
        Err(message) => return Outcome::refusal(message),
    };
    let packs = settings.packs(data);
    block_on(launch_and_serve(settings, packs, conn))
}

/// Starts the operator's listener, launches the bot and serves until a signal; a signal during
/// start-up is a clean stop.
async fn launch_and_serve(settings: Settings, packs: Packs, conn: Connection) -> Outcome {
    // Listening from the first moment: a stop during start-up is a clean stop.
    let mut stop = Box::pin(Signals::listen().received());
    // The operator's listener comes next, before anything slow: `/healthz` says "starting"
    // until the bot is up.
    let listener = match settings.metrics_addr {
        Some(addr) => match ops::Listener::start(addr).await {
            Ok(listener) => Some(listener),
            Err(e) => return Outcome::failure(format!("aura: metrics_addr: {e}")),
        },
        None => None,
    };
    let launching = app::Launch::from_settings(&settings, &packs, conn);
    let launched = tokio::select! {
        launched = launching => launched,
        _ = &mut stop => {
            tracing::info!("stopped during start-up");
            return Outcome::success(vec![]);
        }
    };
    let launch = match launched {
        Ok(launch) => launch,
        Err(e @ app::StartError::Pack(_)) => return Outcome::failure(e.to_string()),
        Err(e) => return Outcome::failure(format!("aura: {e}")),
    };
    match app::serve_with(launch, stop, listener).await {
        Ok(()) => Outcome::success(vec![]),
        Err(e) => Outcome::failure(format!("aura: {e}")),
    }
}

/// `aura register`: the slash commands, globally or in one server.
fn register(settings: &Settings, guild: Option<u64>) -> Outcome {
    let conn = match connection(settings) {
        Ok(conn) => conn,
        Err(message) => return Outcome::refusal(message),
    };
    let target = guild
        .map(Registration::Guild)
        .unwrap_or(Registration::Global);
    block_on(async move {
        match discord::register(&conn, target).await {
            Ok(n) => Outcome::success(vec![format!("registered {n} commands ({target:?})")]),
            Err(e) => Outcome::failure(format!("aura: registering failed: {e}")),
        }
    })
}

/// `aura check`: loads every pack and says what each holds, or every problem found.
fn check(settings: &Settings, data: Option<PathBuf>) -> Outcome {
    let packs = settings.packs(data);
    let library = match packs.load() {
        Ok(library) => library,
        Err(report) => return Outcome::failure(format!("aura: checking {packs}\n{report}")),
    };
    let mut out = vec![format!("checking {packs}")];
    out.extend(library.packs.iter().map(|p| {
        format!(
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
        )
    }));
    Outcome::success(out)
}

/// `aura health`: asks a running Aura's `/healthz`.
fn health(settings: &Settings, addr: Option<std::net::SocketAddr>) -> Outcome {
    let Some(addr) = addr.or(settings.metrics_addr) else {
        return Outcome::failure(
            "aura: no address to ask: set metrics_addr (AURA_METRICS_ADDR) or --addr".into(),
        );
    };
    block_on(async move {
        match ops::probe(addr).await {
            Ok(answer) => Outcome::success(vec![answer]),
            Err(reason) => Outcome::failure(format!("aura: unhealthy: {reason}")),
        }
    })
}

/// `aura preview`: the answer to a command, and with `out` the pictures it carries, written
/// there (each file written is named on standard error).
fn preview_answer(
    settings: &Settings,
    command: &str,
    locale: Option<&str>,
    json: bool,
    seed: Option<u64>,
    data: Option<PathBuf>,
    out: Option<&Path>,
) -> Outcome {
    let packs = settings.packs(data);
    let core = match Core::from_packs(&packs, settings.default_lang()) {
        Ok(c) => c,
        Err(report) => return Outcome::failure(format!("aura: loading {packs}\n{report}")),
    };
    let lang = core.lang_for(locale);
    let seed = seed.unwrap_or(0);
    let answered = match out {
        Some(dir) => preview::preview_to(&core, lang, command, seed, json, dir),
        None => preview::preview(&core, lang, command, seed, json).map(|t| (t, vec![])),
    };
    match answered {
        Ok((text, written)) => Outcome {
            err: written
                .iter()
                .map(|path| format!("aura: wrote {}", path.display()))
                .collect(),
            ..Outcome::success(vec![text])
        },
        Err(message) => Outcome::refusal(format!("aura: {message}")),
    }
}

/// `--shards` and `--total-shards`, given together, replace the settings' `shards` and
/// `total_shards`; a bad value names its flag.
fn shard_flags(
    settings: &mut Settings,
    shards: Option<String>,
    total: Option<u32>,
) -> Result<(), String> {
    if shards.is_none() && total.is_none() {
        return Ok(());
    }
    if let Err(e) = crate::shard::Shards::from_parts(shards.as_deref(), total) {
        let flag = if e.about_range() {
            "--shards"
        } else {
            "--total-shards"
        };
        return Err(format!("{flag}: {e}"));
    }
    settings.shards = shards.map(crate::config::ShardRange::Text);
    settings.total_shards = total;
    Ok(())
}

/// The connection settings from the environment: `DISCORD_TOKEN` (required) and
/// `DISCORD_API_URL` (optional: a proxy or a fake Discord); or what to say when they are
/// missing or wrong.
fn connection(settings: &Settings) -> Result<Connection, String> {
    let token = std::env::var("DISCORD_TOKEN")
        .ok()
        .filter(|t| !t.trim().is_empty());
    let Some(token) = token else {
        return Err("aura: DISCORD_TOKEN is not set.\n\
             Create an application at https://discord.com/developers/applications, add a bot,\n\
             copy its token and run: DISCORD_TOKEN=... aura run\n\
             To see Aura's answers without Discord: aura preview '/concept name:aura'"
            .to_string());
    };
    let register = match settings.discord.register_on_start {
        RegisterMode::Off => None,
        RegisterMode::Global => Some(Registration::Global),
        RegisterMode::Guild => Some(Registration::Guild(settings.discord.guild_id)),
    };
    let api_url = std::env::var("DISCORD_API_URL")
        .ok()
        .filter(|u| !u.trim().is_empty())
        .map(|u| check_api_url(&u))
        .transpose()
        .map_err(|message| format!("aura: DISCORD_API_URL: {message}"))?;
    if let Some(url) = &api_url {
        tracing::warn!(
            url = %url,
            "DISCORD_API_URL is set: serenity's rate limiter is off, so whatever answers there \
             must do Discord's rate limiting"
        );
    }
    Ok(Connection {
        token: Token::new(token),
        api_url,
        register,
        patience: discord::Patience::default(),
    })
}

/// `DISCORD_API_URL` as Aura accepts it: `https`, or `http` on loopback only (127.0.0.0/8,
/// ::1, localhost), since the bot token travels with every call.
pub fn check_api_url(raw: &str) -> Result<String, String> {
    let raw = raw.trim();
    let url = reqwest::Url::parse(raw).map_err(|e| {
        format!("`{raw}` is not a URL ({e}); use https://… (or http:// on loopback)")
    })?;
    let host = url.host_str().unwrap_or("");
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let loopback = host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback());
    match url.scheme() {
        "https" if !host.is_empty() => Ok(raw.to_string()),
        "http" if loopback => Ok(raw.to_string()),
        "http" => Err(format!(
            "`{raw}` uses http on a host that is not this machine; use https (http is only \
             accepted on loopback: 127.0.0.1, ::1, localhost)"
        )),
        _ => Err(format!(
            "`{raw}` must start with https:// (or http:// on loopback: 127.0.0.1, ::1, localhost)"
        )),
    }
}

/// Prints a line on standard output. A reader that has gone (`aura preview … | head`) is not
/// an error: what it did not want is simply not printed.
fn say(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if let Err(e) = writeln!(out, "{text}").and_then(|()| out.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("aura: cannot write the output: {e}");
    }
}

/// Runs a subcommand's future to its outcome on a runtime of one thread.
fn block_on(future: impl std::future::Future<Output = Outcome>) -> Outcome {
    // One thread runs every task. An interaction costs a fraction of a millisecond, so more
    // workers only add wake-ups between threads and memory (see benches/e2e_latency.rs).
    match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt.block_on(future),
        Err(e) => Outcome::failure(format!("aura: cannot start the async runtime: {e}")),
    }
}

/// SIGINT (Ctrl-C) and SIGTERM, caught from the moment [`Signals::listen`] is called (a signal
/// that arrives before anyone waits is kept, not lost or left to end the process).
pub struct Signals {
    #[cfg(unix)]
    term: Option<tokio::signal::unix::Signal>,
    #[cfg(unix)]
    int: Option<tokio::signal::unix::Signal>,
}

impl Signals {
    /// Starts listening; needs a running Tokio runtime.
    pub fn listen() -> Signals {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            let listen = |kind: SignalKind, name: &str| match signal(kind) {
                Ok(s) => Some(s),
                Err(e) => {
                    tracing::warn!(signal = name, error = %e, "cannot listen for a signal");
                    None
                }
            };
            Signals {
                term: listen(SignalKind::terminate(), "SIGTERM"),
                int: listen(SignalKind::interrupt(), "SIGINT"),
            }
        }
        #[cfg(not(unix))]
        Signals {}
    }

    /// Resolves when either signal has arrived.
    pub async fn received(self) {
        #[cfg(unix)]
        {
            async fn one(s: Option<tokio::signal::unix::Signal>) {
                match s {
                    Some(mut s) => {
                        s.recv().await;
                    }
                    None => std::future::pending::<()>().await,
                }
            }
            tokio::select! {
                _ = one(self.term) => tracing::info!("SIGTERM received"),
                _ = one(self.int) => tracing::info!("SIGINT received"),
            }
        }
        #[cfg(not(unix))]
        {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::check_api_url;

    #[test]
    fn the_api_url_is_https_or_http_on_loopback() {
        for ok in [
            "https://discord.com",
            "https://proxy.example.org:8443/",
            "http://127.0.0.1:3000",
            "http://127.4.5.6",
            "http://[::1]:8080",
            "http://localhost:9000",
            "http://LOCALHOST",
        ] {
            assert!(check_api_url(ok).is_ok(), "{ok}");
        }
        for bad in [
            "http://example.com",
            "http://10.0.0.2:3000",
            "http://[::2]",
            "http://localhost.example.com",
            "ftp://127.0.0.1",
            "ws://127.0.0.1",
            "discord.com",
        ] {
            let err = check_api_url(bad).expect_err(bad);
            assert!(err.contains("https"), "{bad}: {err}");
        }
    }
}
