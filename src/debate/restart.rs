//! Before Aura stops (SIGTERM): a short notice in every open debate of this process's guilds
//! that Aura is restarting and the debate goes on when it is back. Nothing is ended or lost:
//! a class debate's state and a quick vote's ballots are in the store with their deadlines,
//! and the debate continues from there after the restart.

use futures::future::join_all;

use super::{Debate, Format};
use crate::i18n::{t, tr};
use crate::outbox::Message;
use crate::reply::Reply;
use crate::services::{Error, Services};

/// The notice for one open debate, in its language.
pub fn notice(d: &Debate) -> Reply {
    let text = match d.format {
        Format::Class => t(d.lang, "debate-restarting-class"),
        Format::Quick => tr(
            d.lang,
            "debate-restarting-vote",
            &[("closes", &format!("<t:{}:R>", d.closes_at))],
        ),
    };
    Reply {
        text,
        ..Reply::default()
    }
}

/// Posts the notice in every open debate of this process's guilds, all at once; returns how
/// many went out.
pub async fn announce(s: &Services) -> Result<usize, Error> {
    // Every open debate: none closes later than the end of time.
    let open = s.store.due_debates(i64::MAX).await?;
    let mine = open.iter().filter(|d| s.pace.shards.owns(d.guild));
    let posts = mine.map(|d| async move {
        let sent = s.outbox.post(d.room(), &Message::from(notice(d))).await;
        if let Err(e) = &sent {
            tracing::warn!(debate = d.id, error = %e, "could not say that Aura is restarting");
        }
        sent.is_ok()
    });
    Ok(join_all(posts).await.into_iter().filter(|ok| *ok).count())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::Core;
    use crate::outbox::recorder::{Recorder, Sent};
    use crate::pack::Lang;
    use crate::services::Pace;
    use crate::shard::Shards;
    use crate::store::Store;
    use std::path::PathBuf;
    use std::sync::Arc;

    fn open(id: u64, guild: u64, format: Format, lang: Lang) -> Debate {
        Debate {
            id,
            pack: "benjamin".into(),
            motion: "film-makes-experts".into(),
            guild: Some(guild),
            channel: 100 + id,
            starter: 3,
            token: String::new(),
            lang,
            opened_at: 0,
            closes_at: 600,
            closed_at: None,
            format,
            message: None,
            thread: (format == Format::Class).then_some(200 + id),
            own_motion: None,
            bilingual: false,
        }
    }

    #[tokio::test]
    async fn each_open_debate_of_this_process_hears_that_aura_restarts() {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
        let core = Arc::new(Core::load(&dir, Lang::En).expect("pack"));
        let store = Store::in_memory().await.expect("store");
        let outbox = Arc::new(Recorder::new());
        // Shard 1 of 2: guild 1 << 22 is this process's, guild 2 << 22 another's.
        let pace = Pace {
            shards: Shards::from_parts(Some("1"), Some(2)).expect("shards"),
            ..Pace::default()
        };
        let s = Services::new(core, store.clone(), outbox.clone(), pace);
        let (mine, theirs) = (1 << 22, 2 << 22);
        store
            .open_debate(&open(1, mine, Format::Quick, Lang::En))
            .await
            .expect("open");
        store
            .open_debate(&open(2, mine, Format::Class, Lang::Id))
            .await
            .expect("open");
        store
            .open_debate(&open(3, theirs, Format::Quick, Lang::En))
            .await
            .expect("open");
        store
            .open_debate(&open(4, mine, Format::Quick, Lang::En))
            .await
            .expect("open");
        store.close_debate(4, 10).await.expect("close");
        assert_eq!(announce(&s).await.expect("announce"), 2);
        let posts: Vec<(u64, String)> = outbox
            .sent()
            .into_iter()
            .filter_map(|sent| match sent {
                Sent::Post {
                    channel, message, ..
                } => Some((channel, message.reply.text)),
                _ => None,
            })
            .collect();
        assert_eq!(posts.len(), 2, "{posts:?}");
        let quick = posts
            .iter()
            .find(|(c, _)| *c == 101)
            .expect("the vote's channel");
        assert!(
            quick.1.contains("restarting") && quick.1.contains("<t:600:R>"),
            "{quick:?}"
        );
        // The class debate hears it in its thread, in its language.
        let class = posts
            .iter()
            .find(|(c, _)| *c == 202)
            .expect("the debate's thread");
        assert!(class.1.contains("dimulai ulang"), "{class:?}");
        // Nothing was closed.
        assert!(
            store
                .debate(1)
                .await
                .expect("read")
                .expect("debate")
                .closed_at
                .is_none()
        );
    }
}
