//! A realistic, deterministic history for the growth benchmark (built for tests and with the
//! `test-util` feature only): many servers of quiz rounds, homework, practice, class and quick
//! debates and daily posts, written in bulk, then folded as the store folds an upgraded
//! database when it opens.
//!
//! The shape follows a year of a large school's use: the largest server holds a fifth of the
//! answers (5,000 members, a round of fifty players and ten questions about five times a day),
//! the others share the rest by a Zipf law. A smaller history is the same servers over a
//! shorter time: `answers` sets how long the classes have been running.

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

use super::{BeginWrite, Store, StoreError};

/// What to grow.
#[derive(Debug, Clone)]
pub struct History {
    /// Answers in all (live, homework and practice).
    pub answers: u64,
    pub seed: u64,
    /// The largest server's id, and the channel its live rounds are played in.
    pub largest: u64,
    pub channel: u64,
    /// Servers in all.
    pub servers: u64,
    /// Daily schedules in all.
    pub schedules: u64,
    /// The quiz questions answered (ids in the study pack) and a debate motion's pack and id.
    pub questions: Vec<String>,
    pub motion: (String, String),
    /// When the history ends (unix seconds).
    pub now: i64,
}

/// How much of it was written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Grown {
    pub answers: u64,
    pub rounds: u64,
    pub debates: u64,
    pub assignments: u64,
    pub posts: u64,
}

/// A value of a bulk row.
enum V {
    I(i64),
    T(String),
    /// `NULL` in a text column.
    Nt,
    /// `NULL` in an integer column.
    Ni,
}

/// The first member id of server `s`: members of different servers never share an id.
pub fn member_of(server: u64, i: u64) -> u64 {
    1_000_000_000_000 + server * 10_000 + i
}

/// Answers per question of a round, and questions per round.
const QUESTIONS: u64 = 10;
const DAY: i64 = 86_400;
/// The answers of the full year's history.
const YEAR: u64 = 5_000_000;

/// The quiz tables a history fills, with their columns.
const QUIZ_TABLES: [(&str, &str); 4] = [
    (
        "quiz_rounds",
        "id, guild_id, channel_id, starter_id, started_at, ended_at, outcome, kind",
    ),
    (
        "quiz_answers",
        "round_id, question_no, question_id, guild_id, user_id, choice, correct, taken_ms, points, answered_at, kind, picked, display_name",
    ),
    (
        "homework",
        "id, guild_id, number, channel_id, teacher_id, lang, pack, questions, created_at, due_at, zone, closed_at, summary_message",
    ),
    (
        "homework_attempts",
        "homework_id, user_id, round_id, next_no, shown_at, started_at, finished_at",
    ),
];

/// The debate tables a history fills, with their columns.
const DEBATE_TABLES: [(&str, &str); 6] = [
    (
        "debates",
        "id, pack, motion, guild_id, channel_id, starter_id, token, lang, opened_at, closes_at, closed_at, format, thread_id",
    ),
    (
        "class_debates",
        "debate_id, sides_mode, speech_secs, seed, phase",
    ),
    ("debate_sides", "debate_id, user_id, name, side, joined_at"),
    (
        "debate_ballots",
        "debate_id, phase, user_id, side, voted_at",
    ),
    (
        "debate_arguments",
        "debate_id, number, parent, side, user_id, name, claim, source, created_at",
    ),
    ("debate_votes", "debate_id, user_id, side, voted_at"),
];

/// Rows are written this many to a statement.
const CHUNK: usize = 400;

/// Rows waiting to be written to one table.
struct Table {
    name: &'static str,
    /// Its columns, comma-separated.
    columns: &'static str,
    rows: Vec<Vec<V>>,
}

impl Table {
    fn new(name: &'static str, columns: &'static str) -> Table {
        Table {
            name,
            columns,
            rows: Vec::new(),
        }
    }
}

