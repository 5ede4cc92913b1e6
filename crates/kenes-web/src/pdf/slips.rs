//! Credential slips: eight to an A4 page, each with a QR code of its voting link.

use super::html::Style;
use super::layout::{Op, break_lines, write};
use super::{MARGIN, PAGE_HEIGHT, PdfError, TEXT_WIDTH, blank_pages};

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
    let (fonts, mut pages) = blank_pages()?;
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
        for line in break_lines(&pages.measure, &help, width - 2.0 * pad, 7.5)? {
            y += 7.5 * 1.3;
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
