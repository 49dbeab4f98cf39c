//! The HTTP listener for operators, off unless `metrics_addr` is set: `/healthz` answers 200
//! when the gateway is connected and the database answers (503 with the reason otherwise, and
//! while Aura is still starting), `/metrics` the counters in Prometheus' text format. It is
//! started before anything slow and stopped with the app. It answers a few requests at a time
//! (more get 503 at once), each within a bound; `/metrics` never waits on the database: the
//! counts of open debates are refreshed behind it, one refresh at a time.

use std::net::SocketAddr;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use metrics_exporter_prometheus::PrometheusHandle;
use tokio::sync::oneshot;

use super::{Gateway, metrics};
use crate::quiz::Rooms;
use crate::store::Store;

/// How long `/healthz` waits for the database.
const DB_PATIENCE: Duration = Duration::from_secs(2);

/// Requests answered at once; more are told 503 at once.
const AT_ONCE: usize = 8;

/// How long one request may take.
const REQUEST_PATIENCE: Duration = Duration::from_secs(5);

/// How old the database's counts behind `/metrics` may be before a scrape asks for new ones.
const COUNTS_AGE: Duration = Duration::from_secs(10);

/// What the listener looks at, once the app has it.
#[derive(Clone)]
pub struct Probe {
    pub gateway: Arc<Gateway>,
    pub store: Store,
    pub rounds: Arc<Rooms>,
}

#[derive(Clone)]
struct Shared {
    probe: Arc<RwLock<Option<Probe>>>,
    handle: PrometheusHandle,
    /// The requests under way.
    at_once: Arc<tokio::sync::Semaphore>,
    /// The database's counts behind `/metrics`: when they were last asked for (one refresh
    /// at a time).
    counts: Arc<std::sync::Mutex<Option<std::time::Instant>>>,
}

/// The running listener.
pub struct Listener {
    addr: SocketAddr,
    probe: Arc<RwLock<Option<Probe>>>,
    stop: oneshot::Sender<()>,
    task: tokio::task::JoinHandle<()>,
}

impl Listener {
    /// Installs the metrics recorder, binds `addr` and serves; `/healthz` says "starting"
    /// until [`Listener::attach`].
    pub async fn start(addr: SocketAddr) -> Result<Listener, String> {
        let handle = metrics::install()?;
        metrics::rounds_open(0);
        metrics::debates_open(0, 0);
        let socket = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
        let addr = socket.local_addr().map_err(|e| e.to_string())?;
        let probe = Arc::new(RwLock::new(None));
        let shared = Shared {
            probe: probe.clone(),
            handle,
            at_once: Arc::new(tokio::sync::Semaphore::new(AT_ONCE)),
            counts: Arc::default(),
        };
        let app = Router::new()
            .route("/healthz", get(healthz))
            .route("/metrics", get(render))
            .layer(axum::middleware::from_fn_with_state(
                shared.clone(),
                bounded,
            ))
            .with_state(shared);
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            let served = axum::serve(socket, app)
                .with_graceful_shutdown(async move {
                    let _ = stopped.await;
                })
                .await;
            if let Err(e) = served {
                tracing::error!(error = %e, "the metrics listener stopped");
            }
        });
        tracing::info!(%addr, "serving /healthz and /metrics");
        Ok(Listener {
            addr,
            probe,
            stop,
            task,
        })
    }

    /// Where it listens (the port chosen when `addr` asked for port 0).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The app is up: `/healthz` and `/metrics` look at its gateway, store and rounds.
    pub fn attach(&self, probe: Probe) {
        if let Ok(mut slot) = self.probe.write() {
            *slot = Some(probe);
        }
    }

    /// Stops serving (requests under way are finished).
    pub async fn stop(self) {
        if let Ok(mut slot) = self.probe.write() {
            *slot = None;
        }
        let _ = self.stop.send(());
        if tokio::time::timeout(Duration::from_secs(2), self.task)
            .await
            .is_err()
        {
            tracing::warn!("the metrics listener did not stop in time");
        }
    }
}

/// A few requests at a time, each within [`REQUEST_PATIENCE`]: a flood of scrapes or a slow
/// database never piles requests up.
async fn bounded(
    State(shared): State<Shared>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let Ok(_permit) = shared.at_once.clone().try_acquire_owned() else {
        return (StatusCode::SERVICE_UNAVAILABLE, "busy\n").into_response();
    };
    match tokio::time::timeout(REQUEST_PATIENCE, next.run(req)).await {
        Ok(answer) => answer,
        Err(_) => (StatusCode::SERVICE_UNAVAILABLE, "no answer in time\n").into_response(),
    }
}

fn probe(shared: &Shared) -> Option<Probe> {
    shared.probe.read().ok().and_then(|p| p.clone())
}