impl Store {
    /// Writes `h` into this (empty) database, then folds it into the boards.
    pub async fn grow(&self, h: &History) -> Result<Grown, StoreError> {
        // SQLite's writer keeps a quarter of a gigabyte of pages while it writes the history,
        // then goes back to its default (2 MB).
        if let super::Db::Sqlite(db) = &self.pool {
            sqlx::query("PRAGMA cache_size = -262144")
                .execute(db)
                .await?;
        }
        let mut w = Writing {
            rng: StdRng::seed_from_u64(h.seed),
            next_id: 1_000_000_000_000_000,
            grown: Grown::default(),
        };
        let span = (365.0 * h.answers as f64 / YEAR as f64).max(0.05);
        let start = h.now - (span * DAY as f64) as i64;
        // Each server's share of the answers: a fifth for the largest, a Zipf law for the rest.
        let weights: Vec<f64> = (1..h.servers).map(|i| 1.0 / (i as f64).powf(0.9)).collect();
        let total: f64 = weights.iter().sum();
        for s in 0..h.servers {
            let share = if s == 0 {
                0.2
            } else {
                0.8 * weights[(s - 1) as usize] / total
            };
            let answers = (h.answers as f64 * share) as u64;
            let (guild, channel) = if s == 0 {
                (h.largest, h.channel)
            } else {
                (2_000_000_000_000 + s, 3_000_000_000_000 + s * 10)
            };
            let members = 3_000u64
                .checked_div(s)
                .map_or(5_000, |share| (20 + share).min(2_000));
            let server = Server {
                index: s,
                guild,
                channel,
                members,
                start,
                end: h.now,
            };
            self.grow_server(h, &server, answers, &mut w).await?;
        }
        self.grow_schedules(h, start, &mut w).await?;
        self.fold_pending().await?;
        self.analyze().await?;
        if let super::Db::Sqlite(db) = &self.pool {
            sqlx::query("PRAGMA cache_size = -2000").execute(db).await?;
        }
        Ok(w.grown)
    }

