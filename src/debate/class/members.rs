//! What members do in a class debate: join a side or say "I'm in", vote, volunteer to speak,
//! raise a hand and answer one, and add arguments through the form. Every answer is private;
//! the control message follows through [`refresh`].

use super::announce::{announce_start, say};
use super::model::Added;
use super::refresh;
use super::{Act, Class, Clock, Poll, Speech};
use crate::debate::Side;
use crate::debate::rules::{
    ARGUMENTS_PER_DEBATE, ARGUMENTS_PER_MEMBER, Ballot, CLAIM_MAX, REPLY_DEPTH, cast, here, notice,
};
use crate::debate::view as cards;
use crate::debate::view::result::side_name;
use crate::i18n::{t, tr};
use crate::interaction::{CustomId, Input, Invocation, Modal, Outcome};
use crate::reply::Reply;
use crate::services::{Error, Services};

pub(super) async fn join(
    s: &Services,
    inv: &Invocation,
    c: &Class,
    side: Option<Side>,
) -> Result<Outcome, Error> {
    let lang = inv.lang;
    let now = s.clock.unix();
    if !s
        .store
        .join_class(c.debate.id, inv.user, &inv.name, side, now)
        .await?
    {
        return Ok(notice(lang, "class-sides-fixed"));
    }
    refresh::request(s, c.debate.id);
    Ok(Outcome::private(match side {
        Some(side) => tr(lang, "class-joined", &[("side", &side_name(lang, side))]),
        None => t(lang, "class-in"),
    }))
}

pub(super) async fn ballot(
    s: &Services,
    inv: &Invocation,
    id: u64,
    poll: Poll,
    side: Side,
) -> Result<Outcome, Error> {
    let ballot = Ballot::Class(id, poll);
    Ok(match cast(s, inv, ballot, side).await? {
        Ok(text) => Outcome::private(text),
        Err(key) => notice(inv.lang, key),
    })
}

/// A member's click during the current speech `sp`, at `now`.
pub(super) struct During<'a> {
    pub s: &'a Services,
    pub inv: &'a Invocation,
    pub c: &'a Class,
    pub sp: &'a Speech,
    pub now: i64,
}

impl During<'_> {
    /// "I'll speak": a member of the speech's side takes it while it waits for its speaker.
    pub(super) async fn volunteer(&self) -> Result<Outcome, Error> {
        let (s, inv, c, sp) = (self.s, self.inv, self.c, self.sp);
        let lang = inv.lang;
        if c.side_of(inv.user) != Some(sp.side) {
            let text = tr(
                lang,
                "class-not-your-speech",
                &[("side", &side_name(lang, sp.side))],
            );
            return Ok(Outcome::Reply(Reply::notice(text)));
        }
        if sp.clock(self.now) != Clock::Waiting || sp.speaker.is_some() {
            return Ok(notice(lang, "class-speaker-taken"));
        }
        // Claimed and started in one statement: of two volunteers at once, one is the
        // speaker of record, and the other is told.
        if !s
            .store
            .claim_speech(c.debate.id, sp.number, (inv.user, &inv.name), self.now)
            .await?
        {
            return Ok(notice(lang, "class-speaker-taken"));
        }
        announce_start(s, c.debate.id, sp.number).await?;
        Ok(Outcome::private(t(lang, "class-you-speak")))
    }

    /// A raised hand: a member of the other side asks for a point of information.
    pub(super) async fn raise(&self) -> Result<Outcome, Error> {
        let (s, inv, c, sp) = (self.s, self.inv, self.c, self.sp);
        let lang = inv.lang;
        if matches!(sp.clock(self.now), Clock::Waiting | Clock::Ended) {
            return Ok(notice(lang, "class-poi-not-now"));
        }
        if c.side_of(inv.user) != Some(sp.side.other()) {
            return Ok(notice(lang, "class-poi-other-side"));
        }
        if !s
            .store
            .raise_poi(c.debate.id, sp.number, inv.user, &inv.name, self.now)
            .await?
        {
            return Ok(notice(lang, "class-poi-already"));
        }
        refresh::request(s, c.debate.id);
        Ok(Outcome::private(t(lang, "class-poi-raised")))
    }

    /// The speaker (or a moderator) accepts or declines the first hand up.
    pub(super) async fn answer_poi(
        &self,
        accept: bool,
        hand: Option<i64>,
    ) -> Result<Outcome, Error> {
        let (s, inv, c, sp) = (self.s, self.inv, self.c, self.sp);
        let lang = inv.lang;
        let speaker = sp.speaker.as_ref().map(|(id, _)| *id);
        if speaker != Some(inv.user) && !crate::debate::rules::may_close(s, &c.debate, inv).await? {
            return Ok(notice(lang, "class-poi-not-speaker"));
        }
        let answered = s.store.answer_poi(c.debate.id, sp.number, accept, hand);
        let Some((member, _)) = answered.await? else {
            return Ok(notice(lang, "class-poi-none"));
        };
        let key = if accept {
            "class-poi-accepted"
        } else {
            "class-poi-declined"
        };
        let who = format!("<@{member}>");
        say(s, c, |lang| tr(lang, key, &[("member", &who)]), None).await;
        refresh::request(s, c.debate.id);
        Ok(Outcome::private(tr(lang, key, &[("member", &who)])))
    }
}

