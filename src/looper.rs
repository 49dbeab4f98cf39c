//! Background work that runs "every N seconds until shutdown": each round runs in its own
//! task, so a round that panics is logged and the loop goes on at the next tick.

use std::future::Future;
use std::time::Duration;

use tokio::sync::watch;
use tokio::task::JoinHandle;

/// Spawns `work` every `every` (the first time at once) until `stop` turns true.
pub fn every<F, Fut>(
    name: &'static str,
    every: Duration,
    mut stop: watch::Receiver<bool>,
    work: F,
) -> JoinHandle<()>
where
    F: Fn() -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(every);
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                _ = ticker.tick() => {}
                _ = stop.changed() => {}
            }
            if *stop.borrow() {
                tracing::debug!(task = name, "stopped");
                return;
            }
            if let Err(e) = tokio::spawn(work()).await {
                tracing::error!(task = name, error = %e, "background task failed; it runs again at the next tick");
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicU32, Ordering};

    #[tokio::test(start_paused = true)]
    async fn a_panicking_round_does_not_end_the_loop_and_stop_does() {
        let runs = Arc::new(AtomicU32::new(0));
        let (tx, rx) = watch::channel(false);
        let counter = runs.clone();
        let task = every("test", Duration::from_secs(1), rx, move || {
            let n = counter.fetch_add(1, Ordering::SeqCst);
            async move {
                if n == 1 {
                    panic!("boom");
                }
            }
        });
        tokio::time::sleep(Duration::from_millis(3500)).await;
        assert!(runs.load(Ordering::SeqCst) >= 4, "ran after the panic");
        tx.send(true).expect("send");
        tokio::time::timeout(Duration::from_secs(5), task)
            .await
            .expect("stops")
            .expect("no panic escapes");
    }
}
