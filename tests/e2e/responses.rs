//! Written work end to end: thirty members respond to a daily prompt (three of them quoting:
//! one a verified quote as written, one a *Dialectic of Enlightenment* line given to Adorno
//! alone, one a quote with a word changed), each seeing the right quote-check mark before
//! saving; the teacher reviews all thirty with statuses and feedback, which stays held until
//! released; each member then receives exactly their own feedback (by DM, or on `/responses
//! mine` when their DMs are closed); one excellent response appears in the prompt's thread
//! only after its author agreed; the term gradebook's new columns match what happened;
//! `/privacy` erases a member's responses.

use std::collections::HashMap;
use std::time::Duration;

use serde_json::{Value, json};

use crate::app::{Options, TestApp, next, open_state, state_file};
use crate::fake::{
    Callback, FakeDiscord, GUILD_ID, MANAGE_MESSAGES, MEMBER, Posted, click, command, in_channel,
    in_guild, modal_submit, subcommand,
};
use crate::support::{self, TEACHER, custom_ids, opt, start_vote};
use aura::daily::PostKind;
use aura::pack::Lang;

/// Where the daily prompt is posted.
const POSTS: &str = "700000000000000001";
/// The first of the thirty members.
const FIRST: u64 = 1000;
const MEMBERS: u64 = 30;
/// Their feedback goes by DM, except this member's: their DMs are closed.
const CLOSED_DMS: u64 = 1003;

fn locale(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en-US",
        Lang::Id => "id",
    }
}

/// A click by `user` (a member) in `lang`, on a message in `room`.
async fn member_press(
    fake: &FakeDiscord,
    (user, lang): (u64, Lang),
    room: &str,
    id: &str,
) -> Value {
    let payload = in_channel(click(next(), user, locale(lang), id, None), room);
    let cb = fake.interact(in_guild(payload, MEMBER, &[])).await;
    assert_eq!(cb.status, 204, "{id}: {}", cb.body);
    cb.body
}

/// A form submitted by `user` in `lang` from `room`.
async fn member_submit(
    fake: &FakeDiscord,
    (user, lang): (u64, Lang),
    room: &str,
    (form, inputs): (&str, &[(&str, &str)]),
) -> Value {
    let payload = in_channel(modal_submit(next(), user, locale(lang), form, inputs), room);
    let cb = fake.interact(in_guild(payload, MEMBER, &[])).await;
    assert_eq!(cb.status, 204, "{form}: {}", cb.body);
    cb.body
}

/// A click by the teacher on their private review card.
async fn teacher_press(fake: &FakeDiscord, id: &str) -> Value {
    let cb = fake
        .interact(in_guild(
            click(next(), TEACHER, "en-US", id, None),
            MANAGE_MESSAGES,
            &[],
        ))
        .await;
    assert_eq!(cb.status, 204, "{id}: {}", cb.body);
    cb.body
}

/// `/responses <sub>` by `user` with `perms`; Aura's callback.
async fn responses(
    fake: &FakeDiscord,
    (user, perms): (u64, u64),
    sub: &str,
    options: Value,
) -> Callback {
    // `/responses mine` has a cooldown of two seconds a member.
    let payload = subcommand(next(), user, "en-US", "responses", sub, options);
    let cb = fake.interact(in_guild(payload, perms, &[])).await;
    assert_eq!(cb.status, 204, "/responses {sub}: {}", cb.body);
    assert_eq!(cb.body["data"]["flags"], 64, "private: {}", cb.body);
    cb
}

/// The button of a message whose id starts with `prefix` and ends with `end`.
fn button(body: &Value, prefix: &str, end: &str) -> String {
    custom_ids(body)
        .into_iter()
        .find(|id| id.starts_with(prefix) && id.ends_with(end))
        .unwrap_or_else(|| panic!("no {prefix}…{end} button: {body}"))
}

/// Every text of a message (or a callback), joined: what a member reads, unescaped from JSON.
fn words(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(words).collect::<Vec<_>>().join("\n"),
        Value::Object(map) => map.values().map(words).collect::<Vec<_>>().join("\n"),
        _ => String::new(),
    }
}

