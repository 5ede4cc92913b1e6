//! The minutes as PDF: the minutes' HTML (the one source of their content) laid out on A4 pages.
//!
//! The HTML is kenes's own (`minutes::minutes_html`): a small, fixed vocabulary of headings, paragraphs, lists,
//! tables and inline `strong`/`del`/`ins`, with every piece of member text escaped. So it is read by a tokenizer
//! for exactly that output, not by a general HTML parser, and laid out by a greedy line breaker. Text is drawn with
//! krilla (shaping, font subsetting); widths come from the fonts' own advances (ttf-parser).
//!
//! Fonts are the system's: DejaVu Sans covers Latin and Cyrillic (Kazakh letters included), Nanum Gothic covers
//! Hangul. Each run of text is drawn in the first font that has its characters. A character no font has is an
//! error that names the Debian package to install, never a silent blank box.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{Font, TextDirection};
use thiserror::Error;

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum PdfError {
    #[error("no font on this machine has the character {0:?}; install fonts-dejavu-core and fonts-nanum")]
    MissingGlyph(char),
    #[error("the PDF fonts are missing ({0}); install the Debian packages fonts-dejavu-core and fonts-nanum")]
    NoFonts(String),
    #[error("the PDF could not be written: {0}")]
    Write(String),
}

const PAGE_WIDTH: f32 = 595.0;
const PAGE_HEIGHT: f32 = 842.0;
const MARGIN: f32 = 56.0;
const TEXT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
const BODY_SIZE: f32 = 10.5;

/// Regular and bold faces, each with its Hangul fallback: indices into [`Fonts::data`].
const REGULAR: usize = 0;
const BOLD: usize = 1;
const FALLBACK: usize = 2;

struct Fonts {
    /// DejaVu Sans, DejaVu Sans Bold, Nanum Gothic, Nanum Gothic Bold (the last two may be absent).
    data: Vec<Arc<Vec<u8>>>,
    krilla: Vec<Font>,
}

/// Where the fonts are looked for: `KENES_FONT_DIR` first, then Debian's locations.
fn font_path(file: &str) -> Option<PathBuf> {
    let dirs = [
        std::env::var_os("KENES_FONT_DIR").map(PathBuf::from),
        Some(PathBuf::from("/usr/share/fonts/truetype/dejavu")),
        Some(PathBuf::from("/usr/share/fonts/truetype/nanum")),
    ];
    dirs.into_iter().flatten().map(|dir| dir.join(file)).find(|path| Path::exists(path))
}

fn load_fonts() -> Result<Fonts, PdfError> {
    let mut data = Vec::new();
    let mut krilla = Vec::new();
    for (file, required) in [
        ("DejaVuSans.ttf", true),
        ("DejaVuSans-Bold.ttf", true),
        ("NanumGothic.ttf", false),
        ("NanumGothicBold.ttf", false),
    ] {
        let Some(path) = font_path(file) else {
            if required {
                return Err(PdfError::NoFonts(file.to_owned()));
            }
            break;
        };
        let bytes = Arc::new(std::fs::read(&path).map_err(|e| PdfError::NoFonts(format!("{}: {e}", path.display())))?);
        ttf_parser::Face::parse(&bytes, 0).map_err(|e| PdfError::NoFonts(format!("{}: {e}", path.display())))?;
        let font = Font::new(bytes.clone().into(), 0).ok_or_else(|| PdfError::NoFonts(path.display().to_string()))?;
        data.push(bytes);
        krilla.push(font);
    }
    Ok(Fonts { data, krilla })
}

fn fonts() -> Result<&'static Fonts, PdfError> {
    static FONTS: OnceLock<Result<Fonts, PdfError>> = OnceLock::new();
    FONTS.get_or_init(load_fonts).as_ref().map_err(Clone::clone)
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the minutes' HTML

#[derive(Debug, PartialEq)]
enum Token {
    Open(String),
    Close(String),
    Text(String),
}

/// Tokens of the `<body>` of kenes's minutes; attributes are dropped, entities decoded.
fn tokens(html: &str) -> Vec<Token> {
    let body = html.find("<body>").map_or(html, |start| &html[start..]);
    let mut out = Vec::new();
    let mut rest = body;
    while !rest.is_empty() {
        if let Some(tag) = rest.strip_prefix('<') {
            let end = tag.find('>').unwrap_or(tag.len());
            let inside = &tag[..end];
            rest = tag.get(end + 1..).unwrap_or("");
            let (closing, inside) = match inside.strip_prefix('/') {
                Some(name) => (true, name),
                None => (false, inside),
            };
            let name = inside.split([' ', '/']).next().unwrap_or("").to_ascii_lowercase();
            out.push(if closing { Token::Close(name) } else { Token::Open(name) });
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            out.push(Token::Text(decode(&rest[..end])));
            rest = &rest[end..];
        }
    }
    out
}

