//! `/daily` as plain functions: staff set up and steer schedules (Manage Server, checked here
//! whatever the server's command settings say), anyone looks at the archive or a sample post,
//! and members suggest prompts ([`super::suggestions`]).

use jiff::Timestamp;
use rand::seq::SliceRandom;

use super::deck::Priority;
use super::runner::{self, Posted, Runner};
use super::{DailySchedule, Deck, PostKind, SUGGESTION, Schedule, ScheduleError, suggestions};
use crate::audit::{self, Action};
use crate::core::Core;
use crate::i18n::{t, tr};
use crate::interaction::{Invocation, Outcome};
use crate::outbox::permissions;
use crate::pack::Lang;
use crate::reply::{Accent, Reply};
use crate::services::{Error, Services};
use crate::text::{normalize, truncate};

pub use super::deck::LOW_WATER;

/// `/daily setup`'s options.
#[derive(Debug, Clone, Default)]
pub struct SetupArgs {
    pub channel: u64,
    pub time: String,
    pub timezone: String,
    pub days: Option<String>,
    pub language: Option<Lang>,
    pub kind: Option<PostKind>,
    pub role: Option<u64>,
    pub thread: Option<bool>,
    pub pin: Option<bool>,
    /// Both languages side by side.
    pub bilingual: Option<bool>,
}

/// A `/daily` subcommand with its typed options; `schedule` names one of the server's
/// schedules (optional when it has only one).
#[derive(Debug, Clone)]
pub enum DailyCommand {
    Setup(SetupArgs),
    Show,
    Pause {
        schedule: Option<i64>,
    },
    Resume {
        schedule: Option<i64>,
    },
    Skip {
        schedule: Option<i64>,
    },
    Now {
        schedule: Option<i64>,
    },
    Preview {
        kind: Option<PostKind>,
        language: Option<Lang>,
    },
    Queue {
        schedule: Option<i64>,
        next: Option<String>,
        /// Where `next` goes in the queue (default: first of all).
        priority: Option<Priority>,
    },
    Remove {
        schedule: i64,
    },
    Staff {
        channel: u64,
    },
    Past {
        random: bool,
    },
    Suggest {
        text: String,
    },
}

impl DailyCommand {
    /// The subcommand's English name.
    pub fn name(&self) -> &'static str {
        match self {
            DailyCommand::Setup(_) => "setup",
            DailyCommand::Show => "show",
            DailyCommand::Pause { .. } => "pause",
            DailyCommand::Resume { .. } => "resume",
            DailyCommand::Skip { .. } => "skip",
            DailyCommand::Now { .. } => "now",
            DailyCommand::Preview { .. } => "preview",
            DailyCommand::Queue { .. } => "queue",
            DailyCommand::Remove { .. } => "remove",
            DailyCommand::Staff { .. } => "staff",
            DailyCommand::Past { .. } => "past",
            DailyCommand::Suggest { .. } => "suggest",
        }
    }

    /// Whether the answer needs Discord calls first (so the adapter defers at once), and is
    /// private.
    pub fn is_slow(&self) -> bool {
        matches!(
            self,
            DailyCommand::Show | DailyCommand::Now { .. } | DailyCommand::Suggest { .. }
        )
    }

    fn schedule(&self) -> Option<i64> {
        match self {
            DailyCommand::Pause { schedule }
            | DailyCommand::Resume { schedule }
            | DailyCommand::Skip { schedule }
            | DailyCommand::Now { schedule }
            | DailyCommand::Queue { schedule, .. } => *schedule,
            DailyCommand::Remove { schedule } => Some(*schedule),
            _ => None,
        }
    }
}

/// Finds the schedule a staff command means: the one named, or the server's only one;
/// otherwise the key of the notice that explains why not.
fn pick(schedules: &[DailySchedule], named: Option<i64>) -> Result<&DailySchedule, &'static str> {
    match named {
        Some(id) => schedules
            .iter()
            .find(|s| s.id == id)
            .ok_or("daily-no-such-schedule"),
        None if schedules.len() == 1 => Ok(&schedules[0]),
        None if schedules.is_empty() => Err("daily-none"),
        None => Err("daily-which"),
    }
}

