//! `/daily` in Discord: staff set up schedules (Manage Server, checked here too), the runner
//! posts through [`DiscordOutlet`] (role ping only when configured, thread, pin and unpin),
//! and members' suggestions go to a staff channel with Approve and Deny (Deny asks for a
//! reason in a modal); the member hears the decision by DM, or ephemerally when DMs are closed.

use std::time::Duration;

use jiff::Timestamp;
use poise::serenity_prelude as serenity;

use super::components::send;
use super::respond::{answer, choice, private, subcommand, to_click};
use super::rest::{Rest, RestError};
use super::{Context, Data, Error};
use crate::answers::daily::{PostKind, SUGGESTION};
use crate::clock::unix_now;
use crate::core::Core;
use crate::daily::permissions::{self, Overwrite};
use crate::daily::runner::{self, Failure, Outlet, Posted, Runner};
use crate::daily::{Deck, Schedule};
use crate::i18n::{t, tr};
use crate::pack::Lang;
use crate::render::{self, Mentions};
use crate::reply::{Accent, Button, ButtonStyle, Reply};
use crate::store::{DailySchedule, Store};
use crate::text::{normalize, truncate};

/// The longest suggestion a member may send, and how many may wait at once per member.
pub const SUGGESTION_MAX: usize = 300;
pub const PENDING_MAX: i64 = 3;
/// Below this many items left in the cycle, `/daily show` warns.
pub const LOW_WATER: usize = 7;

/// Posts daily items to Discord channels.
pub struct DiscordOutlet<'a> {
    pub rest: &'a Rest,
}

fn refusal(e: &RestError) -> Failure {
    if e.is_gone() {
        Failure::Refused(e.to_string())
    } else {
        Failure::Transient(e.to_string())
    }
}

impl Outlet for DiscordOutlet<'_> {
    async fn publish(
        &self,
        s: &DailySchedule,
        reply: &Reply,
        previous: Option<&str>,
    ) -> Result<String, Failure> {
        let channel: u64 = s
            .channel_id
            .parse()
            .map_err(|_| Failure::Refused("bad channel id".into()))?;
        let role = s.role_id.as_deref().and_then(|r| r.parse::<u64>().ok());
        let mut reply = reply.clone();
        if let Some(role) = role {
            // Members opt in to (or out of) the ping themselves.
            reply.buttons.insert(
                0,
                Button {
                    id: format!("aura:daily-role:{role}"),
                    label: t(Lang::parse(&s.lang).unwrap_or(Lang::En), "button-notify"),
                    style: ButtonStyle::Secondary,
                },
            );
        }
        let mut body = render::message(&reply, Mentions { role });
        if let Some(role) = role {
            body["content"] = serde_json::json!(format!("<@&{role}>"));
        }
        let posted = self
            .rest
            .create_message(channel, &body)
            .await
            .map_err(|e| refusal(&e))?;
        let message = posted["id"].as_str().unwrap_or_default().to_string();
        let Ok(id) = message.parse::<u64>() else {
            return Err(Failure::Transient("Discord returned no message id".into()));
        };
        // The post is out: what follows is logged when it fails, never undone.
        if s.thread {
            let name = thread_name(&reply);
            if let Err(e) = self.rest.start_thread(channel, id, &name).await {
                tracing::warn!(schedule = s.id, error = %e, "could not open the thread");
            }
        }
        if s.pin {
            if let Some(prev) = previous.and_then(|p| p.parse::<u64>().ok())
                && let Err(e) = self.rest.unpin(channel, prev).await
            {
                tracing::warn!(schedule = s.id, error = %e, "could not unpin the last post");
            }
            if let Err(e) = self.rest.pin(channel, id).await {
                tracing::warn!(schedule = s.id, error = %e, "could not pin the post");
            }
        }
        Ok(message)
    }
}

/// A thread's name: the post's first line (the prompt itself), without markdown, within
/// Discord's 100 characters.
fn thread_name(reply: &Reply) -> String {
    let first = reply
        .text
        .lines()
        .map(|l| l.replace("**", "").trim().to_string())
        .find(|l| !l.is_empty())
        .or_else(|| reply.title.clone())
        .unwrap_or_else(|| "Discussion".into());
    truncate(&first, 100)
}

/// Posts due schedules every `every`, until `stop` turns true. Runs at start-up too, so a post
/// missed while Aura was down goes out once if still within the catch-up window.
pub async fn run_loop(
    core: std::sync::Arc<Core>,
    store: Store,
    rest: Rest,
    every: Duration,
    catch_up: Option<Duration>,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    let mut ticker = tokio::time::interval(every);
    loop {
        tokio::select! {
            _ = ticker.tick() => {}
            _ = stop.changed() => return,
        }
        if *stop.borrow() {
            return;
        }
        let outlet = DiscordOutlet { rest: &rest };
        let runner = Runner {
            core: &core,
            store: &store,
            outlet: &outlet,
            catch_up,
        };
        for (id, outcome) in runner.tick(Timestamp::now()).await {
            if let Err(e) = outcome {
                tracing::warn!(schedule = id, error = %e, "daily post failed; retrying later");
            }
        }
    }
}

