//! Written work as plain data: what a response answers ([`On`]), a teacher's [`Status`], a
//! stored [`Response`], the filter a teacher's review walks ([`Walk`]) and the bounds.

/// The most characters a response holds (a Discord form's paragraph).
pub const MAX_TEXT: usize = 4000;

/// The most responses a member starts in a server in a day (edits are not counted).
pub const PER_DAY: i64 = 20;

/// How long after its post a daily prompt takes responses, in seconds.
pub const PROMPT_OPEN: i64 = 7 * 24 * 3600;

/// The most statuses of its own a server adds to the three.
pub const MAX_LABELS: usize = 2;

/// What a response answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum On {
    /// A daily prompt: the schedule and its post's local date (YYYYMMDD).
    Prompt { schedule: i64, date: u32 },
    /// A point of Adorno's letter (its number, from 1).
    Letter { point: u8 },
    /// A debate's motion (a quick vote or a class debate).
    Motion { debate: u64 },
    /// A homework assignment's hardest question.
    Homework { homework: u64 },
}

impl On {
    /// The stored kind.
    pub fn kind(&self) -> &'static str {
        match self {
            On::Prompt { .. } => "prompt",
            On::Letter { .. } => "letter",
            On::Motion { .. } => "motion",
            On::Homework { .. } => "homework",
        }
    }

    /// Which one of its kind, as stored.
    pub fn target(&self) -> String {
        match self {
            On::Prompt { schedule, date } => format!("{schedule}.{date}"),
            On::Letter { point } => point.to_string(),
            On::Motion { debate } => debate.to_string(),
            On::Homework { homework } => homework.to_string(),
        }
    }

    /// Read back from its stored kind and target.
    pub fn stored(kind: &str, target: &str) -> Option<On> {
        Some(match kind {
            "prompt" => {
                let (schedule, date) = target.split_once('.')?;
                On::Prompt {
                    schedule: schedule.parse().ok()?,
                    date: date.parse().ok()?,
                }
            }
            "letter" => On::Letter {
                point: target.parse().ok()?,
            },
            "motion" => On::Motion {
                debate: target.parse().ok()?,
            },
            "homework" => On::Homework {
                homework: target.parse().ok()?,
            },
            _ => return None,
        })
    }

    /// One `custom_id` field: `p.<schedule>.<date>`, `l.<point>`, `m.<debate>`, `h.<homework>`.
    pub fn code(&self) -> String {
        format!("{}.{}", &self.kind()[..1], self.target())
    }

    /// Read back from [`On::code`].
    pub fn parse(code: &str) -> Option<On> {
        let (kind, target) = code.split_once('.')?;
        let kind = match kind {
            "p" => "prompt",
            "l" => "letter",
            "m" => "motion",
            "h" => "homework",
            _ => return None,
        };
        On::stored(kind, target)
    }

    /// A daily post's local date (`YYYY-MM-DD`) as the number [`On::Prompt`] keeps.
    pub fn date_number(date: &str) -> Option<u32> {
        let digits: String = date.chars().filter(char::is_ascii_digit).collect();
        (digits.len() == 8).then(|| digits.parse().ok()).flatten()
    }

    /// [`On::date_number`] back as `YYYY-MM-DD`.
    pub fn date_text(date: u32) -> String {
        format!(
            "{:04}-{:02}-{:02}",
            date / 10000,
            date / 100 % 100,
            date % 100
        )
    }
}

/// A teacher's verdict on a response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    Accepted,
    Revision,
    Excellent,
    /// The server's own status number `n` (from 1).
    Label(u8),
}

impl Status {
    pub const SHIPPED: [Status; 3] = [Status::Accepted, Status::Revision, Status::Excellent];

    pub fn code(&self) -> String {
        match self {
            Status::Accepted => "accepted".into(),
            Status::Revision => "revision".into(),
            Status::Excellent => "excellent".into(),
            Status::Label(n) => format!("label{n}"),
        }
    }

    pub fn parse(code: &str) -> Option<Status> {
        Some(match code {
            "accepted" => Status::Accepted,
            "revision" => Status::Revision,
            "excellent" => Status::Excellent,
            other => {
                let n: u8 = other.strip_prefix("label")?.parse().ok()?;
                ((1..=MAX_LABELS as u8).contains(&n)).then_some(Status::Label(n))?
            }
        })
    }
}

