//! `/quiz assignments`: a server's homework listed with completion and mean so far, and a
//! teacher closing one early (its summary posted at once) or extending it (its message
//! updated), each confirmed privately.

use super::Assignment;
use super::close;
use super::due;
use super::flow::zone_for;
use crate::audit::{self, Action};
use crate::catalog::choice::{self, Names};
use crate::i18n::{t, tr};
use crate::interaction::{CustomId, Invocation, Outcome};
use crate::outbox::Message;
use crate::pack::Lang;
use crate::quiz::view::homework::{self as cards, Listed, option};
use crate::reply::{Button, ButtonStyle, Reply};
use crate::services::{Error, Services};

/// What `/quiz assignments` is asked to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListAction {
    Close,
    Extend,
}

impl choice::Choice for ListAction {
    const CHOICES: &'static [ListAction] = &[ListAction::Close, ListAction::Extend];
    fn names(self) -> Names {
        match self {
            ListAction::Close => Names::new("close", "tutup"),
            ListAction::Extend => Names::new("extend", "perpanjang"),
        }
    }
}

/// `/quiz assignments`' options.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListArgs {
    pub action: Option<ListAction>,
    /// The assignment's number in the server.
    pub id: Option<u32>,
    pub due: Option<String>,
    pub timezone: Option<String>,
    /// Extend for this member alone.
    pub member: Option<u64>,
}

/// `/quiz assignments`: the list, or a teacher's close or extend (`may_steer` says whether the
/// asker may steer the assignment its teacher `teacher` set).
pub async fn assignments(
    s: &Services,
    inv: &Invocation,
    guild: u64,
    args: &ListArgs,
    may_steer: impl Fn(u64) -> bool,
) -> Result<Outcome, Error> {
    let lang = inv.lang;
    let Some(action) = args.action else {
        return list(s, guild, lang).await;
    };
    let Some(number) = args.id else {
        return Ok(Outcome::notice(tr(
            lang,
            "homework-needs-id",
            &[("option", &option("assignments", "id", lang))],
        )));
    };
    let Some(a) = s.store.homework_numbered(guild, number).await? else {
        return Ok(Outcome::notice(tr(
            lang,
            "homework-no-such",
            &[("number", &(number as usize))],
        )));
    };
    if !may_steer(a.teacher) {
        return Ok(Outcome::Reply(Reply::no_permission(lang)));
    }
    if a.closed_at.is_some() {
        return Ok(Outcome::notice(already_closed(&a, lang)));
    }
    match action {
        ListAction::Close => Ok(Outcome::Reply(close_confirmation(&a, inv.user, lang))),
        ListAction::Extend => {
            let Some(text) = args.due.as_deref().filter(|d| !d.trim().is_empty()) else {
                return Ok(Outcome::notice(tr(
                    lang,
                    "homework-extend-needs-due",
                    &[("option", &option("assignments", "due", lang))],
                )));
            };
            let given = args.timezone.as_deref().or(Some(a.zone.as_str()));
            let tz = match zone_for(s, guild, given).await? {
                Ok((tz, _)) => tz,
                Err(e) => return Ok(cards::due_notice(e, "assignments", text, lang).into()),
            };
            let due_at = match due::parse(text, &tz, s.clock.now()) {
                Ok(at) => at.as_second(),
                Err(e) => return Ok(cards::due_notice(e, "assignments", text, lang).into()),
            };
            match args.member {
                Some(member) => extend_member(s, inv, (&a, member), due_at).await,
                None => extend_class(s, inv, (a, due_at)).await,
            }
        }
    }
}

/// "Homework #n is already closed."
fn already_closed(a: &Assignment, lang: Lang) -> String {
    tr(
        lang,
        "homework-already-closed",
        &[("number", &(a.number as usize))],
    )
}

/// The class's due time moved: the assignment's message shows it, the audit log says so.
async fn extend_class(
    s: &Services,
    inv: &Invocation,
    (a, due_at): (Assignment, i64),
) -> Result<Outcome, Error> {
    if !s.store.extend_homework(a.id, due_at).await? {
        return Ok(Outcome::notice(already_closed(&a, inv.lang)));
    }
    let moved = Assignment { due_at, ..a };
    close::refresh(s, &moved).await;
    let action = Action::HomeworkExtended {
        number: moved.number,
        due: due_at,
    };
    audit::record(s, moved.guild, inv.user, action).await;
    Ok(Outcome::Reply(Reply::private(tr(
        inv.lang,
        "homework-extended",
        &[
            ("number", &(moved.number as usize)),
            ("due", &cards::full(due_at)),
            ("left", &cards::relative(due_at)),
        ],
    ))))
}