/// Every `/daily` subcommand.
pub async fn command(s: &Services, inv: &Invocation, cmd: DailyCommand) -> Result<Outcome, Error> {
    Ok(Outcome::Reply(reply(s, inv, cmd).await?))
}

async fn reply(s: &Services, inv: &Invocation, cmd: DailyCommand) -> Result<Reply, Error> {
    let (core, lang) = (&s.core, inv.lang);
    let Some(guild) = inv.guild else {
        let path = crate::catalog::path_in(&format!("daily {}", cmd.name()), lang);
        return Ok(Reply::notice(tr(
            lang,
            "error-server-only",
            &[("command", &path)],
        )));
    };
    match &cmd {
        DailyCommand::Suggest { text } => return suggestions::suggest(s, inv, guild, text).await,
        DailyCommand::Past { random } => return past(s, guild, lang, *random).await,
        DailyCommand::Preview { kind, language } => {
            let mut rng = rand::thread_rng();
            let kind = kind.unwrap_or(PostKind::Prompt);
            let post_lang = language.unwrap_or(lang);
            return Ok(crate::daily::view::preview(
                core, lang, kind, post_lang, &mut rng,
            ));
        }
        _ => {}
    }
    // Staff only, whatever the server's command settings say.
    if !inv.is_staff() {
        return Ok(Reply::no_permission(lang));
    }
    let store = &s.store;
    let schedules = store.schedules(Some(guild)).await?;
    let chosen = cmd.schedule();
    let reply = match cmd {
        DailyCommand::Setup(args) => setup(s, (inv, guild), args).await?,
        DailyCommand::Staff { channel } => {
            store.set_staff_channel(guild, channel).await?;
            Reply::private(tr(
                lang,
                "daily-staff-set",
                &[("channel", &format!("<#{channel}>"))],
            ))
        }
        DailyCommand::Show => show(s, guild, &schedules, lang).await,
        cmd => match pick(&schedules, chosen) {
            Err(key) => Reply::notice(t(lang, key)),
            Ok(sc) => {
                let id = sc.id as usize;
                let record = |action: Action| audit::record(s, guild, inv.user, action);
                match cmd {
                    DailyCommand::Pause { .. } => {
                        store.set_paused(sc.id, Some("paused by staff")).await?;
                        record(Action::SchedulePaused { schedule: sc.id }).await;
                        Reply::private(tr(lang, "daily-paused", &[("id", &id)]))
                    }
                    DailyCommand::Resume { .. } => {
                        store.set_paused(sc.id, None).await?;
                        record(Action::ScheduleResumed { schedule: sc.id }).await;
                        Reply::private(tr(lang, "daily-resumed", &[("id", &id)]))
                    }
                    DailyCommand::Remove { .. } => {
                        store.remove_schedule(sc.id).await?;
                        record(Action::ScheduleRemoved { schedule: sc.id }).await;
                        Reply::private(tr(lang, "daily-removed", &[("id", &id)]))
                    }
                    DailyCommand::Skip { .. } => match next_post(sc, s.clock.now()) {
                        Some((date, ts)) => {
                            store.set_skip_date(sc.id, Some(&date)).await?;
                            record(Action::ScheduleSkipped { schedule: sc.id }).await;
                            let when = format!("<t:{}:F>", ts.as_second());
                            Reply::private(tr(lang, "daily-skipped", &[("when", &when)]))
                        }
                        None => Reply::notice(t(lang, "daily-none")),
                    },
                    DailyCommand::Now { .. } => now(s, sc, lang).await,
                    DailyCommand::Queue { next, priority, .. } => {
                        let asked = next.as_deref().map(|n| (n, priority.unwrap_or_default()));
                        queue(core, store, sc, lang, asked).await?
                    }
                    _ => Reply::notice(t(lang, "error-stale-button")),
                }
            }
        },
    };
    Ok(reply)
}

