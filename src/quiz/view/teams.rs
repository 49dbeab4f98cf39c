//! The cards of a team round: the teams message (a join button per team before the first
//! question, then the teams as set), the teams' standings added to each reveal, and the teams'
//! ranking with each team's best player added to the end card; and the message of a round
//! that waits for its players before its first question.

use super::cards::mention;
use crate::i18n::{t, tr};
use crate::interaction::CustomId;
use crate::pack::Lang;
use crate::quiz::teams::Score;
use crate::quiz::{Member, Team, TeamLine, Teams};
use crate::reply::{Accent, Button, ButtonStyle, Field, Reply};

/// The most characters of member mentions listed under one team.
const LIST_CHARS: usize = 900;

/// A team's name with its mark, e.g. `🔴 Red`.
pub fn team_name(team: Team, lang: Lang) -> String {
    let (mark, key) = match team {
        Team::Red => ("🔴", "team-red"),
        Team::Blue => ("🔵", "team-blue"),
        Team::Green => ("🟢", "team-green"),
        Team::Yellow => ("🟡", "team-yellow"),
        Team::Benjamin => ("🟡", "team-benjamin"),
        Team::Adorno => ("🔵", "team-adorno"),
    };
    format!("{mark} {}", t(lang, key))
}

/// The colour a team's cards carry: Benjamin's and Adorno's own accents, the Aura colour for
/// the others.
pub fn team_accent(team: Team) -> Accent {
    match team {
        Team::Benjamin => Accent::Benjamin,
        Team::Adorno => Accent::Adorno,
        _ => Accent::Neutral,
    }
}

fn team_style(team: Team) -> ButtonStyle {
    match team {
        Team::Red => ButtonStyle::Danger,
        Team::Green => ButtonStyle::Success,
        Team::Yellow => ButtonStyle::Secondary,
        Team::Blue | Team::Benjamin | Team::Adorno => ButtonStyle::Primary,
    }
}

/// A team's mean with at most one decimal, in the language's style (`766.7`, `766,7`).
pub fn mean_text(score: Score, lang: Lang) -> String {
    let tenths = score.tenths();
    if tenths.is_multiple_of(10) {
        return (tenths / 10).to_string();
    }
    let point = match lang {
        Lang::Id => ',',
        _ => '.',
    };
    format!("{}{point}{}", tenths / 10, tenths % 10)
}

/// Where the teams message stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinStage {
    /// Members pick; the first question comes at this Unix time (auto mode), or when the
    /// teacher opens it (`None`).
    Open { first: Option<i64> },
    /// The first question is out: the teams are set.
    Set,
}

/// Mentions up to a length, then "… and N more".
fn member_list(members: &[Member], lang: Lang) -> String {
    if members.is_empty() {
        return t(lang, "quiz-team-nobody");
    }
    let mut out = String::new();
    for (i, m) in members.iter().enumerate() {
        let next = mention(*m);
        if out.len() + next.len() + 2 > LIST_CHARS {
            let more = members.len() - i;
            out.push_str(&tr(lang, "quiz-team-more", &[("count", &more)]));
            return out;
        }
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push_str(&next);
    }
    out
}

/// The teams message: who is in which team, with a join button per team while members pick.
pub fn teams_card(
    teams: Teams,
    members: &[(Team, Vec<Member>)],
    round: u64,
    stage: JoinStage,
    lang: Lang,
) -> Reply {
    let mut text = match stage {
        JoinStage::Open { first: Some(at) } => tr(
            lang,
            "quiz-teams-pick-auto",
            &[("opens", &format!("<t:{at}:R>"))],
        ),
        JoinStage::Open { first: None } => t(lang, "quiz-teams-pick-teacher"),
        JoinStage::Set => t(lang, "quiz-teams-set"),
    };
    text.push(' ');
    text.push_str(&t(lang, "quiz-teams-dealt"));
    let mut reply = Reply {
        title: Some(t(lang, "quiz-teams-title")),
        text,
        accent: match teams {
            Teams::BenjaminAdorno => Accent::Debate,
            _ => Accent::Neutral,
        },
        ..Reply::default()
    };
    for (team, list) in members {
        let size = tr(lang, "quiz-team-size", &[("count", &list.len())]);
        reply.fields.push(Field {
            name: format!("{} · {size}", team_name(*team, lang)),
            value: member_list(list, lang),
            inline: true,
        });
    }
    if let JoinStage::Open { .. } = stage {
        for (index, team) in teams.teams().iter().enumerate() {
            reply.buttons.push(Button {
                id: CustomId::QuizTeam { round, team: index },
                label: team_name(*team, lang),
                style: team_style(*team),
            });
        }
    }
    reply
}

