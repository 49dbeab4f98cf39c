//! The one start-up path, used by `aura run` and by the end-to-end tests alike: settings →
//! store, core, REST, the features' services; then the gateway, the daily loop and the debate
//! sweep; on shutdown, quiz rounds end and open debates hear that Aura restarts, everything is
//! stored, and the gateway closes, all within Docker's 10-second grace period. Which task
//! stopped, and why, is reported.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{oneshot, watch};

use crate::clock::Clock;
use crate::config::Settings;
use crate::core::Core;
use crate::daily::dispatch::Dispatcher;
use crate::debate::{self};
use crate::discord::{self, Connection};
use crate::ops::metrics::background_failed;
use crate::pack::{self, Report};
use crate::services::{Limits, Pace, Services};
use crate::store::{Store, StoreError};
use crate::{looper, ops, quiz};

/// How often old rows and cooldown entries are pruned.
const PRUNE_EVERY: Duration = Duration::from_secs(3600);

// Stopping fits in Docker's 10-second grace period after SIGTERM (9 s at most, in turn):
/// How long quiz rounds get to end and save, and open debates to hear that Aura restarts.
const SAVE_GRACE: Duration = Duration::from_secs(5);
/// How long a connected gateway gets to close.
const GATEWAY_GRACE: Duration = Duration::from_secs(2);
/// How long background work under way gets to finish (what it leaves is claimed in the
/// store, and resumed at the next start).
const LOOPS_GRACE: Duration = Duration::from_secs(1);
/// How long the store gets to close (checkpointing its log).
const STORE_GRACE: Duration = Duration::from_secs(1);

/// Why Aura could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("{0}\naura: the study pack has problems; the bot does not start.")]
    Pack(Report),
    #[error("{error} ({path})")]
    Store { error: StoreError, path: String },
    #[error("{0}")]
    Settings(String),
}

/// Everything the bot needs, ready to serve.
pub struct Launch {
    pub core: Arc<Core>,
    pub store: Store,
    pub conn: Connection,
    pub pace: Pace,
    pub clock: Clock,
}

impl Launch {
    /// Loads the packs (built in, or a folder) and opens the state database, as the settings
    /// say.
    pub async fn from_settings(
        settings: &Settings,
        packs: &pack::Packs,
        conn: Connection,
    ) -> Result<Launch, StartError> {
        let core = Core::from_packs(packs, settings.default_lang()).map_err(StartError::Pack)?;
        let location = settings
            .database()
            .map_err(|e| StartError::Settings(e.to_string()))?;
        let store = Store::connect(&location)
            .await
            .map_err(|error| StartError::Store {
                error,
                path: location.shown(),
            })?;
        Ok(Launch {
            core: Arc::new(core),
            store,
            conn,
            pace: pace(settings),
            clock: Clock::system(),
        })
    }
}

/// Hands the memory freed since start-up (the pack's parsed files, the migrations, the
/// gateway's READY) back to the system: glibc's allocator would otherwise keep those pages,
/// and they would count in the bot's resident memory for as long as it runs.
#[allow(unsafe_code)]
fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only gives free pages of the allocator's own heaps back to the
    // system; it touches no memory in use.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// The features' pacing from the settings.
pub fn pace(settings: &Settings) -> Pace {
    let secs = |n: u32| Duration::from_secs(u64::from(n));
    Pace {
        quiz: quiz::Tuning {
            read_time: secs(settings.quiz.read_seconds),
            pause: secs(settings.quiz.pause_seconds),
            idle_limit: settings.quiz.idle_questions,
            ..quiz::Tuning::default()
        },
        vote_length: secs(settings.debate.vote_minutes * 60),
        speech_secs: i64::from(settings.debate.speech_seconds),
        speeches: settings.debate.speeches,
        daily_catch_up: (settings.daily.catch_up_hours > 0)
            .then(|| secs(settings.daily.catch_up_hours * 3600)),
        limits: Limits {
            daily_schedules: settings.limits.daily_schedules_per_guild,
            waiting_suggestions: settings.limits.waiting_suggestions_per_guild,
            open_debates_per_guild: settings.limits.open_debates_per_guild,
            open_debates_per_channel: settings.limits.open_debates_per_channel,
            quiz_rounds: settings.limits.quiz_rounds_per_guild,
            open_homework: settings.limits.open_homework_per_guild,
        },
        retention: Duration::from_secs(u64::from(settings.retention.days.max(1)) * 86_400),
        // Checked when the settings were loaded (and the flags read).
        shards: settings.sharding().unwrap_or_default(),
        shard_patience: secs(settings.shard_claim_seconds.clamp(5, 600)),
        ..Pace::default()
    }
}