fn decode(text: &str) -> String {
    text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Style {
    bold: bool,
    deleted: bool,
    inserted: bool,
}

type Runs = Vec<(String, Style)>;

#[derive(Debug)]
enum Block {
    Heading(u8, Runs),
    Paragraph { runs: Runs, indent: f32, muted: bool },
    Table(Vec<Vec<Runs>>),
}

/// The blocks of the minutes, in order.
fn blocks(html: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut runs: Runs = Vec::new();
    let mut style = Style::default();
    let mut lists: Vec<Option<u32>> = Vec::new();
    let mut table: Option<Vec<Vec<Runs>>> = None;
    let mut heading = 0u8;
    let mut muted = false;
    let flush = |runs: &mut Runs, blocks: &mut Vec<Block>, heading: u8, lists: &[Option<u32>], muted: bool| {
        if runs.iter().all(|(t, _)| t.trim().is_empty()) {
            runs.clear();
            return;
        }
        let taken = std::mem::take(runs);
        blocks.push(if heading > 0 {
            Block::Heading(heading, taken)
        } else {
            Block::Paragraph { runs: taken, indent: lists.len() as f32 * 16.0, muted }
        });
    };
    let mut skipping = 0usize;
    for token in tokens(html) {
        match token {
            Token::Open(name) if name == "style" || name == "title" => skipping += 1,
            Token::Close(name) if name == "style" || name == "title" => skipping = skipping.saturating_sub(1),
            _ if skipping > 0 => {}
            Token::Text(text) => {
                let text = text.replace('\n', " ");
                if !text.is_empty() {
                    runs.push((text, style));
                }
            }
            Token::Open(name) => match name.as_str() {
                "h1" | "h2" | "h3" | "h4" => {
                    flush(&mut runs, &mut blocks, heading, &lists, muted);
                    heading = name.as_bytes()[1] - b'0';
                }
                "p" | "div" | "caption" => flush(&mut runs, &mut blocks, heading, &lists, muted),
                "footer" => {
                    flush(&mut runs, &mut blocks, heading, &lists, muted);
                    muted = true;
                }
                "ul" => lists.push(None),
                "ol" => lists.push(Some(0)),
                "li" => {
                    flush(&mut runs, &mut blocks, heading, &lists, muted);
                    let marker = match lists.last_mut() {
                        Some(Some(n)) => {
                            *n += 1;
                            format!("{n}. ")
                        }
                        _ => "• ".to_owned(),
                    };
                    runs.push((marker, Style::default()));
                }
                "table" => {
                    flush(&mut runs, &mut blocks, heading, &lists, muted);
                    table = Some(Vec::new());
                }
                "tr" => {
                    if let Some(rows) = &mut table {
                        rows.push(Vec::new());
                    }
                }
                "th" | "td" => {
                    runs.clear();
                    style.bold = name == "th";
                }
                "strong" => style.bold = true,
                "del" => style.deleted = true,
                "ins" => style.inserted = true,
                "br" => runs.push(("\n".to_owned(), style)),
                _ => {}
            },
            Token::Close(name) => match name.as_str() {
                "h1" | "h2" | "h3" | "h4" => {
                    flush(&mut runs, &mut blocks, heading, &lists, muted);
                    heading = 0;
                }
                "p" | "div" | "li" | "caption" | "section" if table.is_none() || name == "caption" => {
                    flush(&mut runs, &mut blocks, heading, &lists, muted);
                }
                "footer" => muted = false,
                "ul" | "ol" => {
                    flush(&mut runs, &mut blocks, heading, &lists, muted);
                    lists.pop();
                }
                "th" | "td" => {
                    style.bold = false;
                    if let Some(row) = table.as_mut().and_then(|rows| rows.last_mut()) {
                        row.push(std::mem::take(&mut runs));
                    }
                }
                "table" => {
                    if let Some(rows) = table.take() {
                        blocks.push(Block::Table(rows));
                    }
                }
                "strong" => style.bold = false,
                "del" => style.deleted = false,
                "ins" => style.inserted = false,
                _ => {}
            },
        }
    }
    flush(&mut runs, &mut blocks, heading, &lists, muted);
    blocks
}

// ---------------------------------------------------------------------------------------------------------------
// Layout

/// One thing to draw, in page coordinates (y grows downwards, text at its baseline).
#[derive(Debug)]
enum Op {
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
    /// A filled black square (a QR code's module).
    Square {
        x: f32,
        y: f32,
        side: f32,
    },
}

struct Measure<'a> {
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
fn break_lines(measure: &Measure<'_>, runs: &Runs, width: f32, size: f32) -> Result<Vec<Line>, PdfError> {
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

struct Pages<'a> {
    measure: Measure<'a>,
    pages: Vec<Vec<Op>>,
    y: f32,
}

impl Pages<'_> {
    fn ensure(&mut self, height: f32) {
        if self.y + height > PAGE_HEIGHT - MARGIN && self.y > MARGIN {
            self.pages.push(Vec::new());
            self.y = MARGIN;
        }
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Draws one line's pieces at `x0`, baseline `y`, each in the fonts that have its characters.
    fn draw_line(&mut self, line: &Line, x0: f32, y: f32, size: f32, gray: u8) -> Result<(), PdfError> {
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

    fn paragraph(&mut self, runs: &Runs, indent: f32, size: f32, gray: u8, after: f32) -> Result<(), PdfError> {
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

    fn table(&mut self, rows: &[Vec<Runs>]) -> Result<(), PdfError> {
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

/// The minutes' HTML as a PDF document of A4 pages, numbered "n / N".
pub fn html_to_pdf(html: &str, title: &str, lang: &str) -> Result<Vec<u8>, PdfError> {
    let fonts = fonts()?;
    let faces = fonts
        .data
        .iter()
        .map(|data| ttf_parser::Face::parse(data, 0).map_err(|e| PdfError::NoFonts(e.to_string())))
        .collect::<Result<Vec<_>, _>>()?;
    let mut pages = Pages { measure: Measure { faces }, pages: Vec::new(), y: MARGIN };
    for block in blocks(html) {
        match block {
            Block::Heading(level, runs) => {
                let size = match level {
                    1 => 18.0,
                    2 => 14.0,
                    3 => 12.0,
                    _ => 11.0,
                };
                let runs: Runs = runs.into_iter().map(|(t, s)| (t, Style { bold: true, ..s })).collect();
                pages.y += size * 0.6;
                // Keep a heading with at least two lines of what follows.
                pages.ensure(size * 1.4 + BODY_SIZE * 3.0);
                pages.paragraph(&runs, 0.0, size, 0, 2.0)?;
                if level <= 2 {
                    let y = pages.y;
                    pages.ops().push(Op::Line {
                        x1: MARGIN,
                        y1: y,
                        x2: MARGIN + TEXT_WIDTH,
                        y2: y,
                        width: 0.6,
                        gray: 150,
                    });
                    pages.y += 4.0;
                }
            }
            Block::Paragraph { runs, indent, muted } => {
                pages.paragraph(&runs, indent, BODY_SIZE, if muted { 70 } else { 0 }, 3.0)?
            }
            Block::Table(rows) => pages.table(&rows)?,
        }
    }
    write(fonts, pages.pages, title, lang)
}

fn write(fonts: &Fonts, pages: Vec<Vec<Op>>, title: &str, lang: &str) -> Result<Vec<u8>, PdfError> {
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

// ---------------------------------------------------------------------------------------------------------------
// Credential slips

/// One voter's slip: an anonymous label, the secret credential, and the voting link that carries it (in the URL's
/// fragment, which browsers never send to a server).
pub struct Slip {
    pub label: String,
    pub credential: String,
    pub url: String,
}

const SLIP_COLUMNS: usize = 2;
const SLIP_ROWS: usize = 4;
const QR_SIDE: f32 = 100.0;

/// Slips to print, cut and hand out at the door: eight to an A4 page, each with the election's title, its label, the
/// credential in large type, a QR code of the voting link, and the instructions; light lines to cut along.
pub fn credential_slips(title: &str, instructions: &str, slips: &[Slip], lang: &str) -> Result<Vec<u8>, PdfError> {
    let fonts = fonts()?;
    let faces = fonts
        .data
        .iter()
        .map(|data| ttf_parser::Face::parse(data, 0).map_err(|e| PdfError::NoFonts(e.to_string())))
        .collect::<Result<Vec<_>, _>>()?;
    let mut pages = Pages { measure: Measure { faces }, pages: Vec::new(), y: MARGIN };
    let width = TEXT_WIDTH / SLIP_COLUMNS as f32;
    let height = (PAGE_HEIGHT - 2.0 * MARGIN) / SLIP_ROWS as f32;
    let pad = 10.0;
    for (index, slip) in slips.iter().enumerate() {
        let place = index % (SLIP_COLUMNS * SLIP_ROWS);
        if place == 0 {
            pages.pages.push(Vec::new());
            // Cut lines: the grid's inner and outer edges.
            for row in 0..=SLIP_ROWS {
                let y = MARGIN + row as f32 * height;
                pages.ops().push(Op::Line { x1: MARGIN, y1: y, x2: MARGIN + TEXT_WIDTH, y2: y, width: 0.4, gray: 170 });
            }
            for column in 0..=SLIP_COLUMNS {
                let x = MARGIN + column as f32 * width;
                let bottom = MARGIN + SLIP_ROWS as f32 * height;
                pages.ops().push(Op::Line { x1: x, y1: MARGIN, x2: x, y2: bottom, width: 0.4, gray: 170 });
            }
        }
        let left = MARGIN + (place % SLIP_COLUMNS) as f32 * width + pad;
        let top = MARGIN + (place / SLIP_COLUMNS) as f32 * height + pad;
        let text_width = width - 2.0 * pad - QR_SIDE - 6.0;
        let mut y = top;
        let bold = Style { bold: true, ..Style::default() };
        for (runs, size, gray) in
            [(vec![(title.to_owned(), bold)], 10.0, 0), (vec![(slip.label.clone(), Style::default())], 8.5, 80)]
        {
            for line in break_lines(&pages.measure, &runs, text_width, size)? {
                y += size * 1.35;
                pages.draw_line(&line, left, y, size, gray)?;
            }
        }
        // The credential, large, on a line of its own below the QR code.
        y = y.max(top + QR_SIDE) + 17.0;
        let credential = vec![(slip.credential.clone(), bold)];
        for line in break_lines(&pages.measure, &credential, width - 2.0 * pad, 15.0)? {
            pages.draw_line(&line, left, y, 15.0, 0)?;
            y += 18.0;
        }
        y -= 10.0;
        let help = vec![(instructions.to_owned(), Style::default())];
        for line in break_lines(&pages.measure, &help, width - 2.0 * pad, 7.0)? {
            y += 7.0 * 1.3;
            if y > top + height - pad {
                break;
            }
            pages.draw_line(&line, left, y, 7.5, 60)?;
        }
        let code = qrcode::QrCode::with_error_correction_level(slip.url.as_bytes(), qrcode::EcLevel::L)
            .map_err(|e| PdfError::Write(format!("QR code of slip {}: {e}", index + 1)))?;
        let modules = code.width();
        // Four modules of quiet zone on every side, inside the square.
        let side = QR_SIDE / (modules + 8) as f32;
        let qr_left = left + width - 2.0 * pad - QR_SIDE + 4.0 * side;
        let qr_top = top + 4.0 * side;
        for (i, color) in code.to_colors().into_iter().enumerate() {
            if color == qrcode::Color::Dark {
                let (row, column) = (i / modules, i % modules);
                pages.ops().push(Op::Square {
                    x: qr_left + column as f32 * side,
                    y: qr_top + row as f32 * side,
                    side: side + 0.01,
                });
            }
        }
    }
    write(fonts, pages.pages, title, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_minutes_vocabulary_becomes_blocks() {
        let html = "<html><head><title>x</title><style>p{}</style></head><body><h1>Minutes: A &amp; B</h1>\
            <table><tbody><tr><th scope=\"row\">Place</th><td>Hall</td></tr></tbody></table>\
            <ol class=\"lines\"><li>one</li><li>two</li></ol><p>Moved by <strong>Ana</strong>.</p>\
            <div><del>old</del><br><ins>new</ins><br></div></body></html>";
        let blocks = blocks(html);
        assert!(matches!(&blocks[0], Block::Heading(1, runs) if runs[0].0 == "Minutes: A & B"));
        assert!(matches!(&blocks[1], Block::Table(rows) if rows[0].len() == 2 && rows[0][1][0].0 == "Hall"));
        assert!(matches!(&blocks[2], Block::Paragraph { runs, .. } if runs[0].0 == "1. " && runs[1].0 == "one"));
        assert!(matches!(&blocks[3], Block::Paragraph { runs, .. } if runs[0].0 == "2. "));
        assert!(matches!(&blocks[4], Block::Paragraph { runs, .. } if runs[1].1.bold && !runs[2].1.bold));
        assert!(matches!(&blocks[5], Block::Paragraph { runs, .. } if runs[0].1.deleted && runs[2].1.inserted));
    }
}
