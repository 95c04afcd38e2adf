//! Small pieces of HTML/SVG markup built as text, for long uniform lists (map outlines,
//! county links) where one `inner_html` is much lighter than thousands of view nodes.

/// Escape text for an HTML attribute value or text node.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// One filled SVG outline with a data attribute naming what it is (`data-state="TX"`).
pub fn svg_path(d: &str, fill: &str, data_key: &str, data_value: &str) -> String {
    format!(r#"<path d="{}" fill="{}" data-{}="{}"></path>"#, escape(d), escape(fill), data_key, escape(data_value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_characters() {
        assert_eq!(escape(r#"Prince George's <"A&B">"#), "Prince George&#39;s &lt;&quot;A&amp;B&quot;&gt;");
    }

    #[test]
    fn paths_carry_their_data_attribute() {
        assert_eq!(svg_path("m1 2z", "#fff", "state", "TX"), r##"<path d="m1 2z" fill="#fff" data-state="TX"></path>"##);
    }
}
