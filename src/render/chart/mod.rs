//! Charts as pictures: a [`Chart`] (pure data, built by a feature) becomes a PNG, drawn in
//! process with the typeface built into the binary, so the same chart gives the same bytes on
//! every machine and in the container. [`layout`] decides where things go; [`png`] draws it.

pub mod font;
pub mod layout;

use tiny_skia::{Paint, Pixmap, Rect, Transform};

use crate::reply::Chart;
pub use layout::{Scene, Shape};

/// Why a chart could not be drawn (never expected: the sizes are fixed and small).
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("cannot make a {0}×{1} picture")]
    Size(u32, u32),
    #[error("cannot encode the PNG: {0}")]
    Encode(String),
}

/// A chart as PNG bytes.
pub fn png(chart: &Chart) -> Result<Vec<u8>, ChartError> {
    let scene = layout::layout(chart);
    let pixmap = raster(&scene)?;
    pixmap
        .encode_png()
        .map_err(|e| ChartError::Encode(e.to_string()))
}

/// The file name a chart is attached as: its own name when it is a plain `something.png`,
/// otherwise one made of its letters, digits, `-` and `_`.
pub fn file_name(chart: &Chart) -> String {
    let stem = chart.name.trim().trim_end_matches(".png");
    let stem: String = stem
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        .take(60)
        .collect();
    if stem.is_empty() {
        "chart.png".to_string()
    } else {
        format!("{stem}.png")
    }
}

/// Draws a scene on a white picture.
fn raster(scene: &Scene) -> Result<Pixmap, ChartError> {
    let mut pixmap = Pixmap::new(scene.width, scene.height)
        .ok_or(ChartError::Size(scene.width, scene.height))?;
    let [r, g, b] = layout::BACKGROUND;
    pixmap.fill(tiny_skia::Color::from_rgba8(r, g, b, 255));
    for shape in &scene.shapes {
        if let Shape::Rect { x, y, w, h, colour } = shape
            && let Some(rect) = Rect::from_xywh(*x as f32, *y as f32, *w as f32, *h as f32)
        {
            let mut paint = Paint::default();
            let [r, g, b] = *colour;
            paint.set_color_rgba8(r, g, b, 255);
            paint.anti_alias = false;
            pixmap.fill_rect(rect, &paint, Transform::identity(), None);
        }
    }
    let (width, height) = (pixmap.width(), pixmap.height());
    let mut canvas = font::Canvas {
        data: pixmap.data_mut(),
        width,
        height,
    };
    for shape in &scene.shapes {
        if let Shape::Text {
            x,
            y,
            size,
            weight,
            colour,
            text,
        } = shape
        {
            font::draw(&mut canvas, text, *x, *y, *size, *weight, *colour);
        }
    }
    Ok(pixmap)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reply::{Bar, ChartKind};

    fn split() -> Chart {
        Chart {
            name: "split.png".into(),
            alt: "Answers: A 3 (75%), B 1 (25%); correct: A".into(),
            title: "Question 1".into(),
            kind: ChartKind::Bars(vec![
                Bar {
                    label: "Aura".into(),
                    value: 3,
                    caption: "3 · 75%".into(),
                    marked: true,
                },
                Bar {
                    label: "Kultwert".into(),
                    value: 1,
                    caption: "1 · 25%".into(),
                    marked: false,
                },
            ]),
        }
    }

    #[test]
    fn a_chart_is_a_small_png_of_the_laid_out_size() {
        let bytes = png(&split()).expect("drawn");
        assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
        // IHDR: width and height, big-endian, at bytes 16..24.
        assert_eq!(
            u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]),
            800
        );
        assert_eq!(
            u32::from_be_bytes([bytes[20], bytes[21], bytes[22], bytes[23]]),
            80 + 2 * 48
        );
        assert!(bytes.len() < 100 * 1024, "{} bytes", bytes.len());
    }

    #[test]
    fn the_same_chart_gives_the_same_bytes() {
        assert_eq!(png(&split()).ok(), png(&split()).ok());
    }

    #[test]
    fn text_is_drawn_in_ink_and_the_marked_bar_in_its_colour() {
        let pixmap = raster(&layout::layout(&split())).expect("drawn");
        let colours: std::collections::HashSet<[u8; 3]> = pixmap
            .data()
            .chunks(4)
            .map(|p| [p[0], p[1], p[2]])
            .collect();
        assert!(colours.contains(&layout::MARKED));
        assert!(colours.contains(&layout::INK));
        assert!(colours.contains(&layout::BAR));
    }

    #[test]
    fn file_names_are_safe() {
        let mut c = split();
        assert_eq!(file_name(&c), "split.png");
        c.name = "../a b/é.png".into();
        assert_eq!(file_name(&c), "ab.png");
        c.name = "  ".into();
        assert_eq!(file_name(&c), "chart.png");
    }
}
