//! Charts drawn as PNG away from the async runtime, at most two at a time on tokio's blocking
//! pool, and kept by their data (the last 64 drawn): a board asked again, or a message edited
//! with the same picture, costs no drawing, and a drawing never holds up a click.
//!
//! Senders call [`ahead`] before they build a message; the files they then list are found
//! kept. A chart not found (dropped meanwhile by a busier moment) is drawn where it is needed.

use std::sync::{Arc, LazyLock, Mutex};

use hashlink::LruCache;
use tokio::sync::Semaphore;

use super::chart::{self, ChartError};
use crate::reply::{Chart, Reply};

/// Pictures kept, by their data.
const KEPT: usize = 64;
/// Pictures drawn at once on the blocking pool.
const AT_ONCE: usize = 2;

static PICTURES: LazyLock<Mutex<LruCache<String, Arc<Vec<u8>>>>> =
    LazyLock::new(|| Mutex::new(LruCache::new(KEPT)));
static DRAWING: Semaphore = Semaphore::const_new(AT_ONCE);

/// What tells one picture from another: everything a chart is drawn from.
fn key(chart: &Chart) -> String {
    format!("{:?}", (&chart.title, &chart.kind))
}

fn kept(key: &str) -> Option<Arc<Vec<u8>>> {
    PICTURES.lock().ok()?.get(key).cloned()
}

fn keep(key: String, png: Arc<Vec<u8>>) {
    if let Ok(mut pictures) = PICTURES.lock() {
        pictures.insert(key, png);
    }
}

/// A chart's PNG: kept, or drawn here and kept.
pub(super) fn png(chart: &Chart) -> Result<Arc<Vec<u8>>, ChartError> {
    let key = key(chart);
    if let Some(png) = kept(&key) {
        return Ok(png);
    }
    let png = Arc::new(chart::png(chart)?);
    keep(key, png.clone());
    Ok(png)
}

/// Draws the reply's charts not kept yet on the blocking pool (two at a time), and keeps them.
/// A chart that cannot be drawn is left for the sender, which logs it and sends a blank.
pub async fn ahead(reply: &Reply) {
    for chart in &reply.charts {
        let key = key(chart);
        if kept(&key).is_some() {
            continue;
        }
        let Ok(_turn) = DRAWING.acquire().await else {
            return;
        };
        // Drawn by another sender while this one waited.
        if kept(&key).is_some() {
            continue;
        }
        let chart = chart.clone();
        if let Ok(Ok(png)) = tokio::task::spawn_blocking(move || chart::png(&chart)).await {
            keep(key, Arc::new(png));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reply::{Bar, ChartKind};

    fn chart(value: u64) -> Chart {
        Chart {
            name: "board.png".into(),
            alt: String::new(),
            title: format!("drawn-test {value}"),
            kind: ChartKind::Bars(vec![Bar {
                label: "a".into(),
                value,
                caption: value.to_string(),
                marked: false,
            }]),
        }
    }

    #[tokio::test]
    async fn a_chart_drawn_ahead_is_kept_by_its_data() {
        let reply = Reply {
            charts: vec![chart(1), chart(2)],
            ..Reply::default()
        };
        ahead(&reply).await;
        for c in &reply.charts {
            let kept = kept(&key(c)).expect("kept");
            assert_eq!(*kept, chart::png(c).expect("png"));
            assert!(Arc::ptr_eq(&kept, &png(c).expect("png")));
        }
        // Other data, another picture.
        assert!(kept(&key(&chart(3))).is_none());
    }
}