/// The member a review card shows (its "By **student<id>**").
fn author(card: &Value) -> u64 {
    let text = card.to_string();
    let at = text.find("By **student").expect("an author") + "By **student".len();
    text[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .expect("an id")
}

/// A bot whose daily prompt (with a thread) went out at 08:00; the post, and the bot's clock.
async fn prompt_posted() -> (TestApp, Posted, aura::clock::Clock) {
    let state = state_file();
    let (options, clock) = Options::with_clock();
    clock.set("2026-03-02T07:59:40Z".parse().expect("instant"));
    let store = open_state(&state).await;
    let guild = GUILD_ID.parse().expect("id");
    let mut schedule = support::schedule(guild, POSTS, "08:00", PostKind::Prompt, 5);
    schedule.thread = true;
    store.add_schedule(&schedule).await.expect("schedule");
    store.close().await;
    let fake = FakeDiscord::start().await;
    let bot = TestApp::start_with(fake.clone(), &state, options).await;
    clock.set("2026-03-02T08:00:05Z".parse().expect("instant"));
    fake.wait_for_posts(Duration::from_secs(10), |p| {
        p.iter().any(|m| m.channel == POSTS)
    })
    .await;
    let post = fake.posted_in(POSTS)[0].clone();
    (bot, post, clock)
}

/// What each member writes: three quote (a verified quote as written, a co-written line given
/// to Adorno alone, in Indonesian, and a quote with one word changed); the others do not.
fn writings(core: &aura::core::Core) -> Vec<(u64, Lang, String)> {
    let pack = &core.library.packs[0];
    let verified = pack.quote("here-and-now").expect("a verified quote");
    let co_written = pack
        .quotable()
        .find(|q| q.coauthor.is_some())
        .expect("a co-written quote");
    let words: Vec<&str> = co_written
        .text
        .get(Lang::Id)
        .trim_matches('…')
        .split_whitespace()
        .take(8)
        .collect();
    (FIRST..FIRST + MEMBERS)
        .map(|m| {
            let (lang, text) = match m - FIRST {
                0 => (
                    Lang::En,
                    format!(
                        "Benjamin writes that “{}”. (member {m})",
                        verified.text.get(Lang::En).trim_end_matches('.')
                    ),
                ),
                1 => (
                    Lang::Id,
                    format!("Adorno menulis bahwa “{}”. (anggota {m})", words.join(" ")),
                ),
                2 => (
                    Lang::En,
                    format!(
                        "Benjamin: “Even the most perfect copy of a work of art is lacking in one \
                         element”. (member {m})"
                    ),
                ),
                _ => (
                    Lang::En,
                    format!("The aura withers because reproduction removes distance. (member {m})"),
                ),
            };
            (m, lang, text)
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn thirty_members_respond_the_teacher_reviews_releases_and_shares_with_consent() {
    let (bot, post, _) = prompt_posted().await;
    let fake = bot.fake.clone();
    let core = support::core();
    let respond = button(&post.body, "aura:rsp:p.", ".20260302");
    let thread = post.id.clone();

    // Thirty members respond; the three who quote see their marks before anything is saved.
    for (m, lang, text) in writings(&core) {
        let form = member_press(&fake, (m, lang), POSTS, &respond).await;
        assert_eq!(form["type"], 9, "a form: {form}");
        let form_id = form["data"]["custom_id"].as_str().expect("id").to_string();
        assert!(form_id.starts_with("aura:rsp-form:p."), "{form_id}");
        let inputs = [("text", text.as_str())];
        let shown = member_submit(&fake, (m, lang), POSTS, (&form_id, &inputs)).await;
        assert_eq!(shown["data"]["flags"], 64, "private: {shown}");
        let seen = shown.to_string();
        let expected = match m - FIRST {
            0 => Some(vec!["Verified quotation", "Walter Benjamin", "Harry Zohn"]),
            1 => Some(vec![
                "Salah atribusi",
                "Horkheimer",
                "bukan Theodor W. Adorno saja",
            ]),
            2 => Some(vec![
                "Close to a verified quotation",
                "Even the most perfect reproduction",
            ]),
            _ => None,
        };
        match expected {
            Some(words) => {
                for w in words {
                    assert!(seen.contains(w), "member {m} should see {w:?}: {seen}");
                }
                assert!(!seen.contains("Response saved"), "not saved yet: {seen}");
                let save = button(&shown["data"], "aura:rsp-draft:", ":save");
                let saved = member_press(&fake, (m, lang), POSTS, &save).await;
                assert_eq!(saved["type"], 7, "{saved}");
                let saved = saved.to_string();
                assert!(
                    saved.contains("Response saved") || saved.contains("Tanggapan disimpan"),
                    "{saved}"
                );
            }
            None => assert!(seen.contains("Response saved"), "saved at once: {seen}"),
        }
    }
    // A member edits theirs before it is reviewed: the form holds their text.
    let again = member_press(&fake, (FIRST + 5, Lang::En), POSTS, &respond).await;
    assert!(again.to_string().contains("(member 1005)"), "{again}");

    // The teacher walks all thirty: a status, feedback (held), the next.
    let cb = responses(&fake, (TEACHER, MANAGE_MESSAGES), "review", json!([])).await;
    let mut card = cb.body.clone();
    assert!(card.to_string().contains("Response 1 of 30"), "{card}");
    // The teacher sees the same marks the member saw.
    assert!(card.to_string().contains("Verified quotation"), "{card}");
    let mut reviewed = HashMap::new();
    for n in 1..=MEMBERS {
        assert!(
            card.to_string().contains(&format!("Response {n} of 30")),
            "{card}"
        );
        let who = author(&card);
        let status = match who - FIRST {
            0 => "s-excellent",
            1 => "s-revision",
            _ => "s-accepted",
        };
        let status_id = custom_ids(&card["data"])
            .into_iter()
            .find(|id| id.contains(&format!(":{status}:")))
            .expect("a status button");
        let after = teacher_press(&fake, &status_id).await;
        assert_eq!(after["type"], 7, "{after}");
        let open = custom_ids(&after["data"])
            .into_iter()
            .find(|id| id.contains(":fb:"))
            .expect("a feedback button");
        let form = teacher_press(&fake, &open).await;
        assert_eq!(form["type"], 9, "{form}");
        let form_id = form["data"]["custom_id"].as_str().expect("id").to_string();
        let words = format!("Feedback for {who}: cite the section.");
        let submit = modal_submit(next(), TEACHER, "en-US", &form_id, &[("feedback", &words)]);
        let kept = fake.interact(in_guild(submit, MANAGE_MESSAGES, &[])).await;
        assert_eq!(kept.body["type"], 7, "{}", kept.body);
        assert!(kept.body.to_string().contains("Held"), "{}", kept.body);
        // Shown to the member escaped, as the teacher's words.
        reviewed.insert(who, aura::text::escape_markdown(&words));
        if n < MEMBERS {
            let next_id = custom_ids(&kept.body["data"])
                .into_iter()
                .find(|id| id.contains(":next:"))
                .expect("next");
            card = teacher_press(&fake, &next_id).await;
        } else {
            card = kept.body.clone();
        }
    }
    assert_eq!(reviewed.len(), MEMBERS as usize, "every member's once");
    // Reviewed, not released: the member sees neither status nor feedback, and cannot edit.
    let mine = responses(&fake, (FIRST + 7, MEMBER), "mine", json!([])).await;
    let mine = mine.body.to_string();
    assert!(mine.contains("feedback not released yet"), "{mine}");
    assert!(!mine.contains("Feedback for"), "held: {mine}");
    let closed = member_press(&fake, (FIRST + 7, Lang::En), POSTS, &respond).await;
    assert!(closed.to_string().contains("already reviewed"), "{closed}");
    assert!(fake.posted().iter().all(|p| !p.channel.starts_with("771")));

    // Released all at once: each member gets exactly their own feedback.
    fake.close_dms(&CLOSED_DMS.to_string());
    let release = custom_ids(&card["data"])
        .into_iter()
        .find(|id| id.contains(":rel-all:"))
        .expect("release all");
    let released = teacher_press(&fake, &release).await;
    assert!(
        released.to_string().contains("Released 30 responses"),
        "{released}"
    );
    fake.wait_for_posts(Duration::from_secs(20), |p| {
        p.iter().filter(|m| m.channel.starts_with("771")).count() >= MEMBERS as usize - 1
    })
    .await;
    for m in FIRST..FIRST + MEMBERS {
        let dms = fake.posted_in(&format!("77{m}"));
        if m == CLOSED_DMS {
            assert!(dms.is_empty());
            continue;
        }
        assert_eq!(dms.len(), 1, "member {m}: {dms:?}");
        let text = words(&dms[0].body);
        assert!(text.contains(&reviewed[&m]), "member {m}: {text}");
        assert_eq!(text.matches("Feedback for").count(), 1, "{text}");
        assert_eq!(dms[0].body["allowed_mentions"]["parse"], json!([]));
    }
    // The member whose DMs are closed reads it on /responses mine.
    let mine = responses(&fake, (CLOSED_DMS, MEMBER), "mine", json!([])).await;
    let mine = words(&mine.body);
    assert!(mine.contains(&reviewed[&CLOSED_DMS]), "{mine}");
    assert_eq!(mine.matches("Feedback for").count(), 1, "{mine}");
    assert!(mine.contains("Accepted"), "{mine}");
    // The Indonesian member's feedback came in Indonesian, with their status.
    let dm = fake.posted_in(&format!("77{}", FIRST + 1))[0]
        .body
        .to_string();
    assert!(dm.contains("Perlu revisi"), "{dm}");

    // Sharing: the excellent one is asked for; nothing appears until its author agrees.
    let excellent = responses(
        &fake,
        (TEACHER, MANAGE_MESSAGES),
        "review",
        json!([opt("status", json!(3))]),
    )
    .await;
    assert_eq!(author(&excellent.body), FIRST);
    let ask = custom_ids(&excellent.body["data"])
        .into_iter()
        .find(|id| id.contains(":share:"))
        .expect("ask to share");
    let asked = teacher_press(&fake, &ask).await;
    assert!(asked.to_string().contains("only if they agree"), "{asked}");
    fake.wait_for_posts(Duration::from_secs(10), |p| {
        p.iter()
            .filter(|m| m.channel == format!("77{FIRST}"))
            .count()
            >= 2
    })
    .await;
    assert!(
        fake.posted_in(&thread).is_empty(),
        "not shared before consent"
    );
    let dm = fake.posted_in(&format!("77{FIRST}"))[1].body.clone();
    let share = button(&dm, "aura:rsp-share:", ":yes");
    // Nobody else can agree for them.
    let other = member_press(&fake, (FIRST + 1, Lang::En), POSTS, &share).await;
    assert!(
        other.to_string().contains("Only the member who wrote"),
        "{other}"
    );
    assert!(fake.posted_in(&thread).is_empty());
    // The author agrees, from their DM.
    let mut in_dm = in_channel(
        click(next(), FIRST, "en-US", &share, None),
        &format!("77{FIRST}"),
    );
    in_dm["channel"]["type"] = json!(1);
    let agreed = fake.interact(in_dm).await;
    assert!(
        agreed.body.to_string().contains("Shared in"),
        "{}",
        agreed.body
    );
    fake.wait_for_posts(Duration::from_secs(10), |p| {
        p.iter().any(|m| m.channel == thread)
    })
    .await;
    let shared = fake.posted_in(&thread)[0].body.to_string();
    assert!(shared.contains("Written by student1000"), "{shared}");
    assert!(shared.contains("member 1000"), "{shared}");
    assert_eq!(
        fake.posted_in(&thread)[0].body["allowed_mentions"]["parse"],
        json!([])
    );

    // Two members cast a ballot on a quick vote.
    let (debate, _) = start_vote(&fake, FIRST + 4).await;
    for m in [FIRST + 4, FIRST + 5] {
        member_press(
            &fake,
            (m, Lang::En),
            support_channel(),
            &format!("aura:vote:{debate}:benjamin"),
        )
        .await;
    }

    // The term gradebook: every member's written work and ballots, as counted by hand.
    tokio::time::sleep(Duration::from_millis(2100)).await;
    let payload = subcommand(
        next(),
        TEACHER,
        "en-US",
        "quiz",
        "report",
        json!([opt("scope", json!(1))]),
    );
    let cb = fake.interact(in_guild(payload, MANAGE_MESSAGES, &[])).await;
    assert_eq!(cb.status, 204, "{}", cb.body);
    fake.wait_for(Duration::from_secs(10), |f| {
        f.attachments()
            .iter()
            .any(|(_, n, _)| n == "quiz-gradebook.csv")
    })
    .await;
    let files = fake.attachments();
    let (_, _, bytes) = files
        .iter()
        .rev()
        .find(|(_, n, _)| n == "quiz-gradebook.csv")
        .expect("the gradebook");
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let headers: Vec<String> = reader
        .headers()
        .expect("headers")
        .iter()
        .map(String::from)
        .collect();
    let col = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), MEMBERS as usize, "one row per member who wrote");
    for r in &rows {
        let m: u64 = r[col("member_id")].parse().expect("id");
        let expected = [
            ("display_name", format!("student{m}")),
            ("responses", "1".into()),
            ("responses_accepted", u8::from(m >= FIRST + 2).to_string()),
            (
                "responses_needs_revision",
                u8::from(m == FIRST + 1).to_string(),
            ),
            ("responses_excellent", u8::from(m == FIRST).to_string()),
            ("responses_other_status", "0".into()),
            ("speeches", "0".into()),
            ("arguments", "0".into()),
            (
                "ballots",
                u8::from(m == FIRST + 4 || m == FIRST + 5).to_string(),
            ),
        ];
        for (name, value) in expected {
            assert_eq!(r[col(name)], value, "{name} of member {m}");
        }
    }

    // /privacy shows a member's responses and erases them.
    let shown = fake
        .interact(in_guild(
            command(next(), FIRST + 2, "en-US", "privacy", json!([])),
            MEMBER,
            &[],
        ))
        .await;
    let text = shown.body.to_string();
    assert!(
        text.contains("Written responses, with their feedback: 1"),
        "{text}"
    );
    let delete = button(&shown.body["data"], "aura:privacy:delete:", "");
    let gone = member_press(&fake, (FIRST + 2, Lang::En), POSTS, &delete).await;
    assert_eq!(gone["type"], 7, "{gone}");
    let mine = responses(&fake, (FIRST + 2, MEMBER), "mine", json!([])).await;
    assert!(
        mine.body.to_string().contains("not written a response"),
        "{}",
        mine.body
    );
    let walk = responses(&fake, (TEACHER + 1, MANAGE_MESSAGES), "review", json!([])).await;
    assert!(walk.body.to_string().contains("of 29"), "{}", walk.body);
    bot.stop().await;
}

/// The channel the fake's interactions come from by default.
fn support_channel() -> &'static str {
    crate::fake::CHANNEL_ID
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_letter_point_and_a_motion_are_answered_reviewed_by_motion_with_the_servers_status() {
    let (bot, post, clock) = prompt_posted().await;
    let fake = bot.fake.clone();
    let member = (FIRST, Lang::En);

    // A point of Adorno's letter: the form says which point.
    let form = member_press(&fake, member, POSTS, "aura:rsp:l.3").await;
    assert_eq!(form["type"], 9, "{form}");
    assert!(words(&form).contains("3."), "the point's title: {form}");
    let inputs = [("text", "Adorno asks for more dialectics here.")];
    let saved = member_submit(&fake, member, POSTS, ("aura:rsp-form:l.3", &inputs)).await;
    assert!(words(&saved).contains("Response saved"), "{saved}");

    // A quick vote's motion, answered from its card.
    let (debate, _) = start_vote(&fake, FIRST + 1).await;
    let channel = crate::fake::CHANNEL_ID;
    fake.wait_for_posts(Duration::from_secs(10), |p| {
        p.iter().any(|m| m.channel == channel)
    })
    .await;
    let card = fake.posted_in(channel)[0].body.clone();
    let respond = button(&card, "aura:rsp:m.", "");
    assert_eq!(respond, format!("aura:rsp:m.{debate}"));
    member_press(&fake, (FIRST + 1, Lang::Id), channel, &respond).await;
    let inputs = [("text", "Film melatih persepsi kolektif.")];
    let saved = member_submit(
        &fake,
        (FIRST + 1, Lang::Id),
        channel,
        (&format!("aura:rsp-form:m.{debate}"), &inputs),
    )
    .await;
    assert!(words(&saved).contains("Tanggapan disimpan"), "{saved}");

    // The server's own status; the review of that motion alone shows one response.
    let set = responses(
        &fake,
        (TEACHER, MANAGE_MESSAGES),
        "labels",
        json!([crate::fake::string_option(
            "text",
            "Insightful, Needs sources"
        )]),
    )
    .await;
    assert!(
        words(&set.body).contains("Insightful, Needs sources"),
        "{}",
        set.body
    );
    let too_many = responses(
        &fake,
        (TEACHER, MANAGE_MESSAGES),
        "labels",
        json!([crate::fake::string_option("text", "a, b, c")]),
    )
    .await;
    assert!(
        words(&too_many.body).contains("At most 2"),
        "{}",
        too_many.body
    );
    // Members may not review.
    let refused = responses(&fake, (FIRST, MEMBER), "review", json!([])).await;
    assert!(
        words(&refused.body).contains("permission"),
        "{}",
        refused.body
    );
    let walk = responses(
        &fake,
        (TEACHER, MANAGE_MESSAGES),
        "review",
        json!([crate::fake::string_option("motion", &format!("m.{debate}"))]),
    )
    .await;
    let text = words(&walk.body);
    assert!(text.contains("Response 1 of 1"), "{text}");
    assert!(text.contains("Film melatih persepsi kolektif"), "{text}");
    let insightful = button(&walk.body["data"], "aura:rv:", "");
    let insightful = custom_ids(&walk.body["data"])
        .into_iter()
        .find(|id| id.contains(":s-label1:"))
        .unwrap_or(insightful);
    let given = teacher_press(&fake, &insightful).await;
    assert!(words(&given).contains("Status\nInsightful"), "{given}");
    let release = custom_ids(&given["data"])
        .into_iter()
        .find(|id| id.contains(":rel:"))
        .expect("release");
    let released = teacher_press(&fake, &release).await;
    assert!(
        words(&released).contains("Released one response"),
        "{released}"
    );
    fake.wait_for_posts(Duration::from_secs(10), |p| {
        p.iter().any(|m| m.channel == format!("77{}", FIRST + 1))
    })
    .await;
    let dm = words(&fake.posted_in(&format!("77{}", FIRST + 1))[0].body);
    assert!(
        dm.contains("Insightful") && dm.contains("Umpan balik"),
        "{dm}"
    );

    // The teacher's view of one student: their written work and their ballot.
    let named = json!([{ "type": 6, "name": "member", "value": (FIRST + 1).to_string() }]);
    let mut payload = subcommand(next(), TEACHER, "en-US", "responses", "student", named);
    payload["data"]["resolved"] = json!({ "users": {
        (FIRST + 1).to_string(): crate::fake::member_user(FIRST + 1) } });
    let student = fake.interact(in_guild(payload, MANAGE_MESSAGES, &[])).await;
    let text = words(&student.body);
    assert!(
        text.contains("1 responses") && text.contains("1 with the server's own"),
        "{text}"
    );

    // The daily prompt's responses close after seven days.
    let respond = button(&post.body, "aura:rsp:p.", ".20260302");
    clock.set("2026-03-09T08:00:06Z".parse().expect("instant"));
    let late = member_press(&fake, (FIRST + 2, Lang::En), POSTS, &respond).await;
    assert!(words(&late).contains("closed at their deadline"), "{late}");
    bot.stop().await;
}
