//! Where everything of a chart goes: a [`Chart`] becomes a [`Scene`], a list of rectangles and
//! single lines of text at pixel positions, with labels and captions already shortened to fit.
//! Drawing the scene is `super::png`'s job; tests look at the scene directly.

use super::font::{self, Rgb, Weight};
use crate::reply::{Bar, Chart, ChartKind, Pair};

pub const WIDTH: u32 = 800;
/// The margin around everything.
pub const PAD: i32 = 24;
/// The title's band at the top.
pub const TITLE_H: i32 = 56;
/// The legend's band under the title (pairs only).
pub const LEGEND_H: i32 = 32;
pub const ROW_H: i32 = 48;
/// The label column, left of the bars.
pub const LABEL_W: f32 = 240.0;
pub const BAR_X: i32 = PAD + LABEL_W as i32 + 16;
/// Room right of a single bar for its caption.
pub const CAPTION_W: i32 = 150;
/// Room right of a pair's bars for their numbers, and for the pair's caption at the edge.
pub const VALUE_W: i32 = 48;
pub const PAIR_CAPTION_W: i32 = 100;
/// The most rows a picture draws (a leaderboard shows ten; an answer split four or five).
pub const MAX_ROWS: usize = 25;

pub const TITLE_SIZE: f32 = 20.0;
pub const LABEL_SIZE: f32 = 16.0;
pub const CAPTION_SIZE: f32 = 15.0;
pub const VALUE_SIZE: f32 = 12.0;
pub const LEGEND_SIZE: f32 = 14.0;

pub const BACKGROUND: Rgb = [0xFF, 0xFF, 0xFF];
pub const INK: Rgb = [0x1F, 0x23, 0x28];
pub const MUTED: Rgb = [0x59, 0x63, 0x6E];
pub const TRACK: Rgb = [0xEE, 0xF0, 0xF3];
pub const BAR: Rgb = [0x8A, 0x94, 0xA6];
/// The marked bar (the correct answer, the member): green, and also drawn with a check mark
/// and bold text, so that a reader who cannot tell the colours apart still sees it.
pub const MARKED: Rgb = [0x1A, 0x7F, 0x37];
pub const BEFORE: Rgb = [0xA7, 0xB0, 0xC0];
pub const AFTER: Rgb = [0x5B, 0x6E, 0xE1];
/// The mark in front of a marked row's label.
pub const CHECK: &str = "✓ ";

/// One thing to draw.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Rect {
        x: i32,
        y: i32,
        w: u32,
        h: u32,
        colour: Rgb,
    },
    /// One line of text, its baseline at `y`.
    Text {
        x: f32,
        y: f32,
        size: f32,
        weight: Weight,
        colour: Rgb,
        text: String,
    },
}

/// A picture's size and what is drawn on it, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    pub width: u32,
    pub height: u32,
    pub shapes: Vec<Shape>,
}

impl Scene {
    fn text(&mut self, x: f32, y: f32, size: f32, weight: Weight, colour: Rgb, text: String) {
        if !text.is_empty() {
            self.shapes.push(Shape::Text {
                x,
                y,
                size,
                weight,
                colour,
                text,
            });
        }
    }

    fn rect(&mut self, x: i32, y: i32, w: u32, h: u32, colour: Rgb) {
        if w > 0 && h > 0 {
            self.shapes.push(Shape::Rect { x, y, w, h, colour });
        }
    }

    /// The texts drawn, in order (for tests).
    #[cfg(test)]
    pub fn texts(&self) -> Vec<&str> {
        self.shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Text { text, .. } => Some(text.as_str()),
                Shape::Rect { .. } => None,
            })
            .collect()
    }
}

/// How long a bar of `value` is when `max` fills `room`: at least 2 px for any value above 0,
/// so that a single answer still shows.
pub fn bar_length(value: u64, max: u64, room: i32) -> u32 {
    if value == 0 || max == 0 || room <= 0 {
        return 0;
    }
    let len = (value.min(max) as f64 / max as f64 * f64::from(room)).round() as u32;
    len.max(2)
}