/// The options of a `/daily` subcommand, as text.
pub type Options = Vec<(&'static str, Option<String>)>;

fn get<'a>(options: &'a Options, name: &str) -> Option<&'a str> {
    options
        .iter()
        .find(|(n, _)| *n == name)
        .and_then(|(_, v)| v.as_deref())
}

/// Finds the schedule a staff command means: the one named, or the server's only one;
/// otherwise the key of the notice that explains why not.
fn pick<'a>(
    schedules: &'a [DailySchedule],
    options: &Options,
) -> Result<&'a DailySchedule, &'static str> {
    let named =
        get(options, "schedule").and_then(|v| v.trim().trim_start_matches('#').parse::<i64>().ok());
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
pub async fn command(
    ctx: &serenity::Context,
    interaction: &serenity::CommandInteraction,
    data: &Data,
    sub: &str,
    options: Options,
) -> Result<(), Error> {
    let core = &data.core;
    let lang = core.lang_for(Some(interaction.locale.as_str()));
    let Some(guild) = interaction.guild_id.map(|g| g.get()) else {
        let path = crate::answers::path_in(&format!("daily {sub}"), lang);
        let reply = Reply::notice(tr(lang, "error-server-only", &[("command", &path)]));
        return answer(ctx, interaction, &reply).await;
    };
    // What talks to Discord before answering is deferred first: the answer then replaces the
    // "thinking…" message, so Discord's 3-second window is always met.
    let slow = matches!(sub, "show" | "now" | "suggest");
    if slow {
        let defer = serde_json::json!({ "type": 5, "data": { "flags": render::EPHEMERAL } });
        ctx.http
            .create_interaction_response(interaction.id, &interaction.token, &defer, vec![])
            .await?;
    }
    let reply = respond(interaction, data, guild, lang, sub, options).await?;
    if slow {
        let body = render::interaction_response(&reply, render::CHANNEL_MESSAGE);
        ctx.http
            .edit_original_interaction_response(&interaction.token, &body["data"], vec![])
            .await?;
        Ok(())
    } else {
        answer(ctx, interaction, &reply).await
    }
}

/// The reply to a `/daily` subcommand in a server.
async fn respond(
    interaction: &serenity::CommandInteraction,
    data: &Data,
    guild: u64,
    lang: Lang,
    sub: &str,
    options: Options,
) -> Result<Reply, Error> {
    let core = &data.core;
    if sub == "suggest" {
        return suggest(interaction, data, guild, lang, &options).await;
    }
    if sub == "past" {
        return past(data, guild, lang, get(&options, "random") == Some("true")).await;
    }
    if sub == "preview" {
        let Some(spec) = crate::answers::catalog::lookup("daily preview") else {
            return Err("daily preview is not in the catalog".into());
        };
        let request = crate::answers::Request {
            group: crate::answers::catalog::command("daily"),
            command: spec,
            options: options
                .into_iter()
                .filter_map(|(n, v)| v.map(|v| (n, v)))
                .collect(),
        };
        let mut rng = rand::thread_rng();
        return Ok(crate::answers::daily::preview(
            core, lang, &request, &mut rng,
        ));
    }
    // Staff only, whatever the server's command settings say.
    let staff = interaction
        .member
        .as_ref()
        .and_then(|m| m.permissions)
        .is_some_and(|p| p.manage_guild() || p.administrator());
    if !staff {
        return Ok(Reply::notice(t(lang, "error-no-permission")));
    }
    let store = &data.store;
    let g = guild.to_string();
    let schedules = store.schedules(Some(&g)).await?;
    let reply = match sub {
        "setup" => setup(store, guild, lang, &options).await?,
        "staff" => match get(&options, "channel") {
            Some(channel) => {
                store.set_staff_channel(&g, channel).await?;
                private(tr(
                    lang,
                    "daily-staff-set",
                    &[("channel", &format!("<#{channel}>"))],
                ))
            }
            None => Reply::notice(t(lang, "daily-which")),
        },
        "show" => show(data, guild, &schedules, lang).await?,
        _ => match pick(&schedules, &options) {
            Err(key) => Reply::notice(t(lang, key)),
            Ok(s) => match sub {
                "pause" => {
                    store.set_paused(s.id, Some("paused by staff")).await?;
                    private(tr(lang, "daily-paused", &[("id", &(s.id as usize))]))
                }
                "resume" => {
                    store.set_paused(s.id, None).await?;
                    private(tr(lang, "daily-resumed", &[("id", &(s.id as usize))]))
                }
                "remove" => {
                    store.remove_schedule(s.id).await?;
                    private(tr(lang, "daily-removed", &[("id", &(s.id as usize))]))
                }
                "skip" => {
                    let next = next_post(s);
                    match next {
                        Some((date, ts)) => {
                            store.set_skip_date(s.id, Some(&date)).await?;
                            private(tr(
                                lang,
                                "daily-skipped",
                                &[("when", &format!("<t:{}:F>", ts.as_second()))],
                            ))
                        }
                        None => Reply::notice(t(lang, "daily-none")),
                    }
                }
                "now" => {
                    let outlet = DiscordOutlet {
                        rest: &data.quiz.rest,
                    };
                    let runner = Runner {
                        core,
                        store,
                        outlet: &outlet,
                        catch_up: data.daily_catch_up,
                    };
                    let now = Timestamp::now();
                    let date = Schedule::new(&s.time, &s.zone, &s.days)
                        .map(|x| x.local_date(now).to_string())
                        .unwrap_or_default();
                    match runner.post(s, &date, now, true).await {
                        Ok(Posted::Sent { .. }) => private(t(lang, "daily-posted-now")),
                        Ok(Posted::AlreadyPosted) => Reply::notice(t(lang, "daily-already")),
                        Ok(Posted::Paused(reason)) => {
                            Reply::notice(tr(lang, "daily-paused-because", &[("reason", &reason)]))
                        }
                        Ok(Posted::Nothing) => Reply::notice(t(lang, "daily-nothing")),
                        Err(e) => {
                            tracing::warn!(schedule = s.id, error = %e, "/daily now failed");
                            Reply::notice(t(lang, "error-internal"))
                        }
                    }
                }
                "queue" => queue(core, store, s, lang, get(&options, "next")).await?,
                _ => Reply::notice(t(lang, "error-stale-button")),
            },
        },
    };
    Ok(reply)
}

/// The local date and instant of a schedule's next post.
fn next_post(s: &DailySchedule) -> Option<(String, Timestamp)> {
    let schedule = Schedule::new(&s.time, &s.zone, &s.days).ok()?;
    let ts = schedule.next_after(Timestamp::now())?;
    Some((schedule.local_date(ts).to_string(), ts))
}

async fn setup(store: &Store, guild: u64, lang: Lang, options: &Options) -> Result<Reply, Error> {
    let channel = get(options, "channel").unwrap_or_default();
    let time = get(options, "time").unwrap_or_default();
    let zone = get(options, "timezone").unwrap_or_default();
    let days = get(options, "days").unwrap_or("daily");
    if let Err(e) = Schedule::new(time, zone, days) {
        let (option, value, allowed) = match e {
            crate::daily::ScheduleError::Time(v) => ("time", v, "HH:MM, e.g. 07:30"),
            crate::daily::ScheduleError::Zone(v) => {
                ("timezone", v, "an IANA zone, e.g. Asia/Jakarta")
            }
            crate::daily::ScheduleError::Day(v) => (
                "days",
                v,
                "daily, weekdays, mon,wed,fri, every 2 days, monthly 15",
            ),
            crate::daily::ScheduleError::NoDays => (
                "days",
                days.to_string(),
                "daily, weekdays, mon,wed,fri, every 2 days, monthly 15",
            ),
        };
        return Ok(crate::answers::bad_option(lang, option, &value, allowed));
    }
    let post_lang = match get(options, "language") {
        Some(v) => match Lang::parse(v) {
            Some(l) => l,
            None => return Ok(crate::answers::bad_option(lang, "language", v, "id, en")),
        },
        None => lang,
    };
    let kind = match get(options, "kind") {
        Some(v) => match PostKind::parse(v) {
            Some(k) => k,
            None => {
                return Ok(crate::answers::bad_option(
                    lang,
                    "kind",
                    v,
                    "prompt, quote, motion",
                ));
            }
        },
        None => PostKind::Prompt,
    };
    let flag = |name: &str, default: bool| {
        get(options, name)
            .map(|v| matches!(v, "true" | "on" | "yes"))
            .unwrap_or(default)
    };
    let mut record = DailySchedule {
        id: 0,
        guild_id: guild.to_string(),
        channel_id: channel.to_string(),
        time: time.trim().to_string(),
        zone: zone.trim().to_string(),
        days: days.trim().to_string(),
        lang: post_lang.code().to_string(),
        kind: kind.code().to_string(),
        role_id: get(options, "role").map(String::from),
        thread: flag("thread", true),
        pin: flag("pin", true),
        paused: false,
        pause_reason: None,
        skip_date: None,
        deck: String::new(),
    };
    let seed: u64 = rand::random();
    record.deck = serde_json::to_string(&Deck::new(seed)).unwrap_or_default();
    let id = store.add_schedule(&record).await?;
    record.id = id;
    let when = next_post(&record)
        .map(|(_, ts)| format!("<t:{}:F>", ts.as_second()))
        .unwrap_or_default();
    Ok(private(tr(
        lang,
        "daily-set-up",
        &[
            ("id", &(id as usize)),
            ("channel", &format!("<#{channel}>")),
            ("when", &when),
        ],
    )))
}

/// What Aura may do in a schedule's channel, from Discord's channel, roles and member data.
async fn channel_check(
    rest: &Rest,
    guild: u64,
    s: &DailySchedule,
) -> Result<Vec<&'static str>, RestError> {
    let bot = rest.get("/users/@me").await?;
    let bot_id: u64 = bot["id"].as_str().and_then(|v| v.parse().ok()).unwrap_or(0);
    let channel = rest.get(&format!("/channels/{}", s.channel_id)).await?;
    let roles = rest.get(&format!("/guilds/{guild}/roles")).await?;
    let member = rest
        .get(&format!("/guilds/{guild}/members/{bot_id}"))
        .await?;
    let id = |v: &serde_json::Value| v.as_str().and_then(|x| x.parse::<u64>().ok()).unwrap_or(0);
    let bits = |v: &serde_json::Value| v.as_str().and_then(|x| x.parse::<u64>().ok()).unwrap_or(0);
    let roles: Vec<(u64, u64)> = roles
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| (id(&r["id"]), bits(&r["permissions"])))
        .collect();
    let member_roles: Vec<u64> = member["roles"]
        .as_array()
        .into_iter()
        .flatten()
        .map(id)
        .collect();
    let overwrites: Vec<Overwrite> = channel["permission_overwrites"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|o| Overwrite {
            id: id(&o["id"]),
            member: o["type"] == 1,
            allow: bits(&o["allow"]),
            deny: bits(&o["deny"]),
        })
        .collect();
    let perms = permissions::in_channel(guild, bot_id, &member_roles, &roles, &overwrites);
    Ok(permissions::missing(
        perms,
        s.thread,
        s.pin,
        s.role_id.is_some(),
    ))
}

