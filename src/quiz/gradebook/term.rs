//! The term's gradebook gathered from the store: each member's quiz totals and participation
//! (written work, debating, answers per essay section) since the term began, as the CSV file a
//! teacher downloads and as one student's card. The rows and the CSV themselves are pure
//! ([`super`]).

use crate::i18n::{t, tr};
use crate::interaction::Outcome;
use crate::pack::Lang;
use crate::quiz::Period;
use crate::quiz::practice;
use crate::reply::Reply;
use crate::services::{Error, Services};

/// Each question of the pack with its essay section: what the store sums each member's
/// answers by.
fn sections_of(pack: Option<&crate::pack::Pack>) -> Vec<(&str, &str)> {
    pack.map(|p| {
        p.questions
            .iter()
            .filter_map(|q| Some((q.id.as_str(), q.section.as_deref()?)))
            .collect()
    })
    .unwrap_or_default()
}

/// Brings the store's map of questions to sections up to date with the pack, at start-up (when
/// the pack was edited, each member's answers per section are built again then, before anyone
/// is served).
pub async fn keep_sections(s: &Services) -> Result<(), Error> {
    let pack = practice::first_pack(&s.core);
    Ok(s.store.keep_sections(&sections_of(pack)).await?)
}

/// Gradebooks gathered at once. Each holds a class's rows (a line per member, a total per
/// member and section) while it is built and written: teachers asking together wait their
/// turn, within their deferred reply, rather than holding a class's worth of memory each. (The
/// semaphore is never closed, so a turn always comes.)
static GATHERING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(1);

/// The term's gradebook lines: every member who answered, wrote a response or debated since
/// the term's last reset, with their participation; and the essay's sections in reading
/// order that anyone answered on.
pub async fn term_lines(
    s: &Services,
    guild: u64,
) -> Result<(Vec<super::MemberLine>, Vec<String>), Error> {
    let now = s.clock.unix();
    let tallies = s.store.gradebook_totals(guild, Period::Term, now).await?;
    let since = s.store.period_start(guild, Period::Term, now).await?;
    let mut names = s.store.display_names(guild).await?;
    for (user, name) in s.store.response_names(guild).await? {
        names.entry(user).or_insert(name);
    }
    let mut part: std::collections::HashMap<u64, super::Participation> =
        std::collections::HashMap::new();
    for (user, w) in s.store.written_work(guild, since).await? {
        let p = part.entry(user).or_default();
        p.responses = w.responses;
        p.accepted = w.accepted;
        p.revision = w.revision;
        p.excellent = w.excellent;
        p.labelled = w.labelled;
    }
    for (user, d) in s.store.debating(guild, since).await? {
        part.entry(user).or_default().debating = d;
    }
    let pack = practice::first_pack(&s.core);
    let answers = s
        .store
        .answers_per_section(guild, Period::Term, now, &sections_of(pack))
        .await?;
    let per = super::per_section(&answers, |section| Some(section.to_string()));
    let answered: std::collections::BTreeSet<&String> =
        per.values().flat_map(|m| m.keys()).collect();
    let sections: Vec<String> = s
        .core
        .library
        .packs
        .first()
        .map(|p| {
            p.sections
                .iter()
                .filter(|x| answered.contains(&x.id))
                .map(|x| x.id.clone())
                .collect()
        })
        .unwrap_or_default();
    for (user, by) in per {
        part.entry(user).or_default().sections = by;
    }
    let lines = super::members(&tallies, &names);
    Ok((super::with_participation(lines, part, &names), sections))
}

/// A teacher's view of one member this term (private): the gradebook's row as a card.
pub async fn student(
    s: &Services,
    (guild, member): (u64, u64),
    lang: Lang,
) -> Result<Outcome, Error> {
    let _turn = GATHERING.acquire().await;
    let (lines, sections) = term_lines(s, guild).await?;
    let Some(line) = lines.into_iter().find(|l| l.user == member) else {
        return Ok(Outcome::notice(t(lang, "responses-student-none")));
    };
    let pack = s.core.library.packs.first();
    Ok(crate::quiz::view::student_card(pack, &line, &sections, lang).into())
}

/// The term's gradebook: one row per member who answered, wrote or debated since the term's
/// last reset.
pub async fn report(s: &Services, guild: u64, lang: Lang) -> Result<Outcome, Error> {
    let _turn = GATHERING.acquire().await;
    let (lines, sections) = term_lines(s, guild).await?;
    if lines.is_empty() {
        return Ok(Outcome::notice(t(lang, "quiz-report-term-none")));
    }
    let bytes = super::term_csv(&lines, &sections)?;
    Ok(Outcome::File {
        reply: Reply::private(tr(
            lang,
            "quiz-report-term-ready",
            &[("rows", &lines.len())],
        )),
        name: "quiz-gradebook.csv".into(),
        bytes,
    })
}