/// `/daily now`: today's post at once (the automatic one then stays out).
async fn now(s: &Services, sc: &DailySchedule, lang: Lang) -> Reply {
    let now = s.clock.now();
    let date = Schedule::new(&sc.time, &sc.zone, &sc.days)
        .map(|x| x.local_date(now).to_string())
        .unwrap_or_default();
    match Runner::of(s).post(sc, &date, now, true).await {
        Ok(Posted::Sent { .. }) => Reply::private(t(lang, "daily-posted-now")),
        Ok(Posted::AlreadyPosted) => Reply::notice(t(lang, "daily-already")),
        Ok(Posted::Paused(reason)) => {
            Reply::notice(tr(lang, "daily-paused-because", &[("reason", &reason)]))
        }
        Ok(Posted::Nothing) => Reply::notice(t(lang, "daily-nothing")),
        Err(e) => {
            tracing::warn!(schedule = sc.id, error = %e, "/daily now failed");
            Reply::notice(t(lang, "error-internal"))
        }
    }
}

/// The local date and instant of a schedule's next post after `now`.
fn next_post(s: &DailySchedule, now: Timestamp) -> Option<(String, Timestamp)> {
    let schedule = Schedule::new(&s.time, &s.zone, &s.days).ok()?;
    let ts = schedule.next_after(now)?;
    Some((schedule.local_date(ts).to_string(), ts))
}

async fn setup(
    s: &Services,
    (inv, guild): (&Invocation, u64),
    args: SetupArgs,
) -> Result<Reply, Error> {
    let lang = inv.lang;
    let days = args.days.as_deref().unwrap_or("daily");
    if let Err(e) = Schedule::new(&args.time, &args.timezone, days) {
        let cadences = "daily, weekdays, mon,wed,fri, every 2 days, monthly 15";
        let (option, value, allowed) = match e {
            ScheduleError::Time(v) => ("time", v, "HH:MM, e.g. 07:30"),
            ScheduleError::Zone(v) => ("timezone", v, "an IANA zone, e.g. Asia/Jakarta"),
            ScheduleError::Day(v) => ("days", v, cadences),
            ScheduleError::NoDays => ("days", days.to_string(), cadences),
        };
        return Ok(crate::cards::bad_option(lang, option, &value, allowed));
    }
    if let Some(role) = args.role
        && let Err(refusal) = super::notify::vet(s, guild, role).await
    {
        let role = format!("<@&{role}>");
        return Ok(Reply::notice(tr(
            lang,
            refusal.setup_key(),
            &[("role", &role)],
        )));
    }
    let limit = s.pace.limits.daily_schedules;
    if s.store.schedule_count(guild).await? >= i64::from(limit) {
        return Ok(Reply::notice(tr(
            lang,
            "limit-daily-schedules",
            &[("max", &(limit as usize))],
        )));
    }
    let id_seed: u64 = rand::random();
    // The server's shared posts' language, unless the schedule names its own.
    let posts = crate::language::posts::of(s, Some(guild)).await;
    let (post_lang, bilingual) = posts.resolve(args.language, args.bilingual, lang);
    let mut record = DailySchedule {
        id: 0,
        guild,
        channel: args.channel,
        time: args.time.trim().to_string(),
        zone: args.timezone.trim().to_string(),
        days: days.trim().to_string(),
        lang: post_lang,
        kind: args.kind.unwrap_or(PostKind::Prompt),
        role: args.role,
        thread: args.thread.unwrap_or(true),
        bilingual,
        pin: args.pin.unwrap_or(true),
        paused: false,
        pause_reason: None,
        skip_date: None,
        deck: Deck::new(id_seed),
    };
    record.id = s.store.add_schedule(&record).await?;
    let action = Action::ScheduleSetUp {
        schedule: record.id,
        channel: args.channel,
    };
    audit::record(s, guild, inv.user, action).await;
    let when = next_post(&record, s.clock.now())
        .map(|(_, ts)| format!("<t:{}:F>", ts.as_second()))
        .unwrap_or_default();
    Ok(Reply::private(tr(
        lang,
        "daily-set-up",
        &[
            ("id", &(record.id as usize)),
            ("channel", &format!("<#{}>", args.channel)),
            ("when", &when),
            ("lang", &posts_language(&record, lang)),
        ],
    )))
}