async fn show(
    data: &Data,
    guild: u64,
    schedules: &[DailySchedule],
    lang: Lang,
) -> Result<Reply, Error> {
    if schedules.is_empty() {
        return Ok(private(t(lang, "daily-none")));
    }
    let mut reply = Reply {
        title: Some(t(lang, "daily-show-title")),
        text: String::new(),
        ephemeral: true,
        accent: Accent::Debate,
        ..Reply::default()
    };
    for s in schedules.iter().take(10) {
        let kind = PostKind::parse(&s.kind).unwrap_or(PostKind::Prompt);
        let deck = runner::deck_of(s);
        let left = deck.remaining(&runner::items(&data.core, &deck, kind));
        let mut lines = vec![tr(
            lang,
            "daily-show-line",
            &[
                ("channel", &format!("<#{}>", s.channel_id)),
                ("time", &s.time),
                ("zone", &s.zone),
                ("days", &s.days),
                ("kind", &s.kind),
                ("lang", &s.lang),
            ],
        )];
        if s.paused {
            let reason = s.pause_reason.clone().unwrap_or_default();
            lines.push(tr(lang, "daily-show-paused", &[("reason", &reason)]));
        } else if let Some((_, ts)) = next_post(s) {
            lines.push(tr(
                lang,
                "daily-show-next",
                &[(
                    "when",
                    &format!("<t:{}:F> (<t:{}:R>)", ts.as_second(), ts.as_second()),
                )],
            ));
        }
        lines.push(tr(lang, "daily-show-left", &[("left", &left)]));
        if left < LOW_WATER {
            lines.push(t(lang, "daily-show-low"));
        }
        match channel_check(&data.quiz.rest, guild, s).await {
            Ok(missing) if missing.is_empty() => lines.push(t(lang, "daily-show-perms-ok")),
            Ok(missing) => lines.push(tr(
                lang,
                "daily-show-perms-missing",
                &[("missing", &missing.join(", "))],
            )),
            Err(e) => lines.push(tr(
                lang,
                "daily-show-perms-unknown",
                &[("error", &truncate(&e.to_string(), 120))],
            )),
        }
        reply = reply.field(format!("#{}", s.id), lines.join("\n"));
    }
    Ok(reply)
}