/// `/responses review status:`: responses not reviewed yet, or with a shipped status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusPick {
    Waiting,
    Accepted,
    Revision,
    Excellent,
}

impl StatusPick {
    /// The walk's status filter.
    pub fn filter(self) -> Option<Status> {
        match self {
            StatusPick::Waiting => None,
            StatusPick::Accepted => Some(Status::Accepted),
            StatusPick::Revision => Some(Status::Revision),
            StatusPick::Excellent => Some(Status::Excellent),
        }
    }
}

impl crate::catalog::Choice for StatusPick {
    const CHOICES: &'static [StatusPick] = &[
        StatusPick::Waiting,
        StatusPick::Accepted,
        StatusPick::Revision,
        StatusPick::Excellent,
    ];
    fn names(self) -> crate::catalog::Names {
        use crate::catalog::Names;
        match self {
            StatusPick::Waiting => Names::new("waiting", "menunggu"),
            StatusPick::Accepted => Names::new("accepted", "diterima"),
            StatusPick::Revision => Names::new("needs revision", "perlu revisi").or(&["revision"]),
            StatusPick::Excellent => Names::new("excellent", "istimewa"),
        }
    }
}

/// One response as stored: what its member wrote, and what the teacher made of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub id: i64,
    pub piece: Piece,
    pub status: Option<Status>,
    pub feedback: Option<String>,
    pub reviewer: Option<u64>,
    pub reviewed_at: Option<i64>,
    pub released_at: Option<i64>,
    pub delivered_at: Option<i64>,
    pub share_asked_at: Option<i64>,
    pub shared_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl Response {
    /// Whether its author may still change it at `now`: not reviewed, not past its deadline.
    pub fn editable(&self, now: i64) -> bool {
        self.reviewed_at.is_none() && self.piece.deadline.is_none_or(|d| now < d)
    }

    /// Whether the teacher's verdict has reached the member (released).
    pub fn released(&self) -> bool {
        self.released_at.is_some()
    }
}

/// A response as its member wrote it: where, about what, in which language, the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub guild: u64,
    /// Where the Respond button was pressed.
    pub channel: u64,
    pub on: On,
    /// What was answered, as it read when the member wrote.
    pub title: String,
    pub user: u64,
    /// The member's display name when they wrote.
    pub name: String,
    /// The member's language when they wrote (their feedback comes in it).
    pub lang: crate::pack::Lang,
    pub body: String,
    /// When it can no longer be changed (none: until reviewed).
    pub deadline: Option<i64>,
}

/// What a teacher gives a response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict<'a> {
    Status(Status),
    /// Feedback in their words (empty: none).
    Feedback(&'a str),
}

/// What saving a response did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    /// Saved as response `id`; `edited` when it replaced the member's earlier text.
    Saved { id: i64, edited: bool },
    /// The member's response is reviewed or past its deadline: nothing changed.
    Closed,
    /// The member started [`PER_DAY`] responses in the last day already.
    TooMany,
}

/// Which responses a teacher's review walks: about one thing, in one channel, with one status
/// (`Some(None)`: not reviewed yet).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Walk {
    pub on: Option<On>,
    pub channel: Option<u64>,
    pub status: Option<Option<Status>>,
}

impl Walk {
    /// Three `custom_id` fields (`*` for none): the thing, the channel, the status (`waiting`
    /// for not reviewed yet).
    pub fn code(&self) -> String {
        let on = self.on.map_or("*".into(), |o| o.code());
        let channel = self.channel.map_or("*".into(), |c| c.to_string());
        let status = match self.status {
            None => "*".into(),
            Some(None) => "waiting".into(),
            Some(Some(s)) => s.code(),
        };
        format!("{on}:{channel}:{status}")
    }

    /// Read back from [`Walk::code`]'s three fields.
    pub fn parse(on: &str, channel: &str, status: &str) -> Option<Walk> {
        Some(Walk {
            on: match on {
                "*" => None,
                code => Some(On::parse(code)?),
            },
            channel: match channel {
                "*" => None,
                c => Some(c.parse().ok()?),
            },
            status: match status {
                "*" => None,
                "waiting" => Some(None),
                s => Some(Some(Status::parse(s)?)),
            },
        })
    }
}

