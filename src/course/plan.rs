//! The reading plan: staff say which sections of the essay the class reads in which week
//! (`/course plan`), from a start date in the server's time zone. Rounds, homework and
//! practice then draw from what the class has read so far unless a command names its own
//! sections (`section:all` for the whole essay), and a `/section` card ahead of the class says
//! in which week it comes.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::model::ReadingPlan;
use crate::audit::{self, Action};
use crate::cards::section_ref;
use crate::core::Core;
use crate::i18n::{t, tr};
use crate::interaction::{Invocation, Outcome};
use crate::pack::Lang;
use crate::reply::Reply;
use crate::services::{Error, Services};

/// The most weeks a plan has.
pub const MAX_WEEKS: u32 = 52;

/// `/course plan`'s options: the term's start (and zone), or one week's sections; none shows
/// the plan.
#[derive(Debug, Clone, Default)]
pub struct PlanArgs {
    pub start: Option<String>,
    pub timezone: Option<String>,
    pub week: Option<u32>,
    pub sections: Option<String>,
}

/// `/course plan`: sets the start or a week, then shows the plan (teachers; in a server).
pub async fn command(
    s: &Services,
    at: (&Invocation, u64),
    args: PlanArgs,
) -> Result<Outcome, Error> {
    let (inv, guild) = at;
    let lang = inv.lang;
    let notice = |text: String| Ok(Outcome::Reply(Reply::notice(text)));
    let mut plan = s.store.reading_plan(guild).await?;
    let before = plan.clone();
    if let Some(zone) = &args.timezone {
        if TimeZone::get(zone.trim()).is_err() {
            return notice(
                crate::cards::bad_option(lang, "timezone", zone, "Asia/Jakarta, UTC").text,
            );
        }
        plan.zone = zone.trim().to_string();
    }
    if let Some(start) = &args.start {
        if start.trim().parse::<Date>().is_err() {
            return notice(crate::cards::bad_option(lang, "start", start, "2026-09-07").text);
        }
        plan.start = start.trim().to_string();
    }
    if !plan.start.is_empty() && plan.zone.is_empty() {
        plan.zone = "UTC".into();
    }
    match (args.week, args.sections.as_deref()) {
        (Some(week), Some(sections)) => {
            if !(1..=MAX_WEEKS).contains(&week) {
                let allowed = format!("1–{MAX_WEEKS}");
                return notice(
                    crate::cards::bad_option(lang, "week", &week.to_string(), &allowed).text,
                );
            }
            let cleared =
                ["-", "none", "kosong"].contains(&sections.trim().to_lowercase().as_str());
            if cleared {
                plan.weeks.remove(&week);
            } else {
                let ids = match crate::quiz::plan::sections(&s.core, lang, sections) {
                    Ok((_, ids)) => ids,
                    Err(refused) => return Ok(Outcome::Reply(*refused)),
                };
                let mut unique: Vec<String> = Vec::new();
                for id in ids {
                    if !unique.contains(&id) {
                        unique.push(id);
                    }
                }
                plan.weeks.insert(week, unique);
            }
        }
        (Some(_), None) | (None, Some(_)) => {
            return notice(t(lang, "course-plan-week-and-sections"));
        }
        (None, None) => {}
    }
    if plan != before {
        s.store.set_reading_plan(guild, &plan).await?;
        // Section cards read the plan through the lookups' cache: it is read again at once.
        s.state::<crate::lookup::gate::Gate>().forget_rules(guild);
        audit::record(s, guild, inv.user, Action::ReadingPlan).await;
    }
    Ok(Outcome::Reply(card(&s.core, &plan, s.clock.now(), lang)))
}

/// The plan as staff see it: the start, each week's sections, the current week marked.
pub fn card(core: &Core, plan: &ReadingPlan, now: Timestamp, lang: Lang) -> Reply {
    let current = plan.current_week(now);
    let text = match (&current, plan.start.is_empty()) {
        (_, true) => t(lang, "course-plan-unset"),
        (Some(week), false) => tr(
            lang,
            "course-plan-start",
            &[
                ("start", &plan.start),
                ("zone", &plan.zone),
                ("week", &(*week as usize)),
            ],
        ),
        (None, false) => t(lang, "course-plan-unset"),
    };
    let mut reply = Reply {
        title: Some(t(lang, "course-plan-title")),
        text,
        ephemeral: true,
        ..Reply::default()
    };
    let Some(pack) = core.library.packs.first() else {
        return reply;
    };
    let lines: Vec<String> = plan
        .weeks
        .iter()
        .map(|(week, sections)| {
            let refs: Vec<String> = sections
                .iter()
                .map(|s| section_ref(pack, lang, s, false))
                .collect();
            let mark = if current == Some(i64::from(*week)) {
                "▶ "
            } else {
                ""
            };
            let line = tr(lang, "course-plan-week", &[("week", &(*week as usize))]);
            format!("{mark}**{line}** — {}", refs.join(", "))
        })
        .collect();
    if lines.is_empty() {
        reply.text.push_str("\n\n");
        reply.text.push_str(&t(lang, "course-plan-no-weeks"));
    }
    for (name, value) in crate::cards::whole_lines(&t(lang, "course-plan-weeks"), &lines, 4) {
        reply = reply.field(name, value);
    }
    reply
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> ReadingPlan {
        let mut plan = ReadingPlan {
            start: "2026-09-07".into(),
            zone: "Asia/Jakarta".into(),
            ..ReadingPlan::default()
        };
        plan.weeks.insert(1, vec!["preface".into(), "i".into()]);
        plan.weeks.insert(2, vec!["ii".into(), "i".into()]);
        plan.weeks.insert(4, vec!["iii".into()]);
        plan
    }

    fn at(s: &str) -> Timestamp {
        s.parse().expect("instant")
    }

    /// Weeks count from the start in the server's zone: Sunday 6 September 23:30 in Jakarta
    /// is before the term, Monday 00:30 there (still Sunday in UTC) is week 1.
    #[test]
    fn the_class_has_read_the_weeks_up_to_this_one() {
        let p = plan();
        assert_eq!(p.current_week(at("2026-09-06T16:30:00Z")), Some(0));
        assert!(p.read_so_far(at("2026-09-06T16:30:00Z")).is_empty());
        assert_eq!(p.current_week(at("2026-09-06T17:30:00Z")), Some(1));
        assert_eq!(p.read_so_far(at("2026-09-06T17:30:00Z")), ["preface", "i"]);
        assert_eq!(
            p.read_so_far(at("2026-09-15T00:00:00Z")),
            ["preface", "i", "ii"]
        );
        // Week 3 reads nothing new; week 4 adds III.
        assert_eq!(p.read_so_far(at("2026-09-22T00:00:00Z")).len(), 3);
        assert_eq!(p.read_so_far(at("2026-09-29T00:00:00Z")).len(), 4);
        assert_eq!(p.week_of("iii"), Some(4));
        assert_eq!(p.week_of("xv"), None);
        assert!(
            ReadingPlan::default()
                .read_so_far(at("2026-09-29T00:00:00Z"))
                .is_empty()
        );
    }
}