/// One member's own due time, privately: they may start and answer until then while the
/// class's stays; the assignment closes (and posts its summary) once theirs has passed too.
/// The member is told by DM in their language (the teacher's reply says when their DMs are
/// closed); the audit log says a member was given time, not whose.
async fn extend_member(
    s: &Services,
    inv: &Invocation,
    (a, member): (&Assignment, u64),
    due_at: i64,
) -> Result<Outcome, Error> {
    let lang = inv.lang;
    let n = a.number as usize;
    if due_at <= a.due_at {
        return Ok(Outcome::notice(tr(
            lang,
            "homework-member-due-early",
            &[("number", &n), ("class_due", &cards::full(a.due_at))],
        )));
    }
    if !s
        .store
        .extend_member((a.id, member), due_at, s.clock.unix())
        .await?
    {
        return Ok(Outcome::notice(already_closed(a, lang)));
    }
    let action = Action::HomeworkMemberExtended { number: a.number };
    audit::record(s, a.guild, inv.user, action).await;
    let theirs = crate::language::chosen(s, member).await.unwrap_or(a.lang);
    let told = tr(
        theirs,
        "homework-member-extended-dm",
        &[
            ("number", &n),
            ("channel", &format!("<#{}>", a.channel)),
            ("due", &cards::full(due_at)),
            ("left", &cards::relative(due_at)),
        ],
    );
    let key = match s
        .outbox
        .direct_message(
            member,
            &Message::from(Reply {
                text: told,
                ..Reply::default()
            }),
        )
        .await
    {
        Ok(()) => "homework-member-extended",
        Err(e) => {
            tracing::info!(homework = a.id, error = %e, "a member's extension was not sent by DM");
            "homework-member-extended-untold"
        }
    };
    Ok(Outcome::Reply(Reply::private(tr(
        lang,
        key,
        &[
            ("number", &n),
            ("member", &format!("<@{member}>")),
            ("due", &cards::full(due_at)),
            ("left", &cards::relative(due_at)),
            ("class_due", &cards::full(a.due_at)),
        ],
    ))))
}

/// "Close #n now?", with Close and Cancel for the teacher who asked alone: closing ends every
/// attempt under way and posts the summary, which cannot be undone.
fn close_confirmation(a: &Assignment, owner: u64, lang: Lang) -> Reply {
    let button = |confirm: bool, key: &str, style: ButtonStyle| Button {
        id: CustomId::HomeworkClose {
            homework: a.id,
            owner,
            confirm,
        },
        label: t(lang, key),
        style,
    };
    let mut reply = Reply::private(tr(
        lang,
        "homework-close-confirm",
        &[("number", &(a.number as usize))],
    ));
    reply.buttons = vec![
        button(true, "button-homework-close", ButtonStyle::Danger),
        button(false, "button-cancel", ButtonStyle::Secondary),
    ];
    reply
}

/// The teacher's answer to [`close_confirmation`] (`may_steer` as for `/quiz assignments`):
/// the assignment closed now, its summary posted, the action audited; or left open.
pub async fn close_confirmed(
    s: &Services,
    inv: &Invocation,
    (homework, owner, confirm): (u64, u64, bool),
    may_steer: impl Fn(u64) -> bool,
) -> Result<Outcome, Error> {
    let lang = inv.lang;
    if owner != inv.user || inv.origin_user.is_some_and(|o| o != inv.user) {
        return Ok(Outcome::notice(t(lang, "error-not-your-buttons")));
    }
    let Some(a) = s.store.homework(homework).await? else {
        return Ok(Outcome::notice(t(lang, "error-stale-button")));
    };
    if inv.guild != Some(a.guild) {
        return Ok(Outcome::notice(t(lang, "error-stale-button")));
    }
    if !confirm {
        return Ok(Outcome::Update(Reply::private(tr(
            lang,
            "homework-close-cancelled",
            &[("number", &(a.number as usize))],
        ))));
    }
    if !may_steer(a.teacher) {
        return Ok(Outcome::Reply(Reply::no_permission(lang)));
    }
    if a.closed_at.is_some() || !close::close(s, &a, Some(inv.user)).await? {
        return Ok(Outcome::Update(Reply::private(already_closed(&a, lang))));
    }
    let action = Action::HomeworkClosedEarly { number: a.number };
    audit::record(s, a.guild, inv.user, action).await;
    Ok(Outcome::Update(Reply::private(tr(
        lang,
        "homework-closed-early",
        &[
            ("number", &(a.number as usize)),
            ("channel", &format!("<#{}>", a.channel)),
        ],
    ))))
}

/// The server's assignments (the latest 20), with completion and mean so far.
async fn list(s: &Services, guild: u64, lang: Lang) -> Result<Outcome, Error> {
    let all = s.store.homeworks(guild, 20).await?;
    let now = s.clock.unix();
    let mut summaries = Vec::with_capacity(all.len());
    for a in &all {
        // Open past the class's due time: members a teacher gave more time are still at it.
        let more_time = if a.closed_at.is_none() && a.due_at <= now {
            s.store.members_with_more_time(a.id, now).await?
        } else {
            0
        };
        summaries.push((close::summary_of(s, a).await?, more_time));
    }
    let listed: Vec<Listed<'_>> = all
        .iter()
        .zip(&summaries)
        .map(|(assignment, (summary, more_time))| Listed {
            assignment,
            summary,
            more_time: *more_time,
        })
        .collect();
    Ok(Outcome::Reply(cards::list_card(&listed, lang)))
}