/// A schedule's posts' language in words: one, or both side by side (its own first).
fn posts_language(sc: &DailySchedule, lang: Lang) -> String {
    let name = |of: Lang| t(lang, &format!("language-name-{}", of.code()));
    match sc.bilingual {
        true => tr(
            lang,
            "daily-both-languages",
            &[
                ("first", &name(sc.lang)),
                ("second", &name(sc.lang.other())),
            ],
        ),
        false => name(sc.lang),
    }
}

async fn show(s: &Services, guild: u64, schedules: &[DailySchedule], lang: Lang) -> Reply {
    if schedules.is_empty() {
        return Reply::private(t(lang, "daily-none"));
    }
    // A store that cannot answer leaves the counts as if nothing were hidden.
    let hidden = s.store.hidden_items(guild).await.unwrap_or_default();
    let mut reply = Reply {
        title: Some(t(lang, "daily-show-title")),
        text: String::new(),
        ephemeral: true,
        accent: Accent::Debate,
        ..Reply::default()
    };
    for sc in schedules.iter().take(10) {
        let own = runner::own_items(&s.store, sc.guild, sc.kind)
            .await
            .unwrap_or_default();
        let left = sc.deck.remaining(&runner::items(
            &s.core,
            &sc.deck,
            sc.kind,
            (&hidden, &[]),
            &own,
        ));
        let mut lines = vec![tr(
            lang,
            "daily-show-line",
            &[
                ("channel", &format!("<#{}>", sc.channel)),
                ("time", &sc.time),
                ("zone", &sc.zone),
                ("days", &sc.days),
                ("kind", &sc.kind.code().to_string()),
                ("lang", &posts_language(sc, lang)),
            ],
        )];
        if sc.paused {
            let reason = sc.pause_reason.clone().unwrap_or_default();
            lines.push(tr(lang, "daily-show-paused", &[("reason", &reason)]));
        } else if let Some((_, ts)) = next_post(sc, s.clock.now()) {
            let when = format!("<t:{}:F> (<t:{}:R>)", ts.as_second(), ts.as_second());
            lines.push(tr(lang, "daily-show-next", &[("when", &when)]));
        }
        lines.push(tr(lang, "daily-show-left", &[("left", &left)]));
        if left < LOW_WATER {
            lines.push(t(lang, "daily-show-low"));
        }
        match s.outbox.bot_permissions(guild, sc.channel).await {
            Ok(perms) => {
                let missing = permissions::missing(perms, sc.thread, sc.pin, sc.role.is_some());
                if missing.is_empty() {
                    lines.push(t(lang, "daily-show-perms-ok"));
                } else {
                    lines.push(tr(
                        lang,
                        "daily-show-perms-missing",
                        &[("missing", &missing.join(", "))],
                    ));
                }
            }
            Err(e) => lines.push(tr(
                lang,
                "daily-show-perms-unknown",
                &[("error", &truncate(&e.to_string(), 120))],
            )),
        }
        reply = reply.field(format!("#{}", sc.id), lines.join("\n"));
    }
    reply
}

