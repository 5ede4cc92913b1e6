//! Reading the minutes' HTML: kenes's own output, a fixed vocabulary of tags, into blocks of styled runs.

#[derive(Debug, PartialEq)]
enum Token {
    Open(String),
    Close(String),
    Text(String),
    /// A chart: the whole `<svg>…</svg>`, attributes and all, for `chart.rs`.
    Svg(String),
}

/// Tokens of the `<body>` of kenes's minutes; attributes are dropped, entities decoded, and a chart kept whole.
fn tokens(html: &str) -> Vec<Token> {
    let body = html.find("<body>").map_or(html, |start| &html[start..]);
    let mut out = Vec::new();
    let mut rest = body;
    while !rest.is_empty() {
        if rest.starts_with("<svg") {
            let end = rest.find("</svg>").map_or(rest.len(), |at| at + "</svg>".len());
            out.push(Token::Svg(rest[..end].to_owned()));
            rest = &rest[end..];
        } else if let Some(tag) = rest.strip_prefix('<') {
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

pub(super) fn decode(text: &str) -> String {
    text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct Style {
    pub(super) bold: bool,
    pub(super) deleted: bool,
    pub(super) inserted: bool,
}

pub(super) type Runs = Vec<(String, Style)>;

#[derive(Debug)]
pub(super) enum Block {
    Heading(u8, Runs),
    Paragraph { runs: Runs, indent: f32, muted: bool },
    Table(Vec<Vec<Runs>>),
    Chart(super::chart::Chart),
}

/// The blocks of the minutes, in order.
pub(super) fn blocks(html: &str) -> Vec<Block> {
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
            Token::Svg(svg) => {
                flush(&mut runs, &mut blocks, heading, &lists, muted);
                blocks.push(Block::Chart(super::chart::parse(&svg)));
            }
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
