//! Layout: runs broken into lines by the fonts' advances, lines placed on A4 pages as drawing operations, and the
//! operations written out as PDF by krilla.

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::TextDirection;

use super::chart::{Chart, Shape};
use super::html::{Runs, Style};
use super::{BODY_SIZE, BOLD, FALLBACK, Fonts, MARGIN, PAGE_HEIGHT, PAGE_WIDTH, PdfError, REGULAR, TEXT_WIDTH};

/// One thing to draw, in page coordinates (y grows downwards, text at its baseline).
#[derive(Debug)]
pub(super) enum Op {
    Text {
        x: f32,
        y: f32,
        font: usize,
        size: f32,
        text: String,
        gray: u8,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        gray: u8,
    },
    /// A filled gray rectangle (a chart's bar).
    Rect {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        gray: u8,
    },
    /// A filled black square (a QR code's module).
    Square {
        x: f32,
        y: f32,
        side: f32,
    },
}

pub(super) struct Measure<'a> {
    faces: Vec<ttf_parser::Face<'a>>,
}

impl Measure<'_> {
    /// The font that draws `c` in this weight: the primary face, else the Hangul fallback.
    fn font_for(&self, c: char, bold: bool) -> Result<usize, PdfError> {
        let primary = if bold { BOLD } else { REGULAR };
        let fallback = FALLBACK + usize::from(bold);
        for font in [primary, fallback, FALLBACK] {
            if self.faces.get(font).is_some_and(|face| c.is_whitespace() || face.glyph_index(c).is_some()) {
                return Ok(font);
            }
        }
        Err(PdfError::MissingGlyph(c))
    }

    fn width(&self, text: &str, bold: bool, size: f32) -> Result<f32, PdfError> {
        let mut width = 0.0;
        for c in text.chars() {
            let face = &self.faces[self.font_for(c, bold)?];
            let glyph = face.glyph_index(c).or_else(|| face.glyph_index(' '));
            let advance = glyph.and_then(|g| face.glyph_hor_advance(g)).unwrap_or(0);
            width += f32::from(advance) * size / f32::from(face.units_per_em());
        }
        Ok(width)
    }
}

/// A laid-out line: pieces of text with their style and x offset.
type Line = Vec<(f32, String, Style)>;

/// Breaks runs into lines no wider than `width`: at spaces, or inside a word longer than a line.
pub(super) fn break_lines(measure: &Measure<'_>, runs: &Runs, width: f32, size: f32) -> Result<Vec<Line>, PdfError> {
    let mut lines = vec![Line::new()];
    let mut x = 0.0f32;
    for (text, style) in runs {
        for (i, part) in text.split('\n').enumerate() {
            if i > 0 {
                lines.push(Line::new());
                x = 0.0;
            }
            for word in part.split_inclusive(' ') {
                let w = measure.width(word, style.bold, size)?;
                if x + measure.width(word.trim_end(), style.bold, size)? > width && x > 0.0 {
                    lines.push(Line::new());
                    x = 0.0;
                    if word.trim().is_empty() {
                        continue;
                    }
                }
                if w > width {
                    // A word longer than the line (a hash, a long name): break it between characters.
                    let mut piece = String::new();
                    for c in word.chars() {
                        let cw = measure.width(&c.to_string(), style.bold, size)?;
                        if x + cw > width && x > 0.0 {
                            push_piece(&mut lines, &mut x, &mut piece, measure, *style, size)?;
                            lines.push(Line::new());
                            x = 0.0;
                        }
                        piece.push(c);
                        x += cw;
                    }
                    let start = x - measure.width(&piece, style.bold, size)?;
                    if let Some(line) = lines.last_mut() {
                        line.push((start, std::mem::take(&mut piece), *style));
                    }
                    continue;
                }
                if let Some(line) = lines.last_mut() {
                    line.push((x, word.to_owned(), *style));
                }
                x += w;
            }
        }
    }
    Ok(lines)
}