/// Serves until the gateway ends or `shutdown` resolves (SIGINT, SIGTERM), then stops every
/// task in order and closes the store.
pub async fn serve(
    launch: Launch,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), discord::Error> {
    serve_with(launch, shutdown, None).await
}

/// The gateway's task.
type Gateway = tokio::task::JoinHandle<Result<(), discord::Error>>;
/// How the gateway's task ended.
type GatewayEnd = Result<Result<(), discord::Error>, tokio::task::JoinError>;

/// [`serve`], with the operator's listener (started earlier, before anything slow) looking at
/// this app's gateway, store and rounds until the app stops, and stopped with it.
pub async fn serve_with(
    launch: Launch,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    listener: Option<ops::Listener>,
) -> Result<(), discord::Error> {
    let rest = launch.conn.rest();
    let services = Services::new(
        launch.core,
        launch.store.clone(),
        Arc::new(rest.clone()),
        launch.pace,
    )
    .with_clock(launch.clock);
    if let Some(listener) = &listener {
        listener.attach(ops::Probe {
            gateway: services.gateway.clone(),
            store: services.store.clone(),
            rounds: crate::quiz::live::rooms(&services),
        });
    }
    if let Err(e) = quiz::gradebook::term::keep_sections(&services).await {
        background_failed("cannot bring the essay's sections up to date", &e);
    }
    let (stop_loops, loops_stopped) = watch::channel(false);
    // The shards are this process's alone before anything is done for their servers.
    let holder = format!("{}-{:016x}", std::process::id(), rand::random::<u64>());
    claim_shards(&services, &holder).await?;
    let renewing = renew_shards(&services, &holder, loops_stopped.clone());
    let (close_gateway, gateway_closed) = watch::channel(false);
    let (ready_tx, ready) = oneshot::channel();
    let mut gateway = tokio::spawn(discord::run(
        services.clone(),
        rest,
        launch.conn,
        gateway_closed,
        ready_tx,
    ));
    let Running {
        ended,
        connected,
        loops,
    } = run_until_stopped(&services, &mut gateway, ready, shutdown, loops_stopped).await;
    // Stopped by a signal once connected: open debates hear that Aura restarts.
    let signalled = ended.is_none() && connected;
    let outcome = report_end(ended);
    let _ = stop_loops.send(true);
    end_rounds_and_debates(&services, signalled).await;
    let _ = close_gateway.send(true);
    wait_for_gateway(&mut gateway, connected).await;
    finish_background(loops).await;
    renewing.abort();
    if let Err(e) = launch.store.release_shards(&holder).await {
        tracing::warn!(error = %e, "could not release this process's shards");
    }
    if tokio::time::timeout(STORE_GRACE, launch.store.close())
        .await
        .is_err()
    {
        tracing::warn!("the state did not close in time");
    }
    if let Some(listener) = listener {
        listener.stop().await;
    }
    tracing::info!("state closed");
    outcome
}