    /// One server's rounds (80% of its answers live, 10% homework, 10% practice), debates.
    async fn grow_server(
        &self,
        h: &History,
        s: &Server,
        answers: u64,
        w: &mut Writing,
    ) -> Result<(), StoreError> {
        let Writing {
            rng,
            next_id,
            grown,
        } = w;
        let [mut rounds, mut rows, mut homework, mut attempts] =
            QUIZ_TABLES.map(|(name, columns)| Table::new(name, columns));
        let live_players = if s.index == 0 { 50 } else { 3 + s.members / 20 };
        // Counts rounded up or down at random, so small servers add up to their share.
        let mut round = |x: f64| x.floor() as u64 + u64::from(rng.gen_bool(x.fract()));
        let live_rounds = round(answers as f64 * 0.8 / (live_players * QUESTIONS) as f64);
        // Homework: assignments each attempted by a tenth of the members (at most 40).
        let attempters = (s.members / 10).clamp(1, 40);
        let attempt_count = round(answers as f64 * 0.1 / QUESTIONS as f64);
        let assignments = attempt_count.div_ceil(attempters);
        let practice_runs = round(answers as f64 * 0.1 / 5.0);
        let add = |kind: &str,
                   first: Option<u64>,
                   players: u64,
                   questions: u64,
                   at: i64,
                   rng: &mut StdRng,
                   rounds: &mut Table,
                   rows: &mut Table,
                   next_id: &mut u64|
         -> String {
            *next_id += 1;
            let id = next_id.to_string();
            // Regulars play more often: the players are a skewed pick of the members.
            let x: f64 = rng.r#gen();
            let first = first.unwrap_or((x * x * s.members as f64) as u64);
            let starter = member_of(s.index, first % s.members);
            rounds.rows.push(vec![
                V::T(id.clone()),
                V::T(s.guild.to_string()),
                V::T(s.channel.to_string()),
                V::T(starter.to_string()),
                V::I(at),
                V::I(at + 600),
                V::T("finished".into()),
                V::T(kind.into()),
            ]);
            // Distinct questions in a round, as a round asks them.
            let asked: Vec<&String> = h
                .questions
                .choose_multiple(rng, questions as usize)
                .collect();
            for p in 0..players {
                let u = (first + p) % s.members;
                let user = member_of(s.index, u);
                for q in 0..questions {
                    let question = &asked[q as usize % asked.len()];
                    let correct = rng.gen_bool(0.6);
                    let picked: i64 = rng.gen_range(0..4);
                    rows.rows.push(vec![
                        V::T(id.clone()),
                        V::I(q as i64 + 1),
                        V::T((*question).clone()),
                        V::T(s.guild.to_string()),
                        V::T(user.to_string()),
                        V::I(picked),
                        V::I(i64::from(correct)),
                        V::I(rng.gen_range(800..20_000)),
                        V::I(if correct {
                            rng.gen_range(300..1_000)
                        } else {
                            0
                        }),
                        V::I(at + (q as i64) * 30),
                        V::T(kind.into()),
                        V::I(picked),
                        V::T(format!("Member {u}")),
                    ]);
                }
            }
            id
        };
        let spread = |i: u64, n: u64| {
            s.start + ((s.end - s.start) as f64 * (i as f64 + 0.5) / n.max(1) as f64) as i64
        };
        for r in 0..live_rounds {
            let at = spread(r, live_rounds);
            add(
                "live",
                None,
                live_players,
                QUESTIONS,
                at,
                rng,
                &mut rounds,
                &mut rows,
                next_id,
            );
        }
        for a in 0..assignments {
            let at = spread(a, assignments);
            *next_id += 1;
            let hw = next_id.to_string();
            let questions: Vec<String> = (0..QUESTIONS)
                .map(|_| {
                    let q = &h.questions[rng.gen_range(0..h.questions.len())];
                    format!("{{\"id\":{q:?},\"order\":[0,1,2,3]}}")
                })
                .collect();
            homework.rows.push(vec![
                V::T(hw.clone()),
                V::T(s.guild.to_string()),
                V::I(a as i64 + 1),
                V::T(s.channel.to_string()),
                V::T(member_of(s.index, 0).to_string()),
                V::T("id".into()),
                V::T(h.motion.0.clone()),
                V::T(format!("[{}]", questions.join(","))),
                V::I(at),
                V::I(at + 3 * DAY),
                V::T("Asia/Jakarta".into()),
                V::I(at + 3 * DAY),
                V::T("0".into()),
            ]);
            for t in 0..attempters.min(attempt_count - a * attempters) {
                let user = (a * 7 + t) % s.members;
                let round = add(
                    "homework",
                    Some(user),
                    1,
                    QUESTIONS,
                    at + t as i64 * 60,
                    rng,
                    &mut rounds,
                    &mut rows,
                    next_id,
                );
                attempts.rows.push(vec![
                    V::T(hw.clone()),
                    V::T(member_of(s.index, user).to_string()),
                    V::T(round),
                    V::I(QUESTIONS as i64 + 1),
                    V::I(at),
                    V::I(at),
                    V::I(at + 600),
                ]);
            }
        }
        for p in 0..practice_runs {
            let at = spread(p, practice_runs);
            add(
                "practice",
                None,
                1,
                5,
                at,
                rng,
                &mut rounds,
                &mut rows,
                next_id,
            );
        }
        grown.rounds += rounds.rows.len() as u64;
        grown.answers += rows.rows.len() as u64;
        grown.assignments += homework.rows.len() as u64;
        // Attempts name their homework and round: both go first.
        self.write(&mut [rounds, homework, rows, attempts]).await?;
        self.grow_debates((h, s), answers, w).await
    }

