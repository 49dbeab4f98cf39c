//! The teacher's course, end to end: what a server's class sees of the shipped pack. A hidden
//! question is never asked (a round from its section asks the others, and none when all are
//! hidden), a hidden prompt cannot be queued, a hidden motion cannot be debated; only teachers
//! hide and show, `/course hidden` lists what is hidden in both languages, and showing brings
//! an item back.

use serde_json::{Value, json};

use crate::app::{TestApp, next};
use crate::fake::{
    FakeDiscord, MANAGE_GUILD, MANAGE_MESSAGES, MEMBER, in_guild, string_option, subcommand,
};
use crate::support::{TEACHER, core, opt, teacher_quiz, title, wait_posts};
use aura::course::model::ItemKind;

/// `/course <sub>` by `user` with `perms`, in `locale`; Aura's answer.
async fn course(
    fake: &FakeDiscord,
    (user, perms): (u64, u64),
    locale: &str,
    sub: &str,
    options: Value,
) -> Value {
    let payload = subcommand(next(), user, locale, "course", sub, options);
    let cb = fake.interact(in_guild(payload, perms, &[])).await;
    assert_eq!(cb.status, 204, "/course {sub}: {}", cb.body);
    assert_eq!(cb.body["data"]["flags"], 64, "private: {}", cb.body);
    cb.body
}

/// Stops the channel's round and waits until it has ended (its end posted, the channel free
/// for the next one); returns how many posts the channel then has.
async fn stop_round(fake: &FakeDiscord) -> usize {
    let ended = |n: usize| {
        move |p: &[crate::fake::Posted]| {
            p.iter()
                .filter(|m| m.body.to_string().contains("The round was stopped"))
                .count()
                >= n
        }
    };
    let before = fake
        .posted()
        .iter()
        .filter(|m| m.body.to_string().contains("The round was stopped"))
        .count();
    teacher_quiz(fake, "stop", json!([])).await;
    fake.wait_for_posts(std::time::Duration::from_secs(10), ended(before + 1))
        .await;
    fake.posted_in(crate::fake::CHANNEL_ID).len()
}

