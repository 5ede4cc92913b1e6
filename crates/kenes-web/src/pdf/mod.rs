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
//!
//! `html.rs` reads the minutes' HTML into blocks (`chart.rs` its SVG charts), `layout.rs` breaks them into lines and pages of drawing operations
//! and writes the PDF, `slips.rs` lays out the credential slips; this file holds the fonts and the minutes' entry point.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use krilla::text::Font;
use thiserror::Error;

use html::{Block, Runs, Style, blocks};
use layout::{Op, Pages, write};

mod chart;
mod html;
mod layout;
mod slips;

pub use slips::{Slip, credential_slips};

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

/// The system's fonts, and no pages yet, measured with them.
fn blank_pages() -> Result<(&'static Fonts, Pages<'static>), PdfError> {
    let fonts = fonts()?;
    let faces = fonts
        .data
        .iter()
        .map(|data| ttf_parser::Face::parse(data, 0).map_err(|e| PdfError::NoFonts(e.to_string())))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((fonts, Pages::new(faces)))
}

/// The minutes' HTML as a PDF document of A4 pages, numbered "n / N".
pub fn html_to_pdf(html: &str, title: &str, lang: &str) -> Result<Vec<u8>, PdfError> {
    let (fonts, mut pages) = blank_pages()?;
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
            Block::Chart(chart) => pages.chart(&chart)?,
        }
    }
    write(fonts, pages.pages, title, lang)
}