async fn queue(
    core: &Core,
    store: &Store,
    s: &DailySchedule,
    lang: Lang,
    next: Option<&str>,
) -> Result<Reply, Error> {
    let kind = PostKind::parse(&s.kind).unwrap_or(PostKind::Prompt);
    let mut deck = runner::deck_of(s);
    let items = runner::items(core, &deck, kind);
    if let Some(item) = next {
        let item = item.trim();
        let found = items
            .iter()
            .find(|i| i.as_str() == item || normalize(i) == normalize(item));
        match found {
            Some(i) => {
                let i = i.clone();
                deck.put_next(&i);
                store
                    .set_deck(s.id, &serde_json::to_string(&deck).unwrap_or_default())
                    .await?;
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
            let label = label(core, kind, &id, lang);
            format!("{}. `{id}` — {}", n + 1, truncate(&label, 150))
        })
        .collect();
    Ok(Reply {
        title: Some(tr(lang, "daily-queue-title", &[("id", &(s.id as usize))])),
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
async fn past(data: &Data, guild: u64, lang: Lang, random: bool) -> Result<Reply, Error> {
    let posts = data.store.past_posts(&guild.to_string(), 60).await?;
    if posts.is_empty() {
        return Ok(Reply::notice(t(lang, "daily-past-none")));
    }
    if random {
        let pick = {
            use rand::seq::SliceRandom;
            posts.choose(&mut rand::thread_rng()).cloned()
        };
        let schedules = data.store.schedules(Some(&guild.to_string())).await?;
        let found = pick.and_then(|p| {
            schedules
                .iter()
                .find(|s| s.id == p.schedule_id)
                .map(|s| (p, s.clone()))
        });
        if let Some((p, mut s)) = found {
            s.lang = lang.code().to_string();
            if let Some(mut reply) = runner::render(&data.core, &data.store, &s, &p.item).await? {
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
            let kind = PostKind::parse(&p.kind).unwrap_or(PostKind::Prompt);
            format!(
                "`{}` — {}",
                p.local_date,
                truncate(&label(&data.core, kind, &p.item, lang), 160)
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

/// A click on a daily post's "notify me": the member gets, or gives back, the ping role.
pub async fn on_role(
    ctx: &serenity::Context,
    click: &serenity::ComponentInteraction,
    data: &Data,
    role: &str,
) -> Result<(), Error> {
    let lang = data.core.lang_for(Some(click.locale.as_str()));
    let guild = click.guild_id.map(|g| g.get()).unwrap_or(0);
    let configured = data
        .store
        .schedules(Some(&guild.to_string()))
        .await?
        .iter()
        .any(|s| s.role_id.as_deref() == Some(role));
    let role_id = role.parse::<u64>().unwrap_or(0);
    let reply = if !configured || role_id == 0 {
        Reply::notice(t(lang, "error-stale-button"))
    } else {
        let has = click
            .member
            .as_ref()
            .is_some_and(|m| m.roles.iter().any(|r| r.get() == role_id));
        let user = click.user.id.get();
        let done = if has {
            data.quiz.rest.remove_role(guild, user, role_id).await
        } else {
            data.quiz.rest.add_role(guild, user, role_id).await
        };
        match done {
            Ok(()) if has => private(t(lang, "daily-notify-off")),
            Ok(()) => private(t(lang, "daily-notify-on")),
            Err(e) => {
                tracing::warn!(error = %e, role, "could not change a member's ping role");
                Reply::notice(t(lang, "daily-notify-failed"))
            }
        }
    };
    to_click(ctx, click, &reply, render::CHANNEL_MESSAGE).await
}

/// Is `text` nearly one of the pack's prompts? (word overlap, accents and case ignored)
pub fn near_duplicate<'a>(core: &'a Core, text: &str) -> Option<&'a str> {
    let words = |s: &str| -> std::collections::HashSet<String> {
        normalize(s)
            .split_whitespace()
            .filter(|w| w.len() > 2)
            .map(String::from)
            .collect()
    };
    let mine = words(text);
    if mine.is_empty() {
        return None;
    }
    core.library
        .packs
        .iter()
        .flat_map(|p| &p.prompts)
        .find_map(|p| {
            [p.text.en.as_deref(), p.text.id.as_deref()]
                .into_iter()
                .flatten()
                .find(|candidate| {
                    let theirs = words(candidate);
                    let common = mine.intersection(&theirs).count();
                    let union = mine.union(&theirs).count().max(1);
                    common * 100 / union >= 60
                })
        })
}

async fn suggest(
    interaction: &serenity::CommandInteraction,
    data: &Data,
    guild: u64,
    lang: Lang,
    options: &Options,
) -> Result<Reply, Error> {
    let text = get(options, "text").unwrap_or_default().trim().to_string();
    let store = &data.store;
    let g = guild.to_string();
    let user = interaction.user.id.get();
    let reply = if text.chars().count() < 10 || text.chars().count() > SUGGESTION_MAX {
        Reply::notice(tr(
            lang,
            "daily-suggest-length",
            &[("max", &SUGGESTION_MAX)],
        ))
    } else if store.pending_suggestions(&g, &user.to_string()).await? >= PENDING_MAX {
        Reply::notice(tr(
            lang,
            "daily-suggest-too-many",
            &[("max", &(PENDING_MAX as usize))],
        ))
    } else {
        match store.staff_channel(&g).await? {
            None => Reply::notice(t(lang, "daily-suggest-no-staff")),
            Some(staff) => {
                let id = store
                    .add_suggestion(
                        &g,
                        &interaction.channel_id.to_string(),
                        &user.to_string(),
                        &text,
                        &interaction.token,
                        unix_now(),
                    )
                    .await?;
                let staff_lang = data.core.default_lang;
                let mut card = Reply {
                    title: Some(t(staff_lang, "daily-suggestion-title")),
                    text: format!("**{text}**"),
                    footer: Some(tr(
                        staff_lang,
                        "daily-suggested-by",
                        &[("member", &format!("<@{user}>"))],
                    )),
                    accent: Accent::Debate,
                    ..Reply::default()
                };
                if let Some(similar) = near_duplicate(&data.core, &text) {
                    card = card.field(
                        t(staff_lang, "daily-suggestion-similar"),
                        truncate(similar, 300),
                    );
                }
                card.buttons.push(Button {
                    id: format!("aura:sugg-approve:{id}"),
                    label: t(staff_lang, "button-approve"),
                    style: ButtonStyle::Success,
                });
                card.buttons.push(Button {
                    id: format!("aura:sugg-deny:{id}"),
                    label: t(staff_lang, "button-deny"),
                    style: ButtonStyle::Danger,
                });
                let posted = match staff.parse::<u64>() {
                    Ok(channel) => data
                        .quiz
                        .rest
                        .create_message(channel, &render::message(&card, Mentions::default()))
                        .await
                        .map(drop),
                    Err(_) => Err(RestError::Refused {
                        status: 404,
                        body: "bad staff channel".into(),
                    }),
                };
                match posted {
                    Ok(()) => private(t(lang, "daily-suggest-sent")),
                    Err(e) => {
                        tracing::warn!(error = %e, "could not reach the staff channel");
                        store
                            .decide_suggestion(id, false, Some("staff channel unreachable"))
                            .await?;
                        Reply::notice(t(lang, "daily-suggest-no-staff"))
                    }
                }
            }
        }
    };
    Ok(reply)
}

/// Approve: queued next for every schedule of the server; the member is told.
/// Deny: a modal asks for the reason first.
pub async fn on_decision(
    ctx: &serenity::Context,
    click: &serenity::ComponentInteraction,
    data: &Data,
    approve: bool,
    id: &str,
) -> Result<(), Error> {
    let lang = data.core.lang_for(Some(click.locale.as_str()));
    let staff = click
        .member
        .as_ref()
        .and_then(|m| m.permissions)
        .is_some_and(|p| p.manage_guild() || p.manage_messages() || p.administrator());
    if !staff {
        let body = render::interaction_response(
            &Reply::notice(t(lang, "error-no-permission")),
            render::CHANNEL_MESSAGE,
        );
        return send(ctx, click, body).await;
    }
    if !approve {
        let modal = serde_json::json!({
            "type": 9,
            "data": {
                "custom_id": format!("aura:sugg-reason:{id}"),
                "title": truncate(&t(lang, "daily-deny-title"), 45),
                "components": [{ "type": 1, "components": [{
                    "type": 4, "custom_id": "reason", "style": 2,
                    "label": truncate(&t(lang, "daily-deny-label"), 45),
                    "min_length": 3, "max_length": 300, "required": true
                }]}]
            }
        });
        return send(ctx, click, modal).await;
    }
    let body = decide(data, id, true, None, lang).await?;
    send(ctx, click, body).await
}

/// The Deny modal's answer: `aura:sugg-reason:<id>` with the reason.
pub async fn on_reason(
    ctx: &serenity::Context,
    modal: &serenity::ModalInteraction,
    data: &Data,
    id: &str,
) -> Result<(), Error> {
    let lang = data.core.lang_for(Some(modal.locale.as_str()));
    let reason = modal
        .data
        .components
        .iter()
        .flat_map(|row| &row.components)
        .find_map(|c| match c {
            serenity::ActionRowComponent::InputText(input) => input.value.clone(),
            _ => None,
        })
        .unwrap_or_default();
    let body = decide(data, id, false, Some(reason.trim()), lang).await?;
    ctx.http
        .create_interaction_response(modal.id, &modal.token, &body, vec![])
        .await?;
    Ok(())
}

async fn decide(
    data: &Data,
    id: &str,
    approve: bool,
    reason: Option<&str>,
    lang: Lang,
) -> Result<serde_json::Value, Error> {
    let store = &data.store;
    let Some(s) = (match id.parse::<i64>() {
        Ok(n) => store.suggestion(n).await?,
        Err(_) => None,
    }) else {
        return Ok(render::interaction_response(
            &Reply::notice(t(lang, "error-stale-button")),
            render::CHANNEL_MESSAGE,
        ));
    };
    if !store.decide_suggestion(s.id, approve, reason).await? {
        return Ok(render::interaction_response(
            &Reply::notice(t(lang, "daily-decided-already")),
            render::CHANNEL_MESSAGE,
        ));
    }
    if approve {
        // A suggestion is a discussion prompt: it joins the prompt schedules.
        let schedules = store.schedules(Some(&s.guild_id)).await?;
        for schedule in schedules
            .iter()
            .filter(|x| x.kind == PostKind::Prompt.code())
        {
            let mut deck = runner::deck_of(schedule);
            deck.put_next(&format!("{SUGGESTION}{}", s.id));
            store
                .set_deck(
                    schedule.id,
                    &serde_json::to_string(&deck).unwrap_or_default(),
                )
                .await?;
        }
    }
    // The member hears the decision by DM, or ephemerally in the channel when DMs are closed.
    let member_lang = data.core.default_lang;
    let note = if approve {
        tr(
            member_lang,
            "daily-approved-note",
            &[("text", &truncate(&s.text, 200))],
        )
    } else {
        tr(
            member_lang,
            "daily-denied-note",
            &[
                ("text", &truncate(&s.text, 200)),
                ("reason", &reason.unwrap_or("").to_string()),
            ],
        )
    };
    // After the staff's click is answered, so that answer never waits on the member's DMs.
    let user: u64 = s.user_id.parse().unwrap_or(0);
    let rest = data.quiz.rest.clone();
    let app = data.application_id();
    let token = s.token.clone();
    tokio::spawn(async move {
        let dm = render::message(&private(note.clone()), Mentions::default());
        if let Err(e) = rest.direct_message(user, &dm).await {
            tracing::info!(error = %e, "DMs closed; telling the member in the channel");
            let mut body = render::message(&private(note), Mentions::default());
            body["flags"] = serde_json::json!(render::EPHEMERAL);
            if let Err(e) = rest.followup(app, &token, &body).await {
                tracing::warn!(error = %e, "could not tell the member about their suggestion");
            }
        }
    });
    let key = if approve {
        "daily-approved"
    } else {
        "daily-denied"
    };
    let done = Reply {
        title: Some(t(lang, "daily-suggestion-title")),
        text: format!("**{}**", truncate(&s.text, 500)),
        footer: Some(tr(
            lang,
            key,
            &[("reason", &reason.unwrap_or("").to_string())],
        )),
        accent: if approve {
            Accent::Benjamin
        } else {
            Accent::Error
        },
        ..Reply::default()
    };
    Ok(render::interaction_response(&done, render::UPDATE_MESSAGE))
}

// The `/daily` slash commands: thin poise functions handing their options to `command`.

#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum KindChoice {
    #[name = "prompt"]
    #[name_localized("id", "diskusi")]
    Prompt,
    #[name = "quote"]
    #[name_localized("id", "kutipan")]
    Quote,
    #[name = "motion"]
    #[name_localized("id", "mosi")]
    Motion,
}

#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum LanguageChoice {
    #[name = "id"]
    #[name_localized("id", "indonesia")]
    Id,
    #[name = "en"]
    #[name_localized("id", "inggris")]
    En,
}

async fn zones(_ctx: Context<'_>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let choices = crate::daily::schedule::zone_suggestions(partial, 25)
        .into_iter()
        .map(|z| serenity::AutocompleteChoice::new(z.clone(), z))
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}

/// The daily discussion post.
#[poise::command(
    slash_command,
    guild_only,
    subcommands(
        "daily_setup",
        "daily_show",
        "daily_pause",
        "daily_resume",
        "daily_skip",
        "daily_now",
        "daily_preview",
        "daily_queue",
        "daily_remove",
        "daily_staff",
        "daily_past",
        "daily_suggest"
    )
)]
pub async fn daily(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Set up a daily post.
#[poise::command(
    slash_command,
    rename = "setup",
    default_member_permissions = "MANAGE_GUILD"
)]
#[allow(clippy::too_many_arguments)]
pub async fn daily_setup(
    ctx: Context<'_>,
    #[channel_types("Text")] channel: serenity::ChannelId,
    #[max_length = 5] time: String,
    #[autocomplete = "zones"] timezone: String,
    days: Option<String>,
    language: Option<LanguageChoice>,
    kind: Option<KindChoice>,
    role: Option<serenity::RoleId>,
    thread: Option<bool>,
    pin: Option<bool>,
) -> Result<(), Error> {
    let options = vec![
        ("channel", Some(channel.to_string())),
        ("time", Some(time)),
        ("timezone", Some(timezone)),
        ("days", days),
        ("language", choice(language)),
        ("kind", choice(kind)),
        ("role", role.map(|r| r.to_string())),
        ("thread", thread.map(|b| b.to_string())),
        ("pin", pin.map(|b| b.to_string())),
    ];
    subcommand(ctx, "daily", "setup", options).await
}

/// Each schedule, its next post and permissions.
#[poise::command(
    slash_command,
    rename = "show",
    default_member_permissions = "MANAGE_GUILD"
)]
pub async fn daily_show(ctx: Context<'_>) -> Result<(), Error> {
    subcommand(ctx, "daily", "show", vec![]).await
}

