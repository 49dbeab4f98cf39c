//! What Aura counts, named in one place, recorded through the `metrics` facade and rendered in
//! Prometheus' text format by `metrics-exporter-prometheus`. Until [`install`] runs (the
//! listener is on) every call here is a no-op.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use metrics::{counter, describe_counter, describe_gauge, describe_histogram, gauge, histogram};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

pub const INTERACTIONS: &str = "aura_interactions_total";
pub const INTERACTION_SECONDS: &str = "aura_interaction_duration_seconds";
pub const REST_CALLS: &str = "aura_rest_calls_total";
pub const RATE_LIMITED: &str = "aura_rest_rate_limited_total";
pub const QUIZ_ROUNDS: &str = "aura_quiz_rounds_open";
pub const DEBATES: &str = "aura_debates_open";
pub const DAILY_POSTS: &str = "aura_daily_posts_total";
pub const DATABASE_ERRORS: &str = "aura_database_errors_total";
pub const SHARDS: &str = "aura_gateway_shards_connected";

/// The latency buckets, in seconds: Discord wants an answer within 3.
const BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
];

/// How an interaction ended: answered, answered with the generic notice after a failure, or
/// not answered because Discord refused or did not take the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    Failed,
    Unanswered,
}

impl Outcome {
    fn label(self) -> &'static str {
        match self {
            Outcome::Ok => "ok",
            Outcome::Failed => "failed",
            Outcome::Unanswered => "unanswered",
        }
    }
}

/// Whether a recorder is installed (the listener is on).
static ENABLED: AtomicBool = AtomicBool::new(false);

/// Whether metrics are recorded in this process.
pub fn enabled() -> bool {
    ENABLED.load(Ordering::Relaxed)
}

/// The process's recorder, installed once; its handle renders `/metrics`.
pub fn install() -> Result<PrometheusHandle, String> {
    static HANDLE: OnceLock<Result<PrometheusHandle, String>> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let recorder = PrometheusBuilder::new()
                .set_buckets_for_metric(Matcher::Full(INTERACTION_SECONDS.into()), &BUCKETS)
                .map_err(|e| e.to_string())?
                .build_recorder();
            let handle = recorder.handle();
            metrics::set_global_recorder(recorder).map_err(|e| e.to_string())?;
            ENABLED.store(true, Ordering::Relaxed);
            describe();
            Ok(handle)
        })
        .clone()
}

fn describe() {
    describe_counter!(
        INTERACTIONS,
        "Interactions answered, by command (or component kind) and outcome"
    );
    describe_histogram!(
        INTERACTION_SECONDS,
        metrics::Unit::Seconds,
        "Time from an interaction's arrival to its answer"
    );
    describe_counter!(
        REST_CALLS,
        "REST calls to Discord by client (outbox: Aura's own client; interaction: answers through \
         serenity, whose successes are counted as 2xx) and HTTP status (error: no answer)"
    );
    describe_counter!(
        RATE_LIMITED,
        "Waits for Discord's rate limits in serenity's client (a 429, or a bucket at zero)"
    );
    describe_gauge!(QUIZ_ROUNDS, "Quiz rounds this process is running");
    describe_gauge!(DEBATES, "Open debates in the database, by format");
    describe_counter!(DAILY_POSTS, "Daily posts sent, and attempts that failed");
    describe_counter!(DATABASE_ERRORS, "Database errors, by where they happened");
    describe_gauge!(SHARDS, "Gateway shards of this process connected now");
}

/// One interaction answered (or not) after `took`. `what` is a command's name or a
/// component's kind, never free text.
pub fn interaction(what: &str, outcome: Outcome, took: Duration) {
    counter!(INTERACTIONS, "command" => what.to_string(), "outcome" => outcome.label())
        .increment(1);
    histogram!(INTERACTION_SECONDS).record(took.as_secs_f64());
}

