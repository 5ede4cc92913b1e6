//! Charts in the minutes' PDF: the very SVG the minutes' HTML carries (`charts.rs`), read back and drawn with
//! krilla's paths and text, so the PDF shows the same bars, lines and labels as the page, as vectors.
//!
//! Only kenes's own chart vocabulary is read: `<g>` groups of `<rect>`, `<line>` and `<text>` with absolute
//! coordinates and presentation attributes (`fill-opacity`, `stroke-dasharray`, `font-size`, `font-weight`,
//! `text-anchor`); `<title>` and `<style>` are for browsers and skipped. Anything else is ignored, and a missing or
//! unreadable number counts as 0, so a chart can come out wrong but never stop the minutes.

/// One thing a chart draws, in the chart's own units.
#[derive(Debug, PartialEq)]
pub(super) enum Shape {
    /// Filled with black at this opacity.
    Rect {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        opacity: f32,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        dashed: bool,
    },
    /// At its baseline; `end` anchors it by its right edge.
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        end: bool,
        text: String,
    },
}

/// Shapes a page break must not separate, with their vertical extent.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Group {
    pub(super) shapes: Vec<Shape>,
    pub(super) top: f32,
    pub(super) bottom: f32,
}

#[derive(Debug, PartialEq)]
pub(super) struct Chart {
    pub(super) width: f32,
    pub(super) groups: Vec<Group>,
}

/// The attributes of one start tag, `name="value"` pairs as kenes writes them.
fn attributes(tag: &str) -> Vec<(&str, String)> {
    let mut out = Vec::new();
    let mut rest = tag;
    while let Some(eq) = rest.find("=\"") {
        let name = rest[..eq].rsplit(' ').next().unwrap_or("").trim();
        let after = &rest[eq + 2..];
        let end = after.find('"').unwrap_or(after.len());
        out.push((name, super::html::decode(&after[..end])));
        rest = after.get(end + 1..).unwrap_or("");
    }
    out
}

/// The chart in `svg`, one `<svg>…</svg>` element of the minutes.
pub(super) fn parse(svg: &str) -> Chart {
    let mut chart = Chart { width: 0.0, groups: Vec::new() };
    let mut group: Option<Group> = None;
    let mut rest = svg;
    while let Some(start) = rest.find('<') {
        let tag_and_more = &rest[start + 1..];
        let end = tag_and_more.find('>').unwrap_or(tag_and_more.len());
        let tag = &tag_and_more[..end];
        rest = tag_and_more.get(end + 1..).unwrap_or("");
        let name = tag.split_whitespace().next().unwrap_or("").trim_end_matches('/');
        let attrs = attributes(tag);
        let get = |key: &str| attrs.iter().find(|(name, _)| *name == key).map(|(_, value)| value.as_str());
        let number = |key: &str| get(key).and_then(|v| v.parse::<f32>().ok()).filter(|v| v.is_finite()).unwrap_or(0.0);
        let shape = match name {
            "svg" => {
                chart.width = number("width");
                None
            }
            "g" => {
                chart.groups.extend(group.take());
                group = Some(Group::default());
                None
            }
            "/g" => {
                chart.groups.extend(group.take());
                None
            }
            "title" | "style" => {
                // Their text is for browsers; skip to the closing tag.
                let close = format!("</{name}>");
                rest = rest.find(&close).map_or("", |at| &rest[at + close.len()..]);
                None
            }
            "rect" => Some(Shape::Rect {
                x: number("x"),
                y: number("y"),
                width: number("width"),
                height: number("height"),
                opacity: get("fill-opacity").and_then(|v| v.parse().ok()).unwrap_or(1.0),
            }),
            "line" => Some(Shape::Line {
                x1: number("x1"),
                y1: number("y1"),
                x2: number("x2"),
                y2: number("y2"),
                width: number("stroke-width").max(0.5),
                dashed: get("stroke-dasharray").is_some(),
            }),
            "text" => {
                let close = rest.find("</text>").unwrap_or(rest.len());
                let text = super::html::decode(&rest[..close]);
                rest = rest.get(close + 7..).unwrap_or("");
                Some(Shape::Text {
                    x: number("x"),
                    y: number("y"),
                    size: number("font-size").max(1.0),
                    bold: get("font-weight") == Some("bold"),
                    end: get("text-anchor") == Some("end"),
                    text,
                })
            }
            _ => None,
        };
        if let Some(shape) = shape {
            let (top, bottom) = match &shape {
                Shape::Rect { y, height, .. } => (*y, y + height),
                Shape::Line { y1, y2, .. } => (y1.min(*y2), y1.max(*y2)),
                Shape::Text { y, size, .. } => (y - size, y + size * 0.3),
            };
            // A shape outside any group is a group of its own.
            let target = group.get_or_insert_with(Group::default);
            if target.shapes.is_empty() {
                target.top = top;
                target.bottom = bottom;
            }
            target.top = target.top.min(top);
            target.bottom = target.bottom.max(bottom);
            target.shapes.push(shape);
        }
    }
    chart.groups.extend(group.take());
    chart.groups.retain(|group| !group.shapes.is_empty());
    chart
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn the_charts_vocabulary_is_read_back_group_by_group() {
        let svg = "<svg class=\"chart\" width=\"400\" height=\"90\" viewBox=\"0 0 400 90\"><title id=\"t\">A &amp; B</title>\
            <style>svg.chart{}</style><g class=\"stage\"><text x=\"0\" y=\"14\" font-size=\"14\" fill=\"currentColor\" \
            font-weight=\"bold\">Ana &lt;3</text><rect class=\"bar\" x=\"0\" y=\"18\" width=\"200\" height=\"14\" \
            fill=\"currentColor\" fill-opacity=\"0.6\"/></g><g><line x1=\"300\" y1=\"40\" x2=\"300\" y2=\"80\" \
            stroke=\"currentColor\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/><text x=\"400\" y=\"60\" font-size=\"14\" \
            text-anchor=\"end\">7</text></g></svg>";
        let chart = parse(svg);
        assert_eq!(chart.width, 400.0);
        assert_eq!(chart.groups.len(), 2);
        assert_eq!(
            chart.groups[0].shapes,
            vec![
                Shape::Text { x: 0.0, y: 14.0, size: 14.0, bold: true, end: false, text: "Ana <3".into() },
                Shape::Rect { x: 0.0, y: 18.0, width: 200.0, height: 14.0, opacity: 0.6 },
            ]
        );
        assert_eq!((chart.groups[0].top, chart.groups[0].bottom), (0.0, 32.0));
        assert!(matches!(chart.groups[1].shapes[0], Shape::Line { dashed: true, x1: 300.0, .. }));
        assert!(matches!(&chart.groups[1].shapes[1], Shape::Text { end: true, text, .. } if text == "7"));
    }
}