/// Pause a schedule.
#[poise::command(
    slash_command,
    rename = "pause",
    default_member_permissions = "MANAGE_GUILD"
)]
pub async fn daily_pause(ctx: Context<'_>, schedule: Option<i64>) -> Result<(), Error> {
    subcommand(
        ctx,
        "daily",
        "pause",
        vec![("schedule", schedule.map(|s| s.to_string()))],
    )
    .await
}

/// Resume a schedule.
#[poise::command(
    slash_command,
    rename = "resume",
    default_member_permissions = "MANAGE_GUILD"
)]
pub async fn daily_resume(ctx: Context<'_>, schedule: Option<i64>) -> Result<(), Error> {
    subcommand(
        ctx,
        "daily",
        "resume",
        vec![("schedule", schedule.map(|s| s.to_string()))],
    )
    .await
}

/// Skip the next post.
#[poise::command(
    slash_command,
    rename = "skip",
    default_member_permissions = "MANAGE_GUILD"
)]
pub async fn daily_skip(ctx: Context<'_>, schedule: Option<i64>) -> Result<(), Error> {
    subcommand(
        ctx,
        "daily",
        "skip",
        vec![("schedule", schedule.map(|s| s.to_string()))],
    )
    .await
}

/// Post today's now.
#[poise::command(
    slash_command,
    rename = "now",
    default_member_permissions = "MANAGE_GUILD"
)]
pub async fn daily_now(ctx: Context<'_>, schedule: Option<i64>) -> Result<(), Error> {
    subcommand(
        ctx,
        "daily",
        "now",
        vec![("schedule", schedule.map(|s| s.to_string()))],
    )
    .await
}