/// One REST call's answer; `status` 0 when none came.
pub fn rest(client: &'static str, status: u16) {
    let status = match status {
        0 => "error".to_string(),
        s => s.to_string(),
    };
    counter!(REST_CALLS, "client" => client, "status" => status).increment(1);
}

/// An interaction answer that serenity sent successfully (its exact 2xx is not reported).
pub fn rest_ok(client: &'static str) {
    counter!(REST_CALLS, "client" => client, "status" => "2xx").increment(1);
}

/// Serenity's rate limiter made a call wait.
pub fn rate_limited() {
    counter!(RATE_LIMITED).increment(1);
}

/// A daily post went out (`true`) or an attempt failed.
pub fn daily_post(sent: bool) {
    let result = if sent { "sent" } else { "failed" };
    counter!(DAILY_POSTS, "result" => result).increment(1);
}

/// A database error in `place` (`interaction`, `daily`, `background`, `health`, `metrics`).
pub fn database_error(place: &'static str) {
    counter!(DATABASE_ERRORS, "place" => place).increment(1);
}

/// A background task failed (`what` it could not do): logged, and counted as a database error
/// (`place="background"`) when the database is anywhere in its chain, so the counter sees every
/// failure the log does.
pub fn background_failed(what: &'static str, e: &anyhow::Error) {
    if is_database(e) {
        database_error("background");
    }
    tracing::error!(error = %e, "{what}");
}

/// Whether an error is the database's, anywhere in its chain.
pub fn is_database(e: &anyhow::Error) -> bool {
    e.chain()
        .any(|c| c.is::<crate::store::StoreError>() || c.is::<sqlx::Error>())
}

pub(super) fn shards_connected(n: usize) {
    gauge!(SHARDS).set(n as f64);
}

/// The quiz rounds running in this process.
pub(super) fn rounds_open(rounds: usize) {
    gauge!(QUIZ_ROUNDS).set(rounds as f64);
}

/// The open quick votes and class debates in the database.
pub(super) fn debates_open(votes: i64, classes: i64) {
    gauge!(DEBATES, "format" => "quick").set(votes as f64);
    gauge!(DEBATES, "format" => "class").set(classes as f64);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interactions_and_latency_render_in_prometheus_text() {
        let recorder = PrometheusBuilder::new()
            .set_buckets_for_metric(Matcher::Full(INTERACTION_SECONDS.into()), &BUCKETS)
            .expect("buckets")
            .build_recorder();
        let handle = recorder.handle();
        metrics::with_local_recorder(&recorder, || {
            interaction("concept", Outcome::Ok, Duration::from_millis(3));
            interaction("concept", Outcome::Ok, Duration::from_millis(30));
            interaction("quiz start", Outcome::Failed, Duration::from_millis(2));
            rest("outbox", 429);
            rest("outbox", 0);
            daily_post(true);
            database_error("daily");
        });
        let text = handle.render();
        for line in [
            r#"aura_interactions_total{command="concept",outcome="ok"} 2"#,
            r#"aura_interactions_total{command="quiz start",outcome="failed"} 1"#,
            r#"aura_interaction_duration_seconds_bucket{le="0.005"} 2"#,
            r#"aura_interaction_duration_seconds_bucket{le="+Inf"} 3"#,
            "aura_interaction_duration_seconds_count 3",
            r#"aura_rest_calls_total{client="outbox",status="429"} 1"#,
            r#"aura_rest_calls_total{client="outbox",status="error"} 1"#,
            r#"aura_daily_posts_total{result="sent"} 1"#,
            r#"aura_database_errors_total{place="daily"} 1"#,
        ] {
            assert!(text.contains(line), "{line} missing from\n{text}");
        }
    }

    #[test]
    fn a_database_error_is_found_in_a_chain() {
        let e = anyhow::Error::from(crate::store::StoreError::Corrupt {
            column: "x",
            value: "y".into(),
        })
        .context("reading the board");
        assert!(is_database(&e));
        assert!(!is_database(&anyhow::anyhow!("Discord said no")));
    }
}