async fn healthz(State(shared): State<Shared>) -> impl IntoResponse {
    let unhealthy = |reason: String| (StatusCode::SERVICE_UNAVAILABLE, reason);
    let Some(p) = probe(&shared) else {
        return unhealthy("starting\n".into());
    };
    if !p.gateway.connected() {
        return unhealthy(format!("gateway: {}\n", p.gateway.describe()));
    }
    match tokio::time::timeout(DB_PATIENCE, p.store.ping()).await {
        Ok(Ok(())) => (StatusCode::OK, "ok\n".into()),
        Ok(Err(e)) => {
            metrics::database_error("health");
            tracing::warn!(error = %e, "health check: the database does not answer");
            unhealthy("database: unreachable\n".into())
        }
        Err(_) => {
            metrics::database_error("health");
            unhealthy(format!("database: no answer within {DB_PATIENCE:?}\n"))
        }
    }
}

/// The counters as they stand, at once. The rounds are counted in memory; the open debates
/// come from the database behind the scrape ([`refresh_counts`]), so a scrape never waits on
/// it, nor holds its connections.
async fn render(State(shared): State<Shared>) -> impl IntoResponse {
    if let Some(p) = probe(&shared) {
        metrics::rounds_open(p.rounds.len());
        refresh_counts(&shared, p.store);
    }
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        shared.handle.render(),
    )
}

/// Asks the database for the open debates when the last counts are older than
/// [`COUNTS_AGE`] and no one is asking already; the next scrape shows them. A database that
/// does not answer within [`DB_PATIENCE`] is counted as an error, and the old counts stay.
fn refresh_counts(shared: &Shared, store: Store) {
    {
        let Ok(mut last) = shared.counts.lock() else {
            return;
        };
        if last.is_some_and(|at| at.elapsed() < COUNTS_AGE) {
            return;
        }
        *last = Some(std::time::Instant::now());
    }
    tokio::spawn(async move {
        match tokio::time::timeout(DB_PATIENCE, store.open_debate_counts()).await {
            Ok(Ok((votes, classes))) => metrics::debates_open(votes, classes),
            Ok(Err(e)) => {
                metrics::database_error("metrics");
                tracing::warn!(error = %e, "cannot count the open debates");
            }
            Err(_) => metrics::database_error("metrics"),
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn get(addr: SocketAddr, path: &str) -> (u16, String) {
        let answer = reqwest::get(format!("http://{addr}{path}"))
            .await
            .expect("the listener answers");
        let status = answer.status().as_u16();
        (status, answer.text().await.unwrap_or_default())
    }

    #[tokio::test]
    async fn healthz_tells_starting_gateway_and_database_apart() {
        let listener = Listener::start(([127, 0, 0, 1], 0).into())
            .await
            .expect("listen");
        let addr = listener.addr();
        assert_eq!(get(addr, "/healthz").await, (503, "starting\n".into()));

        let path = std::env::temp_dir().join(format!("aura-healthz-{}.db", std::process::id()));
        let store = Store::open(&path).await.expect("store");
        let gateway = Arc::new(Gateway::default());
        listener.attach(Probe {
            gateway: gateway.clone(),
            store: store.clone(),
            rounds: Arc::default(),
        });
        let (status, body) = get(addr, "/healthz").await;
        assert_eq!(
            (status, body.as_str()),
            (503, "gateway: no shard has connected yet\n")
        );
        gateway.set(0, true);
        assert_eq!(get(addr, "/healthz").await, (200, "ok\n".into()));
        gateway.set(1, false);
        let (status, body) = get(addr, "/healthz").await;
        assert_eq!(
            (status, body.as_str()),
            (503, "gateway: 1 of 2 shards connected\n")
        );
        gateway.set(1, true);
        store.close().await;
        let (status, body) = get(addr, "/healthz").await;
        assert_eq!((status, body.as_str()), (503, "database: unreachable\n"));

        let (status, text) = get(addr, "/metrics").await;
        assert_eq!(status, 200);
        assert!(text.contains("aura_quiz_rounds_open 0"), "{text}");
        assert!(
            text.contains(r#"aura_debates_open{format="quick"} 0"#),
            "{text}"
        );

        // With the database gone, fifty scrapes at once are all answered within a second
        // (a few told "busy"), and the failed count behind them is counted as an error.
        let started = std::time::Instant::now();
        let scrapes: Vec<_> = (0..50)
            .map(|_| tokio::spawn(async move { get(addr, "/metrics").await.0 }))
            .collect();
        for scrape in scrapes {
            let status = scrape.await.expect("scrape");
            assert!(status == 200 || status == 503, "{status}");
        }
        assert!(
            started.elapsed() < Duration::from_secs(1),
            "{:?}",
            started.elapsed()
        );
        let mut counted = false;
        for _ in 0..50 {
            tokio::time::sleep(Duration::from_millis(20)).await;
            let (_, text) = get(addr, "/metrics").await;
            if text.contains(r#"aura_database_errors_total{place="metrics"}"#) {
                counted = true;
                break;
            }
        }
        assert!(counted, "the failed count is an error");

        listener.stop().await;
        assert!(
            reqwest::get(format!("http://{addr}/healthz"))
                .await
                .is_err()
        );
        let _ = std::fs::remove_file(&path);
    }
}