/// See a sample post.
#[poise::command(
    slash_command,
    rename = "preview",
    default_member_permissions = "MANAGE_GUILD"
)]
pub async fn daily_preview(
    ctx: Context<'_>,
    kind: Option<KindChoice>,
    language: Option<LanguageChoice>,
) -> Result<(), Error> {
    subcommand(
        ctx,
        "daily",
        "preview",
        vec![("kind", choice(kind)), ("language", choice(language))],
    )
    .await
}

/// See the next items; put one next.
#[poise::command(
    slash_command,
    rename = "queue",
    default_member_permissions = "MANAGE_GUILD"
)]
pub async fn daily_queue(
    ctx: Context<'_>,
    schedule: Option<i64>,
    #[max_length = 100] next: Option<String>,
) -> Result<(), Error> {
    subcommand(
        ctx,
        "daily",
        "queue",
        vec![
            ("schedule", schedule.map(|s| s.to_string())),
            ("next", next),
        ],
    )
    .await
}

/// Remove a schedule.
#[poise::command(
    slash_command,
    rename = "remove",
    default_member_permissions = "MANAGE_GUILD"
)]
pub async fn daily_remove(ctx: Context<'_>, schedule: i64) -> Result<(), Error> {
    subcommand(
        ctx,
        "daily",
        "remove",
        vec![("schedule", Some(schedule.to_string()))],
    )
    .await
}