/// A member's written work in a server, for the gradebook: responses written and their
/// statuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Written {
    pub responses: u64,
    pub accepted: u64,
    pub revision: u64,
    pub excellent: u64,
    /// With one of the server's own statuses.
    pub labelled: u64,
}

/// What a member does with a checked response before it is saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DraftAct {
    Save,
    Edit,
    Discard,
}

impl DraftAct {
    pub fn code(&self) -> &'static str {
        match self {
            DraftAct::Save => "save",
            DraftAct::Edit => "edit",
            DraftAct::Discard => "discard",
        }
    }

    pub fn parse(code: &str) -> Option<DraftAct> {
        [DraftAct::Save, DraftAct::Edit, DraftAct::Discard]
            .into_iter()
            .find(|a| a.code() == code)
    }
}

/// A button of the teacher's review card (or its feedback form).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReviewAct {
    /// Give the response this status.
    Status(Status),
    /// Open the feedback form.
    Feedback,
    /// The feedback form, submitted.
    FeedbackForm,
    /// Release this response's status and feedback to its author.
    Release,
    /// Release every reviewed response about the same thing.
    ReleaseAll,
    /// Ask the author to share this (excellent) response in the class's thread.
    Share,
    /// The whole text as a file (a card shows a long one cut).
    FullText,
    Previous,
    Next,
}

impl ReviewAct {
    pub fn code(&self) -> String {
        match self {
            ReviewAct::Status(s) => format!("s-{}", s.code()),
            ReviewAct::Feedback => "fb".into(),
            ReviewAct::FeedbackForm => "fb-form".into(),
            ReviewAct::Release => "rel".into(),
            ReviewAct::ReleaseAll => "rel-all".into(),
            ReviewAct::Share => "share".into(),
            ReviewAct::FullText => "full".into(),
            ReviewAct::Previous => "prev".into(),
            ReviewAct::Next => "next".into(),
        }
    }

    pub fn parse(code: &str) -> Option<ReviewAct> {
        if let Some(status) = code.strip_prefix("s-") {
            return Status::parse(status).map(ReviewAct::Status);
        }
        Some(match code {
            "fb" => ReviewAct::Feedback,
            "fb-form" => ReviewAct::FeedbackForm,
            "rel" => ReviewAct::Release,
            "rel-all" => ReviewAct::ReleaseAll,
            "share" => ReviewAct::Share,
            "full" => ReviewAct::FullText,
            "prev" => ReviewAct::Previous,
            "next" => ReviewAct::Next,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_response_answers_and_a_walk_read_back_as_written() {
        for on in [
            On::Prompt {
                schedule: 12,
                date: 20261207,
            },
            On::Letter { point: 3 },
            On::Motion {
                debate: 1_234_567_890_123_456_789,
            },
            On::Homework { homework: 45 },
        ] {
            assert_eq!(On::parse(&on.code()), Some(on));
            assert_eq!(On::stored(on.kind(), &on.target()), Some(on));
        }
        assert_eq!(On::date_number("2026-12-07"), Some(20261207));
        assert_eq!(On::date_text(20261207), "2026-12-07");
        for s in [Status::Accepted, Status::Revision, Status::Label(2)] {
            assert_eq!(Status::parse(&s.code()), Some(s));
        }
        assert_eq!(Status::parse("label3"), None);
        let walk = Walk {
            on: Some(On::Letter { point: 2 }),
            channel: None,
            status: Some(None),
        };
        let code = walk.code();
        let f: Vec<&str> = code.split(':').collect();
        assert_eq!(Walk::parse(f[0], f[1], f[2]), Some(walk));
        for act in [
            ReviewAct::Status(Status::Label(1)),
            ReviewAct::FeedbackForm,
            ReviewAct::ReleaseAll,
            ReviewAct::Previous,
        ] {
            assert_eq!(ReviewAct::parse(&act.code()), Some(act));
        }
        assert_eq!(DraftAct::parse("edit"), Some(DraftAct::Edit));
    }
}