    /// A server's class debates (300 in the largest over a year) with sides, ballots and
    /// arguments, and as many quick debates with votes.
    async fn grow_debates(
        &self,
        (h, s): (&History, &Server),
        answers: u64,
        w: &mut Writing,
    ) -> Result<(), StoreError> {
        let count = (300.0 * answers as f64 / (YEAR as f64 / 5.0)).round() as u64;
        let [
            mut debates,
            mut classes,
            mut sides,
            mut ballots,
            mut arguments,
            mut votes,
        ] = DEBATE_TABLES.map(|(name, columns)| Table::new(name, columns));
        const SIDES: [&str; 3] = ["benjamin", "adorno", "undecided"];
        for d in 0..count * 2 {
            let class = d % 2 == 0;
            let at =
                s.start + ((s.end - s.start) as f64 * (d as f64 + 0.5) / (count * 2) as f64) as i64;
            w.next_id += 1;
            let id = w.next_id.to_string();
            debates.rows.push(vec![
                V::T(id.clone()),
                V::T(h.motion.0.clone()),
                V::T(h.motion.1.clone()),
                V::T(s.guild.to_string()),
                V::T(s.channel.to_string()),
                V::T(member_of(s.index, 0).to_string()),
                V::T(String::new()),
                V::T("id".into()),
                V::I(at),
                V::I(at + 3_600),
                V::I(at + 3_600),
                V::T(if class { "class" } else { "quick" }.into()),
                if class {
                    V::T((s.channel + 1).to_string())
                } else {
                    V::Nt
                },
            ]);
            let people = 40.min(s.members);
            for p in 0..people {
                let user = member_of(s.index, (p + d) % s.members).to_string();
                let side = SIDES[w.rng.gen_range(0..3)];
                if !class {
                    votes.rows.push(vec![
                        V::T(id.clone()),
                        V::T(user),
                        V::T(side.into()),
                        V::I(at + p as i64),
                    ]);
                    continue;
                }
                for phase in ["opening", "closing"] {
                    ballots.rows.push(vec![
                        V::T(id.clone()),
                        V::T(phase.into()),
                        V::T(user.clone()),
                        V::T(SIDES[w.rng.gen_range(0..3)].into()),
                        V::I(at + p as i64),
                    ]);
                }
                let side = SIDES[(p % 2) as usize];
                sides.rows.push(vec![
                    V::T(id.clone()),
                    V::T(user.clone()),
                    V::T(format!("Member {p}")),
                    V::T(side.into()),
                    V::I(at),
                ]);
                if p < 20 {
                    arguments.rows.push(vec![
                        V::T(id.clone()),
                        V::I(p as i64 + 1),
                        if p > 1 { V::I(p as i64 / 2) } else { V::Ni },
                        V::T(side.into()),
                        V::T(user),
                        V::T(format!("Member {p}")),
                        V::T("Reproduction changes how the work is received.".into()),
                        V::Nt,
                        V::I(at + 60 * p as i64),
                    ]);
                }
            }
            if class {
                classes.rows.push(vec![
                    V::T(id),
                    V::T("join".into()),
                    V::I(120),
                    V::I(w.rng.gen_range(0..1_000_000)),
                    V::T("done".into()),
                ]);
            }
        }
        w.grown.debates += debates.rows.len() as u64;
        self.write(&mut [debates, classes, sides, ballots, arguments, votes])
            .await
    }

    /// `h.schedules` daily schedules across the servers (ten in the largest), each with its
    /// posts over the history.
    async fn grow_schedules(
        &self,
        h: &History,
        start: i64,
        w: &mut Writing,
    ) -> Result<(), StoreError> {
        let Writing { rng, grown, .. } = w;
        let mut schedules = Table::new(
            "daily_schedules",
            "guild_id, channel_id, time, zone, days, lang, kind, thread, pin, deck, next_due",
        );
        let deck = super::daily::deck_json(&crate::daily::model::Deck::new(h.seed));
        for i in 0..h.schedules {
            let server = if i < 10 { 0 } else { i % h.servers.max(1) };
            let guild = if server == 0 {
                h.largest
            } else {
                2_000_000_000_000 + server
            };
            schedules.rows.push(vec![
                V::T(guild.to_string()),
                V::T((3_000_000_000_000 + i).to_string()),
                V::T(format!(
                    "{:02}:{:02}",
                    rng.gen_range(0..24),
                    rng.gen_range(0..60)
                )),
                V::T("Asia/Jakarta".into()),
                V::T("daily".into()),
                V::T("id".into()),
                V::T("prompt".into()),
                V::I(0),
                V::I(0),
                V::T(deck.clone()),
                V::I(h.now + rng.gen_range(60..DAY)),
            ]);
        }
        self.write(&mut [schedules]).await?;
        // A post a day for each of the largest server's schedules and a hundred others.
        let ids: Vec<i64> = on!(&self.pool, |db| {
            sqlx::query_scalar("SELECT id FROM daily_schedules ORDER BY id LIMIT 110")
                .fetch_all(db)
                .await?
        });
        let mut posts = Table::new(
            "daily_posts",
            "schedule_id, local_date, item, message_id, posted_at, manual",
        );
        let days = (h.now - start) / DAY;
        for id in ids {
            for d in 0..days {
                let at = start + d * DAY;
                let date = jiff::Timestamp::from_second(at)
                    .map(|t| t.strftime("%Y-%m-%d").to_string())
                    .unwrap_or_default();
                posts.rows.push(vec![
                    V::I(id),
                    V::T(date),
                    V::T("prompt:aura".into()),
                    V::T((4_000_000_000_000 + d).to_string()),
                    V::I(at),
                    V::I(0),
                ]);
            }
        }
        grown.posts += posts.rows.len() as u64;
        self.write(&mut [posts]).await
    }

