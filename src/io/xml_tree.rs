//! A small element tree with attributes, for the XML formats that keep their data in
//! attributes (GanttProject, GNOME Planner). Bounded depth; entities other than XML's own are
//! refused, never expanded; errors are placed at a line and column.

use quick_xml::events::{BytesStart, Event};

use super::mspdi::ImportError;

/// One element.
#[derive(Debug, Default)]
pub struct Node {
    pub name: String,
    attributes: Vec<(String, String)>,
    /// Text and CDATA directly inside, trimmed.
    pub text: String,
    pub children: Vec<Node>,
}

impl Node {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn int(&self, name: &str) -> Option<i64> {
        self.attr(name).and_then(|v| v.trim().parse().ok())
    }

    pub fn float(&self, name: &str) -> Option<f64> {
        self.attr(name)
            .and_then(|v| v.trim().parse::<f64>().ok())
            .filter(|v| v.is_finite())
    }

    pub fn child(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.name == name)
    }

    pub fn all<'s>(&'s self, name: &'s str) -> impl Iterator<Item = &'s Node> + 's {
        self.children.iter().filter(move |c| c.name == name)
    }
}

const MAX_DEPTH: usize = 64;

/// Reads `text` as a `<project>` document that `is_format` recognises; `refusal` says
/// what is missing when it does not.
pub fn read_project(
    text: &str,
    file: &str,
    is_format: fn(&Node) -> bool,
    refusal: &str,
) -> Result<Node, ImportError> {
    let root = read(text, file)?;
    if root.name != "project" || !is_format(&root) {
        return Err(ImportError {
            file: file.to_owned(),
            line: 1,
            column: 1,
            message: refusal.to_owned(),
        });
    }
    Ok(root)
}

/// The project's name: its `name` attribute, else the file's stem.
pub fn project_name<'a>(root: &'a Node, file: &'a str) -> &'a str {
    let stem = std::path::Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(file);
    root.attr("name")
        .filter(|n| !n.trim().is_empty())
        .unwrap_or(stem)
}

fn located(text: &str, offset: u64, file: &str, message: String) -> ImportError {
    let (line, column) = super::locate::line_column(text, offset as usize);
    ImportError {
        file: file.to_owned(),
        line,
        column,
        message,
    }
}

fn node(start: &BytesStart<'_>, text: &str, offset: u64, file: &str) -> Result<Node, ImportError> {
    let mut attributes = Vec::new();
    for attribute in start.attributes() {
        let attribute =
            attribute.map_err(|e| located(text, offset, file, format!("bad attribute: {e}")))?;
        let value = attribute
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|e| located(text, offset, file, format!("bad attribute value: {e}")))?;
        attributes.push((
            attribute.key.local_name().as_ref().to_owned(),
            value.into_owned(),
        ));
    }
    Ok(Node {
        name: start.local_name().as_ref().to_owned(),
        attributes,
        ..Node::default()
    })
}

/// The root element of `text`; `file` names it in errors.
pub fn read(text: &str, file: &str) -> Result<Node, ImportError> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut stack: Vec<Node> = vec![Node::default()];
    loop {
        let offset = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|e| located(text, offset, file, format!("not well-formed XML: {e}")))?;
        match event {
            Event::Start(_) if stack.len() > MAX_DEPTH => {
                let message = format!("elements nested deeper than {MAX_DEPTH} levels");
                return Err(located(text, offset, file, message));
            }
            Event::Start(start) => stack.push(node(&start, text, offset, file)?),
            Event::Empty(start) => {
                let n = node(&start, text, offset, file)?;
                if let Some(parent) = stack.last_mut() {
                    parent.children.push(n);
                }
            }
            Event::End(_) => {
                if stack.len() > 1
                    && let Some(mut done) = stack.pop()
                    && let Some(parent) = stack.last_mut()
                {
                    let end = done.text.trim_end().len();
                    done.text.truncate(end);
                    let start = done.text.len() - done.text.trim_start().len();
                    done.text.drain(..start);
                    parent.children.push(done);
                }
            }
            Event::Text(t) => {
                if let Some(n) = stack.last_mut() {
                    n.text.push_str(&t.xml10_content());
                }
            }
            Event::CData(t) => {
                if let Some(n) = stack.last_mut() {
                    n.text.push_str(&t.into_inner());
                }
            }
            Event::GeneralRef(r) => {
                let Some(n) = stack.last_mut() else { continue };
                match super::mspdi::xml_entity(&r) {
                    Some(c) => n.text.push(c),
                    None => {
                        let message = "an entity that is not one of XML's own".to_owned();
                        return Err(located(text, offset, file, message));
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let mut top = stack.swap_remove(0);
    top.children.pop().ok_or_else(|| ImportError {
        file: file.to_owned(),
        line: 1,
        column: 1,
        message: "no root element".to_owned(),
    })
}
