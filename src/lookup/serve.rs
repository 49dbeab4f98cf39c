//! A lookup command answered in a server's channel under the server's rules ([`super::gate`]):
//! a random quote avoids the entries the channel saw lately; an answer the channel should not
//! see now goes to the member alone, saying why; a public answer gets the asker's delete
//! button. Outside a server (a DM) there is no rule.

use std::collections::HashSet;
use std::sync::Arc;

use rand::SeedableRng;

use super::gate::{Gate, Server, Verdict, Why};
use crate::cards::delete_button;
use crate::catalog::Request;
use crate::course::model::ReadingPlan;
use crate::i18n::tr;
use crate::interaction::Invocation;
use crate::pack::Lang;
use crate::reply::Reply;
use crate::services::{Error, Services};

/// The lookup `req` answered for the member who asked, where they asked.
pub async fn answer(s: &Services, inv: &Invocation, req: &Request) -> Result<Reply, Error> {
    let mut rng = rand::rngs::StdRng::from_entropy();
    let lang = inv.lang;
    let Some(guild) = inv.guild else {
        let mut reply = super::answer(&s.core, lang, req, &mut rng);
        if !reply.ephemeral {
            reply.buttons.push(delete_button(lang, inv.user));
        }
        return Ok(reply);
    };
    let now = s.clock.unix();
    let gate = s.state::<Gate>();
    let server = rules(s, &gate, guild, now).await;
    let rules = &server.rules;
    let avoid = match req.command.name {
        "quote" => gate.recent(rules, inv.channel, now),
        _ => HashSet::new(),
    };
    let mut reply = super::answer_avoiding(&s.core, lang, req, &avoid, &mut rng);
    if reply.ephemeral {
        // A notice (a typo, nothing found): the member's alone already.
        return Ok(reply);
    }
    if req.command.name == "section" {
        ahead(&server.plan, &mut reply, (now, lang));
    }
    let entry = reply.about.clone();
    let verdict = gate.admit(
        rules,
        (guild, inv.channel),
        req.command.name,
        entry.as_deref(),
        now,
    );
    match verdict {
        Verdict::Public => reply.buttons.push(delete_button(lang, inv.user)),
        Verdict::Private(why) => {
            reply.ephemeral = true;
            if let Some(line) = why_line(why, lang, now) {
                reply.text = format!("{}\n\n-# {line}", reply.text);
            }
        }
    }
    Ok(reply)
}

/// A section card for a section the class reads later by its reading plan says in which
/// week, without hiding anything.
fn ahead(plan: &ReadingPlan, reply: &mut Reply, (now, lang): (i64, Lang)) {
    let Some(section) = reply.about.as_deref().and_then(|a| a.rsplit(':').next()) else {
        return;
    };
    let at = jiff::Timestamp::from_second(now).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    let (Some(week), Some(current)) = (plan.week_of(section), plan.current_week(at)) else {
        return;
    };
    if i64::from(week) > current {
        let note = tr(lang, "section-not-reached", &[("week", &(week as usize))]);
        reply.text = format!("-# {note}\n\n{}", reply.text);
    }
}

/// The server's rules and reading plan: kept for a while, read from the store otherwise. A
/// store that cannot answer leaves lookups as they are without rules (logged), never
/// unanswered.
async fn rules(s: &Services, gate: &Gate, guild: u64, now: i64) -> Arc<Server> {
    if let Some(server) = gate.rules(guild, now) {
        return server;
    }
    let read = async {
        let rules = s.store.lookup_rules(guild).await?;
        let plan = s.store.reading_plan(guild).await?;
        Ok::<_, crate::store::StoreError>(Server { rules, plan })
    };
    match read.await {
        Ok(server) => gate.keep_rules(guild, server, now),
        Err(e) => {
            tracing::warn!(guild, error = %e, "cannot read the server's lookup rules");
            Arc::new(Server::default())
        }
    }
}

/// The line under a private answer saying why the channel did not see it (none in a channel
/// that answers only privately: that is what it always does). Times are Discord's own
/// relative timestamps, shown in each member's language and time.
fn why_line(why: Why, lang: Lang, now: i64) -> Option<String> {
    let at = |secs: i64| format!("<t:{}:R>", now + secs);
    Some(match why {
        Why::PrivateChannel => return None,
        Why::ChannelCooldown { left } => tr(
            lang,
            "lookup-channel-cooldown",
            &[("when", &at(i64::from(left)))],
        ),
        Why::ServerCooldown { left } => tr(
            lang,
            "lookup-server-cooldown",
            &[("when", &at(i64::from(left)))],
        ),
        Why::Repeated { ago } => tr(lang, "lookup-repeated", &[("when", &at(-i64::from(ago)))]),
    })
}