fn push_piece(
    lines: &mut [Line],
    x: &mut f32,
    piece: &mut String,
    measure: &Measure<'_>,
    style: Style,
    size: f32,
) -> Result<(), PdfError> {
    let start = *x - measure.width(piece, style.bold, size)?;
    if let Some(line) = lines.last_mut() {
        line.push((start, std::mem::take(piece), style));
    }
    Ok(())
}

pub(super) struct Pages<'a> {
    pub(super) measure: Measure<'a>,
    pub(super) pages: Vec<Vec<Op>>,
    /// Where the next line goes, from the page's top.
    pub(super) y: f32,
}

impl<'a> Pages<'a> {
    /// No pages yet, measuring with `faces` (the fonts' faces in [`Fonts::data`]'s order).
    pub(super) fn new(faces: Vec<ttf_parser::Face<'a>>) -> Self {
        Pages { measure: Measure { faces }, pages: Vec::new(), y: MARGIN }
    }

    pub(super) fn ensure(&mut self, height: f32) {
        if self.y + height > PAGE_HEIGHT - MARGIN && self.y > MARGIN {
            self.pages.push(Vec::new());
            self.y = MARGIN;
        }
    }

    pub(super) fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Draws one line's pieces at `x0`, baseline `y`, each in the fonts that have its characters.
    pub(super) fn draw_line(&mut self, line: &Line, x0: f32, y: f32, size: f32, gray: u8) -> Result<(), PdfError> {
        for (x, text, style) in line {
            let mut x = x0 + x;
            let mut segment = String::new();
            let mut font = None;
            let mut segments = Vec::new();
            for c in text.chars() {
                let f = self.measure.font_for(c, style.bold)?;
                if font.is_some_and(|current| current != f) {
                    segments.push((font.unwrap_or(REGULAR), std::mem::take(&mut segment)));
                }
                font = Some(f);
                segment.push(c);
            }
            segments.push((font.unwrap_or(REGULAR), segment));
            let start = x;
            for (font, text) in segments {
                let width = self.measure.width(&text, style.bold, size)?;
                if !text.trim().is_empty() {
                    let gray = if style.deleted { 110 } else { gray };
                    self.ops().push(Op::Text { x, y, font, size, text, gray });
                }
                x += width;
            }
            let end = start + self.measure.width(text.trim_end(), style.bold, size)?;
            if style.deleted {
                self.ops().push(Op::Line {
                    x1: start,
                    y1: y - size * 0.3,
                    x2: end,
                    y2: y - size * 0.3,
                    width: 0.7,
                    gray: 60,
                });
            }
            if style.inserted {
                self.ops().push(Op::Line { x1: start, y1: y + 1.5, x2: end, y2: y + 1.5, width: 0.7, gray: 0 });
            }
        }
        Ok(())
    }

    pub(super) fn paragraph(
        &mut self,
        runs: &Runs,
        indent: f32,
        size: f32,
        gray: u8,
        after: f32,
    ) -> Result<(), PdfError> {
        let lines = break_lines(&self.measure, runs, TEXT_WIDTH - indent, size)?;
        let height = size * 1.4;
        for line in &lines {
            self.ensure(height);
            self.y += height;
            let y = self.y - size * 0.35;
            self.draw_line(line, MARGIN + indent, y, size, gray)?;
        }
        self.y += after;
        Ok(())
    }