async fn queue(
    core: &Core,
    store: &crate::store::Store,
    sc: &DailySchedule,
    lang: Lang,
    asked: Option<(&str, Priority)>,
) -> Result<Reply, Error> {
    let mut deck = sc.deck.clone();
    let hidden = store.hidden_items(sc.guild).await?;
    // Staff may queue what the class has not read yet: only hidden items are refused.
    let own = runner::own_items(store, sc.guild, sc.kind).await?;
    let items = runner::items(core, &deck, sc.kind, (&hidden, &[]), &own);
    if let Some((item, priority)) = asked.filter(|(i, _)| !i.trim().is_empty()) {
        let item = item.trim();
        let found = items
            .iter()
            .find(|i| i.as_str() == item || normalize(i) == normalize(item));
        match found {
            Some(i) => {
                let i = i.clone();
                deck.put(&i, priority);
                store.update_deck(sc.id, |d| d.put(&i, priority)).await?;
            }
            None => {
                return Ok(Reply::notice(tr(
                    lang,
                    "daily-no-such-item",
                    &[("item", &truncate(item, 60))],
                )));
            }
        }
    }
    let upcoming: Vec<String> = deck
        .upcoming(&items)
        .into_iter()
        .take(5)
        .enumerate()
        .map(|(n, id)| {
            let label = label(core, sc.kind, &id, lang);
            let queued = match deck.priority(&id) {
                Some(p) => format!(
                    " ({})",
                    tr(
                        lang,
                        "daily-queued",
                        &[("priority", &crate::i18n::choice_name(p, lang).to_string())]
                    )
                ),
                None => String::new(),
            };
            format!("{}. `{id}`{queued} — {}", n + 1, truncate(&label, 150))
        })
        .collect();
    Ok(Reply {
        title: Some(tr(lang, "daily-queue-title", &[("id", &(sc.id as usize))])),
        text: upcoming.join("\n"),
        footer: Some(tr(
            lang,
            "daily-show-left",
            &[("left", &deck.remaining(&items))],
        )),
        ephemeral: true,
        ..Reply::default()
    })
}

fn label(core: &Core, kind: PostKind, id: &str, lang: Lang) -> String {
    let Some(pack) = core.library.packs.first() else {
        return id.to_string();
    };
    if id.starts_with(SUGGESTION) {
        return t(lang, "daily-a-suggestion");
    }
    match kind {
        PostKind::Prompt => pack.prompt(id).map(|p| p.text.get(lang).to_string()),
        PostKind::Quote => pack.quote(id).map(|q| q.text.get(lang).to_string()),
        PostKind::Motion => pack.motion(id).map(|m| m.motion.get(lang).to_string()),
    }
    .unwrap_or_else(|| id.to_string())
}

/// `/daily past`: the server's latest posts (only for the asker), or one of them at random
/// posted again in the channel to revive a discussion.
async fn past(s: &Services, guild: u64, lang: Lang, random: bool) -> Result<Reply, Error> {
    let posts = s.store.past_posts(guild, 60).await?;
    if posts.is_empty() {
        return Ok(Reply::notice(t(lang, "daily-past-none")));
    }
    if random {
        let pick = posts.choose(&mut rand::thread_rng()).cloned();
        let schedules = s.store.schedules(Some(guild)).await?;
        let found = pick.and_then(|p| {
            schedules
                .iter()
                .find(|x| x.id == p.schedule_id)
                .map(|x| (p, x.clone()))
        });
        if let Some((p, mut sc)) = found {
            sc.lang = lang;
            if let Some(mut reply) = runner::render(&s.core, &s.store, &sc, &p.item).await? {
                reply.title = Some(tr(
                    lang,
                    "daily-past-title",
                    &[
                        ("date", &p.local_date),
                        ("title", &reply.title.clone().unwrap_or_default()),
                    ],
                ));
                return Ok(reply);
            }
        }
        return Ok(Reply::notice(t(lang, "daily-past-none")));
    }
    let lines: Vec<String> = posts
        .iter()
        .take(10)
        .map(|p| {
            format!(
                "`{}` — {}",
                p.local_date,
                truncate(&label(&s.core, p.kind, &p.item, lang), 160)
            )
        })
        .collect();
    Ok(Reply {
        title: Some(t(lang, "daily-past-list")),
        text: lines.join("\n"),
        ephemeral: true,
        ..Reply::default()
    })
}