/// Claims this process's shards in the database. A claim in the way that is not renewed
/// within the claim's patience was a crashed process's (a restart waits it out); one that is
/// renewed belongs to a running process, and the start is refused, naming it.
async fn claim_shards(s: &Services, holder: &str) -> Result<(), discord::Error> {
    let patience = s.pace.shard_patience;
    let give_up = tokio::time::Instant::now() + patience + Duration::from_secs(1);
    let mut told = false;
    loop {
        let now = crate::clock::unix_now();
        let stale_before = now - patience.as_secs() as i64;
        let claim = s.pace.shards.claimed();
        let held = match s.store.claim_shards(claim, holder, now, stale_before).await {
            Ok(Ok(())) => return Ok(()),
            Ok(Err(held)) => held,
            Err(e) => return Err(format!("cannot claim this process's shards: {e}").into()),
        };
        let (_, _, total) = claim;
        let why = if held.total == total {
            format!(
                "shard {} of {} is held by another running process (renewed {} s ago)",
                held.shard, held.total, held.seconds_ago
            )
        } else {
            format!(
                "another running process counts {} shards, this one {total} (renewed {} s ago)",
                held.total, held.seconds_ago
            )
        };
        if tokio::time::Instant::now() >= give_up {
            return Err(format!(
                "shards: {} overlap: {why}. Give each process its own range of the same \
                 total (`shards`, `total_shards`), or stop the other process.",
                s.pace.shards
            )
            .into());
        }
        if !told {
            tracing::warn!("{why}; waiting up to {patience:?} in case it crashed");
            told = true;
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

/// Renews the claim on this process's shards every third of its patience until stopped.
fn renew_shards(
    s: &Services,
    holder: &str,
    stop: watch::Receiver<bool>,
) -> tokio::task::JoinHandle<()> {
    let (store, holder) = (s.store.clone(), holder.to_string());
    looper::every("shard claim", s.pace.shard_patience / 3, stop, move || {
        let (store, holder) = (store.clone(), holder.clone());
        async move {
            if let Err(e) = store.renew_shards(&holder, crate::clock::unix_now()).await {
                background_failed("cannot renew this process's shards", &e.into());
            }
        }
    })
}

/// How serving ended: the gateway's end (none when a signal came first), whether Discord was
/// ever there, and the background work started once it was.
struct Running {
    ended: Option<GatewayEnd>,
    connected: bool,
    loops: Vec<tokio::task::JoinHandle<()>>,
}

/// Serves until the gateway ends or `shutdown` resolves; background work starts once Discord
/// is there (follow-ups need the application id).
async fn run_until_stopped(
    services: &Services,
    gateway: &mut Gateway,
    ready: oneshot::Receiver<()>,
    shutdown: impl std::future::Future<Output = ()>,
    loops_stopped: watch::Receiver<bool>,
) -> Running {
    tokio::pin!(shutdown);
    let mut loops = Vec::new();
    let mut connected = false;
    let ended = tokio::select! {
        r = ready => {
            if r.is_ok() {
                connected = true;
                loops = background(services, loops_stopped);
                release_freed_memory();
            }
            tokio::select! {
                ended = &mut *gateway => Some(ended),
                _ = &mut shutdown => None,
            }
        }
        ended = &mut *gateway => Some(ended),
        _ = &mut shutdown => None,
    };
    Running {
        ended,
        connected,
        loops,
    }
}

/// Logs why serving ended; the gateway's outcome (a signal is a clean end).
fn report_end(ended: Option<GatewayEnd>) -> Result<(), discord::Error> {
    match ended {
        Some(ended) => {
            let outcome = ended.unwrap_or_else(|e| Err(e.into()));
            match &outcome {
                Ok(()) => tracing::warn!(task = "gateway", "the gateway closed"),
                Err(e) => tracing::error!(task = "gateway", error = %e, "the gateway stopped"),
            }
            outcome
        }
        None => {
            tracing::info!("shutting down: ending quiz rounds, then closing the gateway");
            Ok(())
        }
    }
}

/// Ends the quiz rounds (their answers stored before their notices) and, when `signalled`,
/// tells open debates that Aura restarts, all within [`SAVE_GRACE`].
async fn end_rounds_and_debates(services: &Services, signalled: bool) {
    let debates = async {
        if !signalled {
            return;
        }
        match tokio::time::timeout(SAVE_GRACE, debate::restart::announce(services)).await {
            Ok(Ok(n)) => tracing::info!(debates = n, "open debates told that Aura restarts"),
            Ok(Err(e)) => tracing::warn!(error = %e, "cannot tell open debates that Aura restarts"),
            Err(_) => tracing::warn!("open debates were not all told in time that Aura restarts"),
        }
    };
    let ending = async { tokio::join!(quiz::live::shutdown(services, SAVE_GRACE), debates) };
    if tokio::time::timeout(SAVE_GRACE, ending).await.is_err() {
        tracing::warn!("rounds and debates were not all ended in time");
    }
}

/// Gives the gateway, told to close, its grace, then aborts it.
async fn wait_for_gateway(gateway: &mut Gateway, connected: bool) {
    // A gateway that never connected has nothing to close: serenity may be between two tries
    // of connecting, which it would finish first.
    let grace = if connected {
        GATEWAY_GRACE
    } else {
        Duration::from_millis(200)
    };
    if !gateway.is_finished()
        && let Err(e) = tokio::time::timeout(grace, &mut *gateway).await
    {
        if connected {
            tracing::warn!(error = %e, "the gateway did not close in time");
        }
        gateway.abort();
    }
}

/// Gives the background work under way its grace, then aborts it.
async fn finish_background(mut loops: Vec<tokio::task::JoinHandle<()>>) {
    let finishing = futures::future::join_all(loops.iter_mut());
    if tokio::time::timeout(LOOPS_GRACE, finishing).await.is_err() {
        tracing::warn!("background work did not finish in time; it is resumed at the next start");
        for task in &loops {
            task.abort();
        }
    }
}

/// The work not started by an interaction: the daily loop, the debate sweep and the speeches'
/// clocks, closing due homework, pruning old rows and cooldowns, and ending the rounds a crash
/// left open.
fn background(s: &Services, stop: watch::Receiver<bool>) -> Vec<tokio::task::JoinHandle<()>> {
    let recovering = s.clone();
    tokio::spawn(async move { quiz::recovery::recover(&recovering).await });
    let daily = s.clone();
    let sweep = s.clone();
    let homework = s.clone();
    let prune = s.clone();
    let clock = s.clone();
    let dispatcher = Dispatcher::default();
    vec![
        looper::every("daily posts", s.pace.daily_every, stop.clone(), move || {
            let (s, dispatcher) = (daily.clone(), dispatcher.clone());
            async move {
                dispatcher.round(&s).await;
            }
        }),
        looper::every("pruning", PRUNE_EVERY, stop.clone(), move || {
            let s = prune.clone();
            async move {
                // Old rows belong to no guild: the process holding shard 0 deletes them.
                if !s.pace.shards.holds_first() {
                    return;
                }
                let before = s.clock.unix() - s.pace.retention.as_secs() as i64;
                match s.store.prune(before).await {
                    Ok(gone) if gone.total() > 0 => tracing::info!(?gone, "old rows deleted"),
                    Ok(_) => {}
                    Err(e) => background_failed("cannot delete old rows", &e.into()),
                }
                if let Err(e) = s.store.refresh_statistics().await {
                    background_failed("cannot refresh the planner's statistics", &e.into());
                }
            }
        }),
        looper::every(
            "debate clock",
            s.pace.debate_tick,
            stop.clone(),
            move || {
                let s = clock.clone();
                async move {
                    if let Err(e) = debate::class::clock::tick(&s).await {
                        background_failed("cannot check the speeches' clocks", &e);
                    }
                }
            },
        ),
        looper::every("homework", s.pace.sweep_every, stop.clone(), move || {
            let s = homework.clone();
            async move {
                if let Err(e) = quiz::homework::close::sweep(&s).await {
                    background_failed("cannot close due homework", &e);
                }
                match quiz::recovery::save_unsaved(&s).await {
                    Ok(0) => {}
                    Ok(n) => {
                        tracing::info!(writes = n, "rounds' writes kept during an outage stored")
                    }
                    Err(e) => {
                        background_failed("rounds' writes still wait for the database", &e.into())
                    }
                }
            }
        }),
        looper::every("debate sweep", s.pace.sweep_every, stop, move || {
            let s = sweep.clone();
            async move {
                if let Err(e) = crate::debate::sweep::sweep(&s).await {
                    background_failed("cannot close due debates", &e);
                }
            }
        }),
    ]
}