    pub(super) fn table(&mut self, rows: &[Vec<Runs>]) -> Result<(), PdfError> {
        let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
        if columns == 0 {
            return Ok(());
        }
        // Two columns: label and value; more: a first column for names and equal columns for numbers.
        let first = if columns == 2 { TEXT_WIDTH * 0.35 } else { TEXT_WIDTH * 0.3 };
        let rest = if columns > 1 { (TEXT_WIDTH - first) / (columns - 1) as f32 } else { 0.0 };
        let widths: Vec<f32> = (0..columns)
            .map(|i| {
                if i == 0 && columns > 1 {
                    first
                } else if columns == 1 {
                    TEXT_WIDTH
                } else {
                    rest
                }
            })
            .collect();
        let size = BODY_SIZE * 0.95;
        let pad = 3.0;
        let line_height = size * 1.35;
        for row in rows {
            let mut cells = Vec::new();
            for (i, runs) in row.iter().enumerate() {
                cells.push(break_lines(&self.measure, runs, widths[i] - 2.0 * pad, size)?);
            }
            let height = cells.iter().map(Vec::len).max().unwrap_or(1) as f32 * line_height + 2.0 * pad;
            self.ensure(height);
            let top = self.y;
            let mut x = MARGIN;
            for (i, lines) in cells.iter().enumerate() {
                for (k, line) in lines.iter().enumerate() {
                    let y = top + pad + (k + 1) as f32 * line_height - size * 0.35;
                    self.draw_line(line, x + pad, y, size, 0)?;
                }
                x += widths[i];
            }
            let bottom = top + height;
            self.ops().push(Op::Line { x1: MARGIN, y1: top, x2: MARGIN + TEXT_WIDTH, y2: top, width: 0.5, gray: 150 });
            self.ops().push(Op::Line {
                x1: MARGIN,
                y1: bottom,
                x2: MARGIN + TEXT_WIDTH,
                y2: bottom,
                width: 0.5,
                gray: 150,
            });
            let mut x = MARGIN;
            for width in widths.iter().take(columns) {
                self.ops().push(Op::Line { x1: x, y1: top, x2: x, y2: bottom, width: 0.5, gray: 150 });
                x += width;
            }
            self.ops().push(Op::Line { x1: x, y1: top, x2: x, y2: bottom, width: 0.5, gray: 150 });
            self.y = bottom;
        }
        self.y += 8.0;
        Ok(())
    }
}

/// How big a chart is drawn: its labels come out at the body text's size.
const CHART_SCALE: f32 = BODY_SIZE / crate::charts::FONT;

impl Pages<'_> {
    /// A chart, group by group: a page break may come between two groups (two stages of a count), never inside one.
    pub(super) fn chart(&mut self, chart: &Chart) -> Result<(), PdfError> {
        let scale = if chart.width * CHART_SCALE > TEXT_WIDTH { TEXT_WIDTH / chart.width } else { CHART_SCALE };
        let mut last_bottom = chart.groups.first().map_or(0.0, |group| group.top);
        self.y += 4.0;
        for group in &chart.groups {
            self.y += (group.top - last_bottom).max(0.0) * scale;
            self.ensure((group.bottom - group.top) * scale);
            let origin = self.y - group.top * scale;
            for shape in &group.shapes {
                self.shape(shape, origin, scale)?;
            }
            self.y = origin + group.bottom * scale;
            last_bottom = group.bottom;
        }
        self.y += 8.0;
        Ok(())
    }

    fn shape(&mut self, shape: &Shape, origin: f32, scale: f32) -> Result<(), PdfError> {
        let at = |x: f32, y: f32| (MARGIN + x * scale, origin + y * scale);
        match shape {
            Shape::Rect { x, y, width, height, opacity } => {
                if *width > 0.0 && *height > 0.0 {
                    let (x, y) = at(*x, *y);
                    // Black at this opacity over white paper.
                    let gray = (255.0 * (1.0 - opacity.clamp(0.0, 1.0))).round() as u8;
                    self.ops().push(Op::Rect { x, y, width: width * scale, height: height * scale, gray });
                }
            }
            Shape::Line { x1, y1, x2, y2, width, dashed } => {
                let (x1, y1) = at(*x1, *y1);
                let (x2, y2) = at(*x2, *y2);
                let width = width * scale;
                if *dashed {
                    // Dashes of 5 units with gaps of 3, as the SVG's `stroke-dasharray` draws them.
                    let length = ((x2 - x1).powi(2) + (y2 - y1).powi(2)).sqrt();
                    let (dash, gap) = (5.0 * scale, 3.0 * scale);
                    let mut from = 0.0;
                    while from < length {
                        let to = (from + dash).min(length);
                        let point = |t: f32| (x1 + (x2 - x1) * t / length, y1 + (y2 - y1) * t / length);
                        let ((ax, ay), (bx, by)) = (point(from), point(to));
                        self.ops().push(Op::Line { x1: ax, y1: ay, x2: bx, y2: by, width, gray: 0 });
                        from = to + gap;
                    }
                } else {
                    self.ops().push(Op::Line { x1, y1, x2, y2, width, gray: 0 });
                }
            }
            Shape::Text { x, y, size, bold, end, text } => {
                let size = size * scale;
                let style = Style { bold: *bold, ..Style::default() };
                let (mut x, y) = at(*x, *y);
                if *end {
                    x -= self.measure.width(text, *bold, size)?;
                }
                self.draw_line(&vec![(0.0, text.clone(), style)], x, y, size, 0)?;
            }
        }
        Ok(())
    }
}