/// Where member suggestions go.
#[poise::command(
    slash_command,
    rename = "staff",
    default_member_permissions = "MANAGE_GUILD"
)]
pub async fn daily_staff(
    ctx: Context<'_>,
    #[channel_types("Text")] channel: serenity::ChannelId,
) -> Result<(), Error> {
    subcommand(
        ctx,
        "daily",
        "staff",
        vec![("channel", Some(channel.to_string()))],
    )
    .await
}

/// The server's past posts; one at random to revive a discussion.
#[poise::command(slash_command, rename = "past", user_cooldown = 10)]
pub async fn daily_past(ctx: Context<'_>, random: Option<bool>) -> Result<(), Error> {
    subcommand(
        ctx,
        "daily",
        "past",
        vec![("random", random.map(|b| b.to_string()))],
    )
    .await
}

/// Suggest a discussion prompt.
#[poise::command(slash_command, rename = "suggest", user_cooldown = 10)]
pub async fn daily_suggest(
    ctx: Context<'_>,
    #[max_length = 300] text: String,
) -> Result<(), Error> {
    subcommand(ctx, "daily", "suggest", vec![("text", Some(text))]).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn a_near_copy_of_a_pack_prompt_is_flagged_and_a_new_one_is_not() {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
        let core = Core::load(&dir, Lang::En).expect("pack");
        let prompt = core.library.packs[0].prompts[0]
            .text
            .en
            .clone()
            .expect("english");
        let near = format!("{} ?", prompt.trim_end_matches(['?', '.']));
        assert!(near_duplicate(&core, &near).is_some(), "{near}");
        assert!(
            near_duplicate(&core, "Should memes count as folk art in a digital age?").is_none()
        );
    }

    #[test]
    fn thread_names_are_the_prompt_within_100_characters() {
        let reply = Reply {
            title: Some("Discussion prompt of the day".into()),
            text: format!("**{}**\n\nDiscuss below.", "word ".repeat(40)),
            ..Reply::default()
        };
        let name = thread_name(&reply);
        assert!(name.chars().count() <= 100);
        assert!(name.starts_with("word word"));
    }
}
