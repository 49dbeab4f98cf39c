use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use super::*;
use crate::core::Core;
use crate::daily::{DailyCommand, SetupArgs, admin};
use crate::interaction::perms;
use crate::outbox::recorder::Call;
use crate::outbox::{OutboxError, Recorder};
use crate::services::Pace;
use crate::store::Store;

const AUDIT: u64 = 77;

async fn services(outbox: Arc<Recorder>) -> Services {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    let core = Arc::new(Core::load(&dir, Lang::En).expect("pack"));
    let store = Store::in_memory().await.expect("store");
    Services::new(core, store, outbox, Pace::default())
}

fn asker(user: u64, permissions: u64) -> Invocation {
    Invocation {
        id: 1000 + user,
        guild: Some(1),
        channel: 2,
        user,
        lang: Lang::En,
        permissions,
        ..Invocation::default()
    }
}

/// Waits until `n` messages were posted in the audit channel (posts go out on their own task).
async fn audit_posts(outbox: &Recorder, n: usize) -> Vec<Message> {
    for _ in 0..200 {
        let posts: Vec<Message> = outbox
            .posts()
            .into_iter()
            .filter(|(c, _)| *c == AUDIT)
            .map(|(_, m)| m)
            .collect();
        if posts.len() >= n {
            return posts;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    panic!("fewer than {n} audit posts: {:?}", outbox.sent());
}

#[tokio::test]
async fn only_staff_set_the_channel_and_staff_actions_are_logged_without_pings() {
    let outbox = Arc::new(Recorder::new());
    let s = services(outbox.clone()).await;
    let member = asker(5, perms::VIEW_CHANNEL | perms::SEND_MESSAGES);
    let refused = command(&s, &member, AuditCommand::Set { channel: AUDIT })
        .await
        .expect("command");
    assert!(matches!(refused, Outcome::Reply(ref r) if r.ephemeral));
    assert_eq!(s.store.audit_channel(1).await.expect("read"), None);

    let staff = asker(9, perms::MANAGE_GUILD);
    command(&s, &staff, AuditCommand::Set { channel: AUDIT })
        .await
        .expect("set");
    assert_eq!(
        s.store.audit_channel(1).await.expect("read"),
        Some((AUDIT, Lang::En))
    );
    audit_posts(&outbox, 1).await;

    let setup = DailyCommand::Setup(SetupArgs {
        channel: 3,
        time: "07:00".into(),
        timezone: "Asia/Jakarta".into(),
        ..SetupArgs::default()
    });
    admin::command(&s, &staff, setup).await.expect("setup");
    let posts = audit_posts(&outbox, 2).await;
    let line = &posts[1];
    assert_eq!(line.ping, None, "an audit line pings nobody");
    let body = crate::render::channel_message(line);
    assert_eq!(body["allowed_mentions"]["parse"], serde_json::json!([]));
    let shown = crate::render::to_text(&line.reply);
    assert!(
        shown.contains("<@9> set up daily schedule #1 in <#3>"),
        "{shown}"
    );
    assert!(!line.reply.ephemeral);

    // A refused setup (bad time) is not an action: nothing logged.
    let bad = DailyCommand::Setup(SetupArgs {
        channel: 3,
        time: "25:99".into(),
        timezone: "Asia/Jakarta".into(),
        ..SetupArgs::default()
    });
    admin::command(&s, &staff, bad).await.expect("bad setup");
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(audit_posts(&outbox, 2).await.len(), 2);
}

#[tokio::test]
async fn a_failing_audit_post_never_breaks_the_action() {
    let outbox = Arc::new(Recorder::new());
    let s = services(outbox.clone()).await;
    // Staff whose rights come from a role of the server (id 1): boards are server-wide.
    let mut staff = asker(9, perms::MANAGE_GUILD | perms::MANAGE_MESSAGES);
    staff.roles = vec![5];
    *outbox.roles.lock().expect("roles") = vec![crate::outbox::GuildRole {
        id: 5,
        position: 1,
        permissions: perms::MANAGE_GUILD | perms::MANAGE_MESSAGES,
        managed: false,
    }];
    command(&s, &staff, AuditCommand::Set { channel: AUDIT })
        .await
        .expect("set");
    outbox.fail(
        Call::Post,
        OutboxError::Gone {
            status: 403,
            detail: "Missing Access".into(),
        },
    );
    let done = crate::quiz::commands::reset(&s, &staff, Some(Period::Week), 9, 1)
        .await
        .expect("reset");
    let Outcome::Update(reply) = done else {
        panic!("{done:?}");
    };
    assert!(reply.text.contains("cleared"), "{}", reply.text);
    // Once the channel works again, the next action is logged.
    tokio::time::sleep(Duration::from_millis(20)).await;
    outbox.heal(Call::Post);
    crate::quiz::commands::reset(&s, &staff, Some(Period::Month), 9, 1)
        .await
        .expect("reset");
    let posts = audit_posts(&outbox, 1).await;
    let shown = crate::render::to_text(&posts[0].reply);
    assert!(shown.contains("cleared the quiz board"), "{shown}");
}

#[test]
fn every_action_has_its_line_in_both_languages() {
    let actions = [
        Action::BoardReset {
            period: Period::All,
        },
        Action::ScheduleSetUp {
            schedule: 1,
            channel: 3,
        },
        Action::ScheduleRemoved { schedule: 1 },
        Action::SchedulePaused { schedule: 1 },
        Action::ScheduleResumed { schedule: 1 },
        Action::ScheduleSkipped { schedule: 1 },
        Action::SuggestionApproved { suggestion: 4 },
        Action::SuggestionDenied {
            suggestion: 4,
            reason: "off topic".into(),
        },
        Action::DebateClosed { channel: 3 },
        Action::AuditOn { channel: 3 },
        Action::AuditOff,
        Action::HomeworkClosedEarly { number: 2 },
        Action::HomeworkExtended {
            number: 2,
            due: 1_800_000_000,
        },
        Action::HomeworkMemberExtended { number: 2 },
        Action::MemberTime,
        Action::ServerPosts {
            posts: "both".into(),
        },
        Action::ServerPosts {
            posts: "starter".into(),
        },
        Action::QuizAccess {
            who: "everyone".into(),
        },
        Action::DebateSettings { pings: true },
        Action::DebateSettings { pings: false },
        Action::GradebookDownloaded,
    ];
    for action in &actions {
        for lang in [Lang::En, Lang::Id] {
            let text = line(action, 9, lang);
            assert!(text.starts_with("<@9> "), "{text}");
            assert!(!text.contains("audit-"), "a missing key: {text}");
        }
    }
}

/// `/quiz access`, `/debate settings` and the term gradebook are logged; a gradebook with
/// nothing in it (a notice) is not.
#[tokio::test]
async fn access_debate_settings_and_the_gradebook_are_logged() {
    use crate::quiz::commands::{QuizCommand, ReportScope, Who, command as quiz};
    let outbox = Arc::new(Recorder::new());
    let s = services(outbox.clone()).await;
    let staff = asker(9, perms::MANAGE_GUILD | perms::ADMINISTRATOR);
    command(&s, &staff, AuditCommand::Set { channel: AUDIT })
        .await
        .expect("set");
    audit_posts(&outbox, 1).await;
    let access = QuizCommand::Access {
        who: Who::Everyone,
        role: None,
    };
    quiz(&s, &staff, access).await.expect("access");
    crate::debate::class::flow::settings(&s, &staff, true)
        .await
        .expect("settings");
    // No answers this term: nothing to download, nothing logged.
    let term = QuizCommand::Report {
        scope: ReportScope::Term,
    };
    quiz(&s, &staff, term.clone()).await.expect("report");
    let rows = vec![crate::quiz::AnswerRow {
        question_no: 1,
        question_id: "q1".into(),
        user_id: 5,
        choice: 0,
        correct: true,
        taken_ms: 1000,
        points: 900,
        answered_at: s.clock.unix(),
        team: None,
        picked: Some(0),
        display_name: Some("Ani".into()),
        typed: None,
    }];
    s.store
        .start_round(77, 1, 2, 9, s.clock.unix())
        .await
        .expect("round");
    s.store.record_answers(77, 1, &rows).await.expect("answer");
    s.store
        .end_round(77, "finished", s.clock.unix())
        .await
        .expect("end");
    quiz(&s, &staff, term).await.expect("report");
    let posts = audit_posts(&outbox, 4).await;
    let lines: Vec<String> = posts
        .iter()
        .skip(1)
        .map(|m| crate::render::to_text(&m.reply))
        .collect();
    assert!(
        lines[0].contains("<@9> set who may run quiz rounds: everyone"),
        "{lines:?}"
    );
    assert!(
        lines[1].contains("<@9> turned speaker pings on"),
        "{lines:?}"
    );
    assert!(
        lines[2].contains("<@9> downloaded the term gradebook"),
        "{lines:?}"
    );
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(audit_posts(&outbox, 4).await.len(), 4);
}