/// The argument form: the claim, the argument it answers (if any), and a source from the pack.
pub(super) fn argue_form(inv: &Invocation, c: &Class) -> Outcome {
    let lang = inv.lang;
    if c.side_of(inv.user).is_none() {
        return notice(lang, "class-argue-no-side");
    }
    Outcome::Modal(Modal {
        id: CustomId::Class {
            debate: c.debate.id,
            act: Act::Argument,
        },
        title: t(lang, "class-argue-title"),
        fields: vec![
            Input {
                id: "claim",
                label: t(lang, "class-argue-claim"),
                paragraph: true,
                min_length: 5,
                max_length: CLAIM_MAX,
                required: true,
                value: None,
            },
            Input {
                id: "reply",
                label: t(lang, "class-argue-reply"),
                paragraph: false,
                min_length: 0,
                max_length: 6,
                required: false,
                value: None,
            },
            Input {
                id: "source",
                label: t(lang, "class-argue-source"),
                paragraph: false,
                min_length: 0,
                max_length: 60,
                required: false,
                value: None,
            },
        ],
    })
}

/// The submitted argument form. A bad reply number or source is refused with the member's
/// claim quoted back, so nothing they wrote is lost.
pub async fn argument(
    s: &Services,
    inv: &Invocation,
    id: u64,
    values: &[(String, String)],
) -> Result<Outcome, Error> {
    let lang = inv.lang;
    let Some(c) = s.store.class(id).await?.filter(|c| here(&c.debate, inv)) else {
        return Ok(notice(lang, "error-stale-button"));
    };
    let value = |key: &str| {
        values
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let claim = value("claim").unwrap_or_default();
    let Some(side) = c.side_of(inv.user) else {
        return Ok(notice(lang, "class-argue-no-side"));
    };
    let refuse = |key: &str, what: &str| {
        let text = tr(
            lang,
            key,
            &[
                ("value", &crate::text::member_text(what, 60)),
                (
                    "claim",
                    &crate::text::member_text(&claim, usize::from(CLAIM_MAX)),
                ),
            ],
        );
        Ok(Outcome::Reply(Reply::notice(text)))
    };
    if claim.chars().count() < 5 || claim.chars().count() > usize::from(CLAIM_MAX) {
        return refuse("class-argue-bad-claim", "");
    }
    let parent = match value("reply") {
        None => None,
        Some(text) => {
            let number = text.trim_start_matches('#').parse::<u32>().ok();
            match number.filter(|n| c.arguments.iter().any(|a| a.number == *n)) {
                Some(n) if c.depth_of(n) >= REPLY_DEPTH => {
                    return refuse("class-argue-too-deep", &text);
                }
                Some(n) => Some(n),
                None => return refuse("class-argue-bad-reply", &text),
            }
        }
    };
    let source = match value("source") {
        None => None,
        Some(text) => match cards::source(&s.core, &c.debate.pack, &text) {
            Some(id) => Some(id),
            None => return refuse("class-argue-bad-source", &text),
        },
    };
    let added = s
        .store
        .add_argument(
            id,
            parent,
            side,
            (inv.user, &inv.name),
            &claim,
            source.as_deref(),
            s.clock.unix(),
            (ARGUMENTS_PER_DEBATE, ARGUMENTS_PER_MEMBER),
        )
        .await?;
    let number = match added {
        Added::Numbered(number) => number,
        Added::Closed => return Ok(notice(lang, "class-ended")),
        Added::DebateFull => {
            return refuse("class-argue-debate-full", &ARGUMENTS_PER_DEBATE.to_string());
        }
        Added::MemberFull => {
            return refuse("class-argue-member-full", &ARGUMENTS_PER_MEMBER.to_string());
        }
    };
    refresh::request(s, id);
    Ok(Outcome::private(tr(
        lang,
        "class-argued",
        &[("number", &(number as usize))],
    )))
}
