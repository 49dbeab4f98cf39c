use std::time::Duration;

use super::Rest;
use crate::outbox::{Message, Outbox};
use crate::reply::Reply;

const SECOND: Duration = Duration::from_secs(1);

#[tokio::test(start_paused = true)]
async fn a_failed_call_never_shows_the_interaction_token_in_its_error() {
    // Nothing listens on port 1: every try fails before any answer.
    let rest = Rest::new(
        Some("http://127.0.0.1:1"),
        Some("bot-token-value"),
        SECOND,
        SECOND,
    );
    rest.set_application_id(42);
    let token = "aW50ZXJhY3Rpb24tdG9rZW4";
    let message = Message::from(Reply::notice("hello"));
    let errors = [
        rest.followup(token, &message).await,
        rest.edit_original(token, &message).await,
    ];
    for error in errors {
        let text = format!(
            "{:?} {}",
            error,
            error
                .clone()
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        );
        assert!(error.is_err(), "{text}");
        assert!(!text.contains(token), "{text}");
        assert!(!text.contains("bot-token-value"), "{text}");
    }
}

#[test]
fn a_token_given_with_its_bot_prefix_is_not_prefixed_twice() {
    for token in ["abc.def", "Bot abc.def", "  Bot abc.def  "] {
        let rest = Rest::new(None, Some(token), SECOND, SECOND);
        assert_eq!(rest.auth.as_deref(), Some("Bot abc.def"), "{token:?}");
    }
}