/// The scene for a chart.
pub fn layout(chart: &Chart) -> Scene {
    let legend = matches!(chart.kind, ChartKind::Pairs { .. });
    let rows = match &chart.kind {
        ChartKind::Bars(bars) => bars.len(),
        ChartKind::Pairs { rows, .. } => rows.len(),
    }
    .min(MAX_ROWS);
    let top = TITLE_H + if legend { LEGEND_H } else { 0 };
    let height = top + rows as i32 * ROW_H + PAD;
    let mut scene = Scene {
        width: WIDTH,
        height: height as u32,
        shapes: Vec::new(),
    };
    let full = WIDTH as f32 - 2.0 * PAD as f32;
    let title = font::fit(&chart.title, TITLE_SIZE, Weight::Bold, full);
    scene.text(PAD as f32, 36.0, TITLE_SIZE, Weight::Bold, INK, title);
    match &chart.kind {
        ChartKind::Bars(bars) => {
            let bars = &bars[..rows];
            let max = bars.iter().map(|b| b.value).max().unwrap_or(0);
            for (i, bar) in bars.iter().enumerate() {
                bar_row(&mut scene, top + i as i32 * ROW_H, bar, max);
            }
        }
        ChartKind::Pairs {
            legend,
            rows: pairs,
        } => {
            legend_band(&mut scene, legend);
            let pairs = &pairs[..rows];
            let max = pairs
                .iter()
                .map(|p| p.before.max(p.after))
                .max()
                .unwrap_or(0);
            for (i, pair) in pairs.iter().enumerate() {
                pair_row(&mut scene, top + i as i32 * ROW_H, pair, max);
            }
        }
    }
    scene
}

fn label(scene: &mut Scene, row: i32, text: &str, marked: bool) {
    let (weight, colour, text) = if marked {
        (Weight::Bold, MARKED, format!("{CHECK}{}", text.trim()))
    } else {
        (Weight::Regular, INK, text.to_string())
    };
    let text = font::fit(&text, LABEL_SIZE, weight, LABEL_W);
    scene.text(
        PAD as f32,
        (row + 30) as f32,
        LABEL_SIZE,
        weight,
        colour,
        text,
    );
}

fn bar_row(scene: &mut Scene, row: i32, bar: &Bar, max: u64) {
    let room = WIDTH as i32 - PAD - CAPTION_W - BAR_X;
    label(scene, row, &bar.label, bar.marked);
    scene.rect(BAR_X, row + 10, room as u32, 28, TRACK);
    let len = bar_length(bar.value, max, room);
    let colour = if bar.marked { MARKED } else { BAR };
    scene.rect(BAR_X, row + 10, len, 28, colour);
    let x = BAR_X + len as i32 + 8;
    let (weight, ink) = if bar.marked {
        (Weight::Bold, MARKED)
    } else {
        (Weight::Regular, INK)
    };
    let room_text = (WIDTH as i32 - PAD - x) as f32;
    let caption = font::fit(&bar.caption, CAPTION_SIZE, weight, room_text);
    scene.text(
        x as f32,
        (row + 30) as f32,
        CAPTION_SIZE,
        weight,
        ink,
        caption,
    );
}

fn legend_band(scene: &mut Scene, legend: &[String; 2]) {
    let y = TITLE_H;
    let mut x = PAD;
    for (name, colour) in legend.iter().zip([BEFORE, AFTER]) {
        scene.rect(x, y + 6, 14, 14, colour);
        let text = font::fit(name, LEGEND_SIZE, Weight::Regular, 300.0);
        let w = font::width(&text, LEGEND_SIZE, Weight::Regular);
        scene.text(
            (x + 20) as f32,
            (y + 18) as f32,
            LEGEND_SIZE,
            Weight::Regular,
            MUTED,
            text,
        );
        x += 20 + w.ceil() as i32 + 24;
    }
}