    /// Writes the tables' rows, in order, many to a statement and many statements to a
    /// transaction.
    async fn write(&self, tables: &mut [Table]) -> Result<(), StoreError> {
        for table in tables.iter_mut() {
            let rows = std::mem::take(&mut table.rows);
            let head = format!("INSERT INTO {} ({}) ", table.name, table.columns);
            let mut rows = rows.into_iter().peekable();
            while rows.peek().is_some() {
                on!(&self.pool, |db| {
                    let mut tx = db.begin_write().await?;
                    for _ in 0..50 {
                        let chunk: Vec<Vec<V>> = rows.by_ref().take(CHUNK).collect();
                        if chunk.is_empty() {
                            break;
                        }
                        let mut insert = sqlx::QueryBuilder::new(&head);
                        insert.push_values(chunk, |mut b, row| {
                            for v in row {
                                match v {
                                    V::I(i) => b.push_bind(i),
                                    V::T(t) => b.push_bind(t),
                                    V::Nt => b.push_bind(None::<String>),
                                    V::Ni => b.push_bind(None::<i64>),
                                };
                            }
                        });
                        insert.build().execute(&mut *tx).await?;
                    }
                    tx.commit().await?;
                });
            }
        }
        Ok(())
    }
}

/// What the writing of a history carries from server to server: its random numbers, the next
/// id to give, and what was written so far.
struct Writing {
    rng: StdRng,
    next_id: u64,
    grown: Grown,
}

/// One server of the history.
struct Server {
    index: u64,
    guild: u64,
    channel: u64,
    members: u64,
    start: i64,
    end: i64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::model::Period;

    fn small() -> History {
        History {
            answers: 20_000,
            seed: 7,
            largest: 1,
            channel: 2,
            servers: 20,
            schedules: 30,
            questions: vec!["q1".into(), "q2".into(), "q3".into()],
            motion: ("benjamin".into(), "film-makes-experts".into()),
            now: 1_000 * DAY,
        }
    }

    #[tokio::test]
    async fn a_grown_history_is_the_same_from_the_same_seed_and_folded() {
        let (a, b) = (
            Store::in_memory().await.unwrap(),
            Store::in_memory().await.unwrap(),
        );
        let grown = a.grow(&small()).await.unwrap();
        assert_eq!(b.grow(&small()).await.unwrap(), grown);
        assert!(grown.answers.abs_diff(20_000) < 2_000, "{grown:?}");
        assert!(grown.debates > 0 && grown.assignments > 0 && grown.posts > 0);
        let now = small().now;
        let board = a.board(1, Period::All, now).await.unwrap();
        assert_eq!(board, b.board(1, Period::All, now).await.unwrap());
        // Everything was folded: the kept totals hold every live answer of the server.
        let answered: u64 = board.iter().map(|l| u64::from(l.answered)).sum();
        let live: i64 = on!(&a.pool, |db| sqlx::query_scalar(
            "SELECT COUNT(*) FROM quiz_answers WHERE guild_id = '1' AND kind = 'live'"
        )
        .fetch_one(db)
        .await)
        .unwrap();
        assert_eq!(answered, live as u64);
        assert_eq!(a.fold_pending().await.unwrap(), 0);
    }
}
