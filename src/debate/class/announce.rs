//! What a class debate says in its thread: a line from Aura, and the start of a speech with
//! its speaker pinged when the debate pings speakers.

use super::{Class, refresh};
use crate::debate::view::class as view;
use crate::outbox::Message;
use crate::pack::Lang;
use crate::reply::Reply;
use crate::services::{Error, Services};

/// "Speech n starts": its side, speaker and end, in the thread (the speaker pinged only when
/// the server turned that on).
pub async fn announce_start(s: &Services, id: u64, number: u32) -> Result<(), Error> {
    let Some(c) = s.store.class(id).await? else {
        return Ok(());
    };
    let Some(sp) = c.speeches.iter().find(|sp| sp.number == number) else {
        return Ok(());
    };
    let ping = sp
        .speaker
        .as_ref()
        .map(|(id, _)| *id)
        .filter(|_| c.ping_speakers);
    say(s, &c, |lang| view::speech_started(&c, sp, lang), ping).await;
    refresh::request(s, id);
    Ok(())
}

/// Posts a line in the debate's thread (or channel), in its language or both. A failure is
/// logged: the debate goes on.
pub async fn say(s: &Services, c: &Class, line: impl Fn(Lang) -> String, ping_user: Option<u64>) {
    let message = Message {
        reply: Reply {
            text: crate::debate::view::line_in_both(&c.debate, line),
            ..Reply::default()
        },
        ping: None,
        ping_user,
    };
    if let Err(e) = s.outbox.post(c.debate.room(), &message).await {
        tracing::warn!(debate = c.debate.id, error = %e, "could not post in a class debate");
    }
}