fn team_line(line: &TeamLine, lang: Lang) -> String {
    let team = team_name(line.team, lang);
    if line.members.is_empty() {
        return tr(
            lang,
            "quiz-team-line-empty",
            &[("rank", &(line.rank as usize)), ("team", &team)],
        );
    }
    let size = tr(lang, "quiz-team-size", &[("count", &line.members.len())]);
    let mut out = tr(
        lang,
        "quiz-team-line",
        &[
            ("rank", &(line.rank as usize)),
            ("team", &team),
            ("mean", &mean_text(line.score, lang)),
            ("size", &size),
        ],
    );
    if let Some((member, points)) = line.best() {
        out.push_str(" · ");
        out.push_str(&tr(
            lang,
            "quiz-team-best",
            &[("member", &mention(member)), ("points", &(points as usize))],
        ));
    }
    out
}

/// A reveal with the teams' standings (mean, size, best player) added; unchanged when the
/// round is not played in teams.
pub fn with_team_standings(mut reply: Reply, lines: &[TeamLine], lang: Lang) -> Reply {
    if lines.is_empty() {
        return reply;
    }
    let text: Vec<String> = lines.iter().map(|l| team_line(l, lang)).collect();
    reply.fields.push(Field {
        name: t(lang, "quiz-teams"),
        value: text.join("\n"),
        inline: false,
    });
    reply
}

/// The end card with the teams' ranking (medals, mean, best player) first, and the winning
/// team named; unchanged when the round is not played in teams.
pub fn with_team_podium(mut reply: Reply, lines: &[TeamLine], lang: Lang) -> Reply {
    if lines.is_empty() {
        return reply;
    }
    let medals = ["🥇", "🥈", "🥉"];
    let text: Vec<String> = lines
        .iter()
        .map(|l| {
            let medal = medals
                .get((l.rank as usize).saturating_sub(1))
                .filter(|_| l.score.total > 0)
                .copied()
                .unwrap_or("▫️");
            format!("{medal} {}", team_line(l, lang))
        })
        .collect();
    reply.fields.insert(
        0,
        Field {
            name: t(lang, "quiz-teams-podium"),
            value: text.join("\n"),
            inline: false,
        },
    );
    let winners: Vec<&TeamLine> = lines
        .iter()
        .filter(|l| l.rank == 1 && l.score.total > 0)
        .collect();
    let verdict = match winners.as_slice() {
        [] => None,
        [one] => {
            reply.accent = team_accent(one.team);
            Some(tr(
                lang,
                "quiz-team-wins",
                &[("team", &team_name(one.team, lang))],
            ))
        }
        _ => Some(t(lang, "quiz-team-tie")),
    };
    if let Some(verdict) = verdict {
        reply.text = format!("{verdict} {}", reply.text);
    }
    reply
}

/// The message of a round that waits for its players: how many are in of how many it waits
/// for, until when (auto mode), and the **I'm in** button while it waits (`open`).
pub fn players_card(
    (joined, needed): (u32, u32),
    round: u64,
    until: Option<i64>,
    open: bool,
    lang: Lang,
) -> Reply {
    let (joined_n, needed_n) = (joined as usize, needed as usize);
    let mut text = tr(
        lang,
        "quiz-players-count",
        &[("joined", &joined_n), ("needed", &needed_n)],
    );
    text.push(' ');
    text.push_str(&match (open, until) {
        (true, Some(at)) => tr(
            lang,
            "quiz-players-until",
            &[("needed", &needed_n), ("until", &format!("<t:{at}:R>"))],
        ),
        (true, None) => tr(lang, "quiz-players-teacher", &[("needed", &needed_n)]),
        (false, _) if joined >= needed => t(lang, "quiz-players-enough"),
        (false, _) => t(lang, "quiz-players-closed"),
    });
    let mut reply = Reply {
        title: Some(t(lang, "quiz-players-title")),
        text,
        accent: Accent::Neutral,
        ..Reply::default()
    };
    if open {
        reply.buttons.push(Button {
            id: CustomId::QuizIn { round },
            label: t(lang, "button-quiz-in"),
            style: ButtonStyle::Success,
        });
    }
    reply
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn means_show_one_decimal_in_each_languages_style() {
        let s = Score {
            total: 2300,
            members: 3,
        };
        assert_eq!(mean_text(s, Lang::En), "766.7");
        assert_eq!(mean_text(s, Lang::Id), "766,7");
        let whole = Score {
            total: 3000,
            members: 3,
        };
        assert_eq!(mean_text(whole, Lang::Id), "1000");
    }

    #[test]
    fn a_long_team_is_listed_within_a_field() {
        let members: Vec<Member> = (0..200).map(|i| 100_000_000_000_000_000 + i).collect();
        let list = member_list(&members, Lang::En);
        assert!(list.chars().count() <= 1024, "{}", list.len());
        assert!(list.ends_with("more"), "{list}");
    }
}
