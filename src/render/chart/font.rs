//! The charts' typeface, DejaVu Sans (regular and bold), built into the binary so that
//! pictures render the same everywhere, with or without system fonts: measuring a line,
//! shortening it with an ellipsis to fit a width, and laying its glyphs onto a pixel buffer.
//! The fonts' licence is `assets/fonts/LICENSE-DejaVu.txt`.

use std::sync::OnceLock;

use ab_glyph::{Font, FontRef, PxScale, ScaleFont};

static REGULAR_TTF: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
static BOLD_TTF: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");

/// The two weights a chart uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

struct Fonts {
    regular: FontRef<'static>,
    bold: FontRef<'static>,
}

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| Fonts {
        // The files are part of the source tree; a test below proves they parse.
        regular: FontRef::try_from_slice(REGULAR_TTF).unwrap_or_else(|_| unreachable_font()),
        bold: FontRef::try_from_slice(BOLD_TTF).unwrap_or_else(|_| unreachable_font()),
    })
}

#[cold]
fn unreachable_font() -> FontRef<'static> {
    panic!("the built-in DejaVu font does not parse")
}

fn font(weight: Weight) -> &'static FontRef<'static> {
    match weight {
        Weight::Regular => &fonts().regular,
        Weight::Bold => &fonts().bold,
    }
}

/// What a line keeps of a label: printable characters, line breaks and tabs as spaces.
fn printable(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|c| !c.is_control())
}

/// The width of `text` in pixels at `size`, kerning included.
pub fn width(text: &str, size: f32, weight: Weight) -> f32 {
    let f = font(weight).as_scaled(PxScale::from(size));
    let mut w = 0.0;
    let mut last = None;
    for c in printable(text) {
        let id = f.glyph_id(c);
        if let Some(prev) = last {
            w += f.kern(prev, id);
        }
        w += f.h_advance(id);
        last = Some(id);
    }
    w
}

/// `text` on one line, cut with an ellipsis so that it is at most `max` pixels wide.
pub fn fit(text: &str, size: f32, weight: Weight, max: f32) -> String {
    let text: String = printable(text).collect::<String>().trim().to_string();
    if width(&text, size, weight) <= max {
        return text;
    }
    let mut kept: Vec<char> = text.chars().collect();
    while !kept.is_empty() {
        kept.pop();
        let candidate = format!("{}…", kept.iter().collect::<String>().trim_end());
        if width(&candidate, size, weight) <= max {
            return candidate;
        }
    }
    if width("…", size, weight) <= max {
        "…".to_string()
    } else {
        String::new()
    }
}

/// An RGB colour.
pub type Rgb = [u8; 3];

/// An opaque RGBA canvas, row by row (tiny-skia's pixmap data for an opaque picture).
pub struct Canvas<'a> {
    pub data: &'a mut [u8],
    pub width: u32,
    pub height: u32,
}

impl Canvas<'_> {
    fn blend(&mut self, x: i32, y: i32, colour: Rgb, coverage: f32) {
        if x < 0 || y < 0 || x as u32 >= self.width || y as u32 >= self.height {
            return;
        }
        let a = coverage.clamp(0.0, 1.0);
        let i = (y as usize * self.width as usize + x as usize) * 4;
        for (k, c) in colour.iter().enumerate() {
            let dst = f32::from(self.data[i + k]);
            self.data[i + k] = (f32::from(*c) * a + dst * (1.0 - a)).round() as u8;
        }
        self.data[i + 3] = 255;
    }
}

/// Draws `text` with its baseline at `(x, y)`.
pub fn draw(
    canvas: &mut Canvas<'_>,
    text: &str,
    x: f32,
    y: f32,
    size: f32,
    weight: Weight,
    colour: Rgb,
) {
    let font = font(weight);
    let f = font.as_scaled(PxScale::from(size));
    let mut pen = x;
    let mut last = None;
    for c in printable(text) {
        let id = f.glyph_id(c);
        if let Some(prev) = last {
            pen += f.kern(prev, id);
        }
        let glyph = id.with_scale_and_position(PxScale::from(size), ab_glyph::point(pen, y));
        pen += f.h_advance(id);
        last = Some(id);
        if let Some(outline) = font.outline_glyph(glyph) {
            let bounds = outline.px_bounds();
            let (left, top) = (bounds.min.x as i32, bounds.min.y as i32);
            outline.draw(|gx, gy, coverage| {
                canvas.blend(left + gx as i32, top + gy as i32, colour, coverage);
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_fonts_parse_and_have_the_marks_charts_use() {
        for weight in [Weight::Regular, Weight::Bold] {
            let f = font(weight);
            for c in ['✓', '…', 'é', 'ü', '·', '%', '−', '→'] {
                assert_ne!(f.glyph_id(c).0, 0, "{c} missing in {weight:?}");
            }
        }
    }

    #[test]
    fn a_short_label_is_kept_and_a_long_one_ends_in_an_ellipsis() {
        assert_eq!(fit("Aura", 16.0, Weight::Regular, 200.0), "Aura");
        let long = "Reproduzierbarkeit des Kunstwerks im Zeitalter seiner technischen";
        let cut = fit(long, 16.0, Weight::Regular, 200.0);
        assert!(cut.ends_with('…'), "{cut}");
        assert!(width(&cut, 16.0, Weight::Regular) <= 200.0);
        assert!(cut.chars().count() > 5);
        assert_eq!(fit(long, 16.0, Weight::Regular, 2.0), "");
    }

    #[test]
    fn line_breaks_and_control_characters_do_not_reach_the_picture() {
        assert_eq!(fit("a\nb\u{7}c", 16.0, Weight::Regular, 500.0), "a bc");
    }

    #[test]
    fn bold_is_wider_than_regular() {
        assert!(width("Benjamin", 16.0, Weight::Bold) > width("Benjamin", 16.0, Weight::Regular));
    }
}