pub(super) fn write(fonts: &Fonts, pages: Vec<Vec<Op>>, title: &str, lang: &str) -> Result<Vec<u8>, PdfError> {
    let mut document = Document::new();
    document
        .set_metadata(Metadata::new().title(title.to_owned()).language(lang.to_owned()).creator("kenes".to_owned()));
    let count = pages.len().max(1);
    let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).ok_or_else(|| PdfError::Write("page size".into()))?;
    for (number, ops) in pages.into_iter().enumerate() {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for op in ops {
            match op {
                Op::Text { x, y, font, size, text, gray } => {
                    surface.set_fill(Some(Fill { paint: rgb::Color::new(gray, gray, gray).into(), ..Fill::default() }));
                    surface.draw_text(
                        Point::from_xy(x, y),
                        fonts.krilla[font].clone(),
                        size,
                        &text,
                        false,
                        TextDirection::Auto,
                    );
                }
                Op::Rect { x, y, width, height, gray } => {
                    if let Some(rect) = krilla::geom::Rect::from_xywh(x, y, width, height) {
                        let mut path = PathBuilder::new();
                        path.push_rect(rect);
                        if let Some(path) = path.finish() {
                            surface.set_stroke(None);
                            surface.set_fill(Some(Fill {
                                paint: rgb::Color::new(gray, gray, gray).into(),
                                ..Fill::default()
                            }));
                            surface.draw_path(&path);
                        }
                    }
                }
                Op::Square { x, y, side } => {
                    if let Some(rect) = krilla::geom::Rect::from_xywh(x, y, side, side) {
                        let mut path = PathBuilder::new();
                        path.push_rect(rect);
                        if let Some(path) = path.finish() {
                            surface.set_stroke(None);
                            surface.set_fill(Some(Fill { paint: rgb::Color::new(0, 0, 0).into(), ..Fill::default() }));
                            surface.draw_path(&path);
                        }
                    }
                }
                Op::Line { x1, y1, x2, y2, width, gray } => {
                    let mut path = PathBuilder::new();
                    path.move_to(x1, y1);
                    path.line_to(x2, y2);
                    if let Some(path) = path.finish() {
                        surface.set_fill(None);
                        surface.set_stroke(Some(Stroke {
                            paint: rgb::Color::new(gray, gray, gray).into(),
                            width,
                            ..Stroke::default()
                        }));
                        surface.draw_path(&path);
                        surface.set_stroke(None);
                    }
                }
            }
        }
        let footer = format!("{} / {count}", number + 1);
        surface.set_fill(Some(Fill { paint: rgb::Color::new(90, 90, 90).into(), ..Fill::default() }));
        surface.draw_text(
            Point::from_xy(PAGE_WIDTH / 2.0 - 10.0, PAGE_HEIGHT - MARGIN / 2.0),
            fonts.krilla[REGULAR].clone(),
            8.0,
            &footer,
            false,
            TextDirection::Auto,
        );
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|e| PdfError::Write(format!("{e:?}")))
}
