//! Debates when Aura runs as several processes over one store: the sweep closes, and the clock
//! times, only the debates of the servers whose shard the process holds.

use std::path::PathBuf;
use std::sync::Arc;

use super::class::flow::{self, Start};
use super::class::{Act, clock};
use super::{Format, Side};
use crate::core::Core;
use crate::interaction::{Invocation, perms};
use crate::outbox::recorder::Recorder;
use crate::pack::Lang;
use crate::services::{Pace, Services};
use crate::shard::Shards;
use crate::store::Store;

/// Services on one store and outbox; `on(k)` is the same for the process holding shard `k`
/// of 2. Server 1, where the debates run, is on shard 0.
async fn services() -> (Services, Arc<Recorder>) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    let core = Arc::new(Core::load(&dir, Lang::En).expect("pack"));
    let store = Store::in_memory().await.expect("store");
    let outbox = Arc::new(Recorder::new());
    let s = Services::new(core, store, outbox.clone(), Pace::default())
        .with_clock(crate::clock::Clock::adjustable());
    (s, outbox)
}

fn on(s: &Services, k: u32) -> Services {
    let pace = Pace {
        shards: Shards::from_parts(Some(&k.to_string()), Some(2)).expect("shards"),
        ..(*s.pace).clone()
    };
    Services {
        pace: Arc::new(pace),
        ..s.clone()
    }
}

/// A member of server 1 asking in `channel` (also used by the class debates' tests).
pub(crate) fn member(id: u64, user: u64, channel: u64) -> Invocation {
    Invocation {
        id,
        token: format!("token-{id}"),
        guild: Some(1),
        channel,
        user,
        lang: Lang::En,
        name: format!("member {user}"),
        ..Invocation::default()
    }
}

#[tokio::test]
async fn the_sweep_closes_only_this_process_s_debates() {
    let (s, _) = services().await;
    let now = s.clock.unix();
    let due = crate::debate::rules::opened_by(
        &member(7, 3, 2),
        ("benjamin".into(), "film-makes-experts".into(), None),
        Format::Quick,
        now - 700,
        now - 100,
    );
    s.store.open_debate(&due).await.expect("open");
    crate::debate::sweep::sweep(&on(&s, 1))
        .await
        .expect("sweep");
    let d = s.store.debate(7).await.expect("read").expect("debate");
    assert!(d.closed_at.is_none(), "closed by the other shard's process");
    crate::debate::sweep::sweep(&on(&s, 0))
        .await
        .expect("sweep");
    let d = s.store.debate(7).await.expect("read").expect("debate");
    assert!(d.closed_at.is_some(), "its own process closes it");
}

#[tokio::test]
async fn the_speech_clock_is_kept_by_the_process_holding_the_server() {
    let (s, outbox) = services().await;
    let teacher = Invocation {
        permissions: perms::MANAGE_MESSAGES,
        ..member(500, 1, 2)
    };
    let args = Start {
        motion: Some("benjamin:film-makes-experts".into()),
        speech: Some("60s".into()),
        sides: None,
        language: None,
        bilingual: None,
    };
    flow::start(&s, &teacher, args).await.expect("start");
    let room = s
        .store
        .debate(500)
        .await
        .expect("read")
        .and_then(|d| d.thread)
        .expect("its thread");
    let at = |n: u64, user: u64| member(1000 + n, user, room);
    let teach = |n: u64| Invocation {
        permissions: perms::MANAGE_MESSAGES,
        ..member(2000 + n, 1, room)
    };
    flow::click(&s, &at(1, 10), 500, Act::Join(Some(Side::Benjamin)))
        .await
        .expect("join");
    flow::click(&s, &at(2, 11), 500, Act::Join(Some(Side::Adorno)))
        .await
        .expect("join");
    flow::click(&s, &teach(1), 500, Act::Next(None))
        .await
        .expect("opening vote");
    flow::click(&s, &teach(2), 500, Act::Next(None))
        .await
        .expect("speeches");
    flow::click(&s, &at(3, 10), 500, Act::Speak(1))
        .await
        .expect("speak");
    s.clock.advance(90);
    let times = || {
        outbox
            .posts()
            .into_iter()
            .filter(|(c, m)| *c == room && m.reply.text.contains("Time!"))
            .count()
    };
    clock::tick(&on(&s, 1)).await.expect("tick");
    assert_eq!(times(), 0, "the other shard's process said time");
    clock::tick(&on(&s, 0)).await.expect("tick");
    clock::tick(&on(&s, 0)).await.expect("tick");
    assert_eq!(times(), 1);
}