/// `/quiz start` by the teacher once the channel's last round has left it (it leaves just
/// after its end is posted and stored); Aura's answer.
async fn start_round(fake: &FakeDiscord, options: Value) -> Value {
    for _ in 0..50 {
        let answer = teacher_quiz(fake, "start", options.clone()).await;
        if !answer.to_string().contains("already running") {
            return answer;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    panic!("the channel's round never ended");
}

fn item(value: &str) -> Value {
    json!([string_option("item", value)])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hidden_item_is_never_drawn_and_comes_back_when_shown() {
    let bot = TestApp::start().await;
    let fake = bot.fake.clone();
    let core = core();
    let pack = &core.library.packs[0];
    // A section with at least three questions.
    let mut by_section: std::collections::BTreeMap<&str, Vec<&str>> = Default::default();
    for q in &pack.questions {
        if let Some(section) = q.section.as_deref() {
            by_section.entry(section).or_default().push(q.id.as_str());
        }
    }
    let (section, ids) = by_section
        .iter()
        .find(|(_, ids)| ids.len() >= 3)
        .expect("a section with three questions");
    let value = |id: &str| format!("question:{}:{id}", pack.id);
    let teacher = (TEACHER, MANAGE_MESSAGES);

    // Students cannot hide.
    let refused = course(
        &fake,
        (next(), MEMBER),
        "en-US",
        "hide",
        item(&value(ids[0])),
    )
    .await;
    assert!(refused.to_string().contains("permission"), "{refused}");

    // All but one of the section's questions hidden: a round from it asks just that one.
    for id in &ids[1..] {
        let hidden = course(&fake, teacher, "en-US", "hide", item(&value(id))).await;
        assert!(
            hidden
                .to_string()
                .contains("Hidden from this server's class"),
            "{hidden}"
        );
    }
    let again = course(&fake, teacher, "en-US", "hide", item(&value(ids[1]))).await;
    assert!(again.to_string().contains("already hidden"), "{again}");
    let round = json!([
        opt("section", json!(section)),
        opt("questions", json!(10)),
        opt("mode", json!(1))
    ]);
    teacher_quiz(&fake, "start", round.clone()).await;
    let posts = wait_posts(&fake, 1).await;
    assert!(
        title(&posts[0]).contains("Question 1 of 1"),
        "{}",
        title(&posts[0])
    );
    stop_round(&fake).await;

    // The last one hidden too (by its bare id): no round from that section.
    course(&fake, teacher, "en-US", "hide", item(ids[0])).await;
    let none = start_round(&fake, round.clone()).await;
    assert_eq!(none["data"]["flags"], 64, "{none}");

    // The list, in both languages.
    let listed = course(&fake, teacher, "en-US", "hidden", json!([]))
        .await
        .to_string();
    assert!(
        listed.contains(&format!("{} items are hidden", ids.len())),
        "{listed}"
    );
    for id in ids.iter() {
        assert!(listed.contains(&format!("`{id}`")), "{listed}");
    }
    let daftar = course(
        &fake,
        (TEACHER + 1, MANAGE_MESSAGES),
        "id",
        "hidden",
        json!([]),
    )
    .await
    .to_string();
    assert!(daftar.contains("Disembunyikan di server ini"), "{daftar}");

    // Shown again: the round asks it.
    let shown = course(&fake, teacher, "en-US", "show", item(&value(ids[0]))).await;
    assert!(shown.to_string().contains("Shown again"), "{shown}");
    let before = fake.posted_in(crate::fake::CHANNEL_ID).len();
    start_round(&fake, round).await;
    let posts = wait_posts(&fake, before + 1).await;
    assert!(
        title(&posts[before]).contains("Question 1 of 1"),
        "{}",
        title(&posts[before])
    );
    stop_round(&fake).await;

    // A hidden prompt cannot be queued for the daily post; a hidden motion cannot be debated.
    let prompt = &pack.prompts[0].id;
    course(
        &fake,
        teacher,
        "en-US",
        "hide",
        item(&format!("prompt:{}:{prompt}", pack.id)),
    )
    .await;
    let setup = subcommand(
        next(),
        77,
        "en-US",
        "daily",
        "setup",
        json!([
            string_option("time", "08:00"),
            string_option("timezone", "UTC")
        ]),
    );
    let setup = crate::fake::with_channel(setup, "channel", "700000000000000011");
    fake.interact(in_guild(setup, MANAGE_GUILD, &[])).await;
    let queue = subcommand(
        next(),
        77,
        "en-US",
        "daily",
        "queue",
        json!([string_option("next", prompt)]),
    );
    let cb = fake.interact(in_guild(queue, MANAGE_GUILD, &[])).await;
    let answered = crate::support::answered(&fake, &cb).await;
    assert_eq!(answered["data"]["flags"], 64, "{answered}");
    assert!(
        answered.to_string().contains("There is no item"),
        "{answered}"
    );
    let motion = &pack.motions[0].id;
    course(
        &fake,
        teacher,
        "en-US",
        "hide",
        item(&format!("motion:{}:{motion}", pack.id)),
    )
    .await;
    let start = subcommand(
        next(),
        next(),
        "en-US",
        "debate",
        "start",
        json!([string_option("motion", motion)]),
    );
    let cb = fake.interact(in_guild(start, MEMBER, &[])).await;
    assert_eq!(cb.body["data"]["flags"], 64, "{}", cb.body);
    assert!(
        cb.body.to_string().contains("hidden that motion"),
        "{}",
        cb.body
    );
    bot.stop().await;
}

/// The reading plan, on the bot's clock: the class is in week 2 of a term that began on a
/// Monday in Jakarta; rounds and homework draw from sections I and II only (what weeks 1 and 2
/// read) unless `section:all`; the plan shows the current week marked; a `/section` card for
/// week 5's section says it comes in week 5, one already read says nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_reading_plan_narrows_rounds_and_homework_to_what_was_read() {
    let (options, clock) = crate::app::Options::with_clock();
    clock.set("2026-09-14T03:00:00Z".parse().expect("instant"));
    let fake = FakeDiscord::start().await;
    let bot = TestApp::start_with(fake, &crate::app::state_file(), options).await;
    let fake = bot.fake.clone();
    let core = core();
    let pack = &core.library.packs[0];
    let on = |ids: &[&str]| {
        pack.questions
            .iter()
            .filter(|q| q.section.as_deref().is_some_and(|s| ids.contains(&s)))
            .count()
    };
    let read = on(&["i", "ii"]).min(20);
    assert!(read > 0 && read < pack.questions.len().min(20), "{read}");
    let teacher = (TEACHER, MANAGE_MESSAGES);
    let refused = course(&fake, (next(), MEMBER), "en-US", "plan", json!([])).await;
    assert!(refused.to_string().contains("permission"), "{refused}");
    let start = json!([
        string_option("start", "2026-09-07"),
        string_option("timezone", "Asia/Jakarta")
    ]);
    let set = course(&fake, teacher, "en-US", "plan", start)
        .await
        .to_string();
    assert!(set.contains("this is week 2"), "{set}");
    for (week, sections) in [(1, "I"), (2, "II"), (5, "X")] {
        let options = json!([
            { "type": 4, "name": "week", "value": week },
            string_option("sections", sections)
        ]);
        course(&fake, teacher, "en-US", "plan", options).await;
    }
    let shown = course(
        &fake,
        (TEACHER + 1, MANAGE_MESSAGES),
        "id",
        "plan",
        json!([]),
    )
    .await
    .to_string();
    assert!(shown.contains("▶ **Pekan 2**"), "{shown}");
    assert!(shown.contains("Pekan 5"), "{shown}");

    // A round draws from I and II only; `section:all` from the whole essay.
    let round = |section: Option<&str>| {
        let mut options = vec![opt("questions", json!(20)), opt("mode", json!(1))];
        if let Some(s) = section {
            options.push(opt("section", json!(s)));
        }
        json!(options)
    };
    teacher_quiz(&fake, "start", round(None)).await;
    let posts = wait_posts(&fake, 1).await;
    assert!(
        title(&posts[0]).contains(&format!("Question 1 of {read}")),
        "{}",
        title(&posts[0])
    );
    let before = stop_round(&fake).await;
    start_round(&fake, round(Some("all"))).await;
    let posts = wait_posts(&fake, before + 1).await;
    let all = pack.questions.len().min(20);
    assert!(
        title(&posts[before]).contains(&format!("Question 1 of {all}")),
        "{}",
        title(&posts[before])
    );
    stop_round(&fake).await;

    // Homework too.
    let assign = json!([
        opt("due", json!("2026-09-20 18:00")),
        opt("timezone", json!("Asia/Jakarta")),
        opt("questions", json!(20)),
    ]);
    let set = subcommand(next(), TEACHER + 2, "en-US", "quiz", "assign", assign);
    fake.interact(in_guild(set, MANAGE_MESSAGES, &[])).await;
    let homework = format!("{read} questions");
    fake.wait_for_posts(std::time::Duration::from_secs(10), |p| {
        p.iter()
            .any(|m| m.body.to_string().contains("aura:hw-start:"))
    })
    .await;
    let message = fake
        .posted_in(crate::fake::CHANNEL_ID)
        .into_iter()
        .find(|m| m.body.to_string().contains("aura:hw-start:"))
        .expect("the assignment");
    assert!(
        message.body.to_string().contains(&homework),
        "{}",
        message.body
    );

    // A section ahead of the class says when it comes; one already read says nothing.
    let section = |number: &str| {
        let payload = crate::fake::command(
            next(),
            next(),
            "en-US",
            "section",
            json!([string_option("number", number)]),
        );
        let fake = fake.clone();
        async move {
            fake.interact(in_guild(payload, MEMBER, &[]))
                .await
                .body
                .to_string()
        }
    };
    let ahead = section("X").await;
    assert!(ahead.contains("reads this section in week 5"), "{ahead}");
    let read_already = section("II").await;
    assert!(
        !read_already.contains("reads this section in week"),
        "{read_already}"
    );

    // A debate without a motion takes one on what was read (its quotes' or concepts'
    // sections), in each of three fresh channels.
    let read = ["i".to_string(), "ii".to_string()];
    let on_read: Vec<String> = pack
        .motions
        .iter()
        .filter(|m| aura::course::model::reached(pack, ItemKind::Motion, &m.id, &read))
        .map(|m| m.motion.get(aura::pack::Lang::En).to_string())
        .collect();
    assert!(
        !on_read.is_empty() && on_read.len() < pack.motions.len(),
        "{on_read:?}"
    );
    for room in [
        "645027906669500001",
        "645027906669500002",
        "645027906669500003",
    ] {
        let start = subcommand(next(), next(), "en-US", "debate", "start", json!([]));
        let start = crate::fake::in_channel(start, room);
        fake.interact(in_guild(start, MEMBER, &[])).await;
        let limit = std::time::Duration::from_secs(10);
        let posted = crate::support::wait_posts_in(&fake, room, 1, limit).await;
        let shown = posted[0].body.to_string();
        let head = |m: &String| m.chars().take(30).collect::<String>();
        assert!(on_read.iter().any(|m| shown.contains(&head(m))), "{shown}");
    }
    bot.stop().await;
}
