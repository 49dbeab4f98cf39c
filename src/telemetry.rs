//! Logging set-up in one place: readable or JSON lines on stderr, filtered by `RUST_LOG` or the
//! configured filter. serenity's warning at every failed try to connect the gateway (every 5 s)
//! is left out unless serenity's logs are asked for by name; Aura's own gateway watch says it
//! once, and then more and more rarely.

use tracing_subscriber::EnvFilter;

use crate::config::{LogFormat, LogSettings};

pub fn init(settings: &LogSettings) {
    let directives = std::env::var("RUST_LOG")
        .ok()
        .filter(|f| EnvFilter::try_new(f).is_ok())
        .unwrap_or_else(|| settings.filter.clone());
    let filter =
        EnvFilter::try_new(quiet_retries(&directives)).unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    // A second init (tests) is harmless: the first subscriber stays.
    let _ = match settings.format {
        LogFormat::Json => builder.json().try_init(),
        LogFormat::Pretty => builder.try_init(),
    };
}

/// serenity's shard queuer logs a raw warning at every failed connection try; unless the filter
/// names serenity itself, only its errors are kept.
fn quiet_retries(directives: &str) -> String {
    if directives.contains("serenity") {
        directives.to_string()
    } else {
        format!("{directives},serenity::gateway::bridge::shard_queuer=error")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serenitys_retry_warnings_are_left_out_unless_asked_for() {
        assert_eq!(
            quiet_retries("info"),
            "info,serenity::gateway::bridge::shard_queuer=error"
        );
        assert!(EnvFilter::try_new(quiet_retries("aura=debug,warn")).is_ok());
        assert_eq!(quiet_retries("serenity=debug"), "serenity=debug");
    }
}