fn pair_row(scene: &mut Scene, row: i32, pair: &Pair, max: u64) {
    let room = WIDTH as i32 - PAD - PAIR_CAPTION_W - VALUE_W - BAR_X;
    label(scene, row, &pair.label, false);
    for (value, colour, y) in [
        (pair.before, BEFORE, row + 5),
        (pair.after, AFTER, row + 25),
    ] {
        scene.rect(BAR_X, y, room as u32, 18, TRACK);
        let len = bar_length(value, max, room);
        scene.rect(BAR_X, y, len, 18, colour);
        scene.text(
            (BAR_X + len as i32 + 6) as f32,
            (y + 14) as f32,
            VALUE_SIZE,
            Weight::Regular,
            INK,
            value.to_string(),
        );
    }
    let caption = font::fit(
        &pair.caption,
        CAPTION_SIZE,
        Weight::Bold,
        PAIR_CAPTION_W as f32 - 8.0,
    );
    let w = font::width(&caption, CAPTION_SIZE, Weight::Bold);
    let right = (WIDTH as i32 - PAD) as f32;
    scene.text(
        (right - w).floor(),
        (row + 30) as f32,
        CAPTION_SIZE,
        Weight::Bold,
        INK,
        caption,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bars(values: &[(&str, u64, bool)]) -> Chart {
        let total = values.iter().map(|v| v.1).fold(0u64, u64::saturating_add);
        Chart {
            name: "split.png".into(),
            alt: "alt".into(),
            title: "Answers".into(),
            kind: ChartKind::Bars(
                values
                    .iter()
                    .map(|(l, v, m)| Bar {
                        label: l.to_string(),
                        value: *v,
                        caption: format!(
                            "{v} · {}%",
                            v.saturating_mul(100).checked_div(total).unwrap_or(0)
                        ),
                        marked: *m,
                    })
                    .collect(),
            ),
        }
    }

    fn rects(scene: &Scene, colour: Rgb) -> Vec<(i32, i32, u32)> {
        scene
            .shapes
            .iter()
            .filter_map(|s| match s {
                Shape::Rect {
                    x, y, w, colour: c, ..
                } if *c == colour => Some((*x, *y, *w)),
                _ => None,
            })
            .collect()
    }

    fn room() -> i32 {
        WIDTH as i32 - PAD - CAPTION_W - BAR_X
    }

    #[test]
    fn the_height_grows_with_the_rows() {
        assert_eq!(layout(&bars(&[("A", 1, true)])).height, 80 + 48);
        let ten: Vec<(String, u64, bool)> =
            (0..10).map(|i| (format!("m{i}"), 10 - i, i == 0)).collect();
        let ten: Vec<(&str, u64, bool)> =
            ten.iter().map(|(l, v, m)| (l.as_str(), *v, *m)).collect();
        let scene = layout(&bars(&ten));
        assert_eq!(scene.height, 80 + 10 * 48);
        assert_eq!(rects(&scene, TRACK).len(), 10);
        assert_eq!(rects(&scene, MARKED).len(), 1);
        assert_eq!(rects(&scene, BAR).len(), 9);
    }

    #[test]
    fn no_answers_draws_empty_tracks_and_zero_captions() {
        let scene = layout(&bars(&[("A", 0, true), ("B", 0, false)]));
        assert!(rects(&scene, MARKED).is_empty());
        assert!(rects(&scene, BAR).is_empty());
        assert_eq!(rects(&scene, TRACK).len(), 2);
        let texts = scene.texts();
        assert!(texts.contains(&"0 · 0%"), "{texts:?}");
        assert!(texts.contains(&"✓ A"), "{texts:?}");
    }

    #[test]
    fn one_bar_fills_the_track() {
        let scene = layout(&bars(&[("A", 7, false)]));
        assert_eq!(
            rects(&scene, BAR),
            vec![(BAR_X, TITLE_H + 10, room() as u32)]
        );
    }

    #[test]
    fn zero_and_full_shares_are_nothing_and_everything() {
        let scene = layout(&bars(&[("A", 12, true), ("B", 0, false), ("C", 0, false)]));
        assert_eq!(
            rects(&scene, MARKED),
            vec![(BAR_X, TITLE_H + 10, room() as u32)]
        );
        assert!(rects(&scene, BAR).is_empty());
        let texts = scene.texts();
        assert!(texts.contains(&"12 · 100%"), "{texts:?}");
        assert_eq!(texts.iter().filter(|t| **t == "0 · 0%").count(), 2);
    }

    #[test]
    fn a_tiny_share_still_shows() {
        assert_eq!(bar_length(1, 1000, 346), 2);
        assert_eq!(bar_length(0, 1000, 346), 0);
        assert_eq!(bar_length(500, 1000, 346), 173);
    }

    #[test]
    fn long_labels_are_cut_with_an_ellipsis_within_their_column() {
        let long = "Die Reproduzierbarkeit des Kunstwerks, die Aura und der Ausstellungswert";
        let scene = layout(&bars(&[(long, 3, false), (long, 1, true)]));
        for shape in &scene.shapes {
            if let Shape::Text {
                x,
                text,
                size,
                weight,
                ..
            } = shape
                && text.starts_with("Die") | text.starts_with('✓')
            {
                assert!(text.ends_with('…'), "{text}");
                assert!(x + font::width(text, *size, *weight) <= PAD as f32 + LABEL_W);
            }
        }
    }

    #[test]
    fn everything_stays_inside_the_picture() {
        let long = "x".repeat(300);
        let mut chart = bars(&[(&long, u64::MAX, true), ("b", 3, false)]);
        chart.title = long.clone();
        if let ChartKind::Bars(b) = &mut chart.kind {
            b[0].caption = long.clone();
        }
        let scene = layout(&chart);
        for shape in &scene.shapes {
            match shape {
                Shape::Rect { x, w, .. } => assert!(*x as u32 + w <= WIDTH - PAD as u32),
                Shape::Text {
                    x,
                    text,
                    size,
                    weight,
                    ..
                } => {
                    assert!(x + font::width(text, *size, *weight) <= (WIDTH as i32 - PAD) as f32)
                }
            }
        }
    }

    #[test]
    fn rows_beyond_the_limit_are_not_drawn() {
        let many: Vec<(&str, u64, bool)> = (0..40).map(|_| ("m", 1, false)).collect();
        assert_eq!(
            layout(&bars(&many)).height,
            (80 + MAX_ROWS as i32 * ROW_H) as u32
        );
    }

    #[test]
    fn pairs_have_a_legend_two_bars_a_row_and_the_caption_at_the_edge() {
        let chart = Chart {
            name: "shift.png".into(),
            alt: "alt".into(),
            title: "Votes".into(),
            kind: ChartKind::Pairs {
                legend: ["Opening".into(), "Closing".into()],
                rows: vec![
                    Pair {
                        label: "For".into(),
                        before: 4,
                        after: 9,
                        caption: "+5".into(),
                    },
                    Pair {
                        label: "Against".into(),
                        before: 6,
                        after: 0,
                        caption: "−6".into(),
                    },
                ],
            },
        };
        let scene = layout(&chart);
        assert_eq!(scene.height as i32, TITLE_H + LEGEND_H + 2 * ROW_H + PAD);
        let texts = scene.texts();
        for t in [
            "Votes", "Opening", "Closing", "For", "Against", "+5", "−6", "4", "9", "6", "0",
        ] {
            assert!(texts.contains(&t), "{t} in {texts:?}");
        }
        // The legend's swatches and the longest bar (9 of 9) in the closing colour.
        assert_eq!(rects(&scene, BEFORE).len(), 1 + 2);
        assert_eq!(rects(&scene, AFTER).len(), 1 + 1);
        let room = WIDTH as i32 - PAD - PAIR_CAPTION_W - VALUE_W - BAR_X;
        assert!(rects(&scene, AFTER).contains(&(BAR_X, TITLE_H + LEGEND_H + 25, room as u32)));
    }
}
