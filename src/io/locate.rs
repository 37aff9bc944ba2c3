//! Finds where a value sits in RON text, so that problems found after parsing (a dangling
//! reference, a cycle) can still be reported as FILE:LINE:COLUMN like syntax errors are.
//!
//! A small tokenizer that knows RON's strings, chars and comments is enough: it walks struct
//! fields and list elements following an [`ItemPath`] and never builds a tree.

use crate::model::validate::{ItemPath, PathSeg};

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Line and column of the value at `path`, or of the deepest enclosing value found.
pub fn locate(text: &str, path: &ItemPath) -> (usize, usize) {
    let scanner = Scanner {
        bytes: text.as_bytes(),
    };
    let mut pos = scanner.skip_trivia(0);
    for seg in &path.0 {
        let found = match seg {
            PathSeg::Field(name) => scanner.field(pos, name),
            PathSeg::Index(index) => scanner.element(pos, *index),
        };
        match found {
            Some(next) => pos = next,
            None => break,
        }
    }
    line_column(text, pos)
}

struct Scanner<'a> {
    bytes: &'a [u8],
}

impl Scanner<'_> {
    fn peek(&self, pos: usize) -> Option<u8> {
        self.bytes.get(pos).copied()
    }

    /// Skips whitespace and comments.
    fn skip_trivia(&self, mut pos: usize) -> usize {
        loop {
            match (self.peek(pos), self.peek(pos + 1)) {
                (Some(b), _) if b.is_ascii_whitespace() => pos += 1,
                (Some(b'/'), Some(b'/')) => {
                    while let Some(b) = self.peek(pos) {
                        if b == b'\n' {
                            break;
                        }
                        pos += 1;
                    }
                }
                (Some(b'/'), Some(b'*')) => {
                    let mut depth = 0usize;
                    while pos < self.bytes.len() {
                        match (self.peek(pos), self.peek(pos + 1)) {
                            (Some(b'/'), Some(b'*')) => {
                                depth += 1;
                                pos += 2;
                            }
                            (Some(b'*'), Some(b'/')) => {
                                depth -= 1;
                                pos += 2;
                                if depth == 0 {
                                    break;
                                }
                            }
                            _ => pos += 1,
                        }
                    }
                }
                _ => return pos,
            }
        }
    }

    /// Skips one token (string, char, identifier, number or punctuation) starting at `pos`.
    fn skip_token(&self, pos: usize) -> usize {
        match self.peek(pos) {
            Some(b'"') => {
                let mut p = pos + 1;
                while let Some(b) = self.peek(p) {
                    match b {
                        b'\\' => p += 2,
                        b'"' => return p + 1,
                        _ => p += 1,
                    }
                }
                p
            }
            Some(b'r') if matches!(self.peek(pos + 1), Some(b'"' | b'#')) => {
                let hashes = self.bytes[pos + 1..]
                    .iter()
                    .take_while(|&&b| b == b'#')
                    .count();
                let mut p = pos + 2 + hashes;
                while p < self.bytes.len() {
                    if self.bytes[p] == b'"'
                        && self.bytes[p + 1..].iter().take(hashes).all(|&b| b == b'#')
                        && self.bytes.len() >= p + 1 + hashes
                    {
                        return p + 1 + hashes;
                    }
                    p += 1;
                }
                p
            }
            Some(b'\'') => {
                let mut p = pos + 1;
                while let Some(b) = self.peek(p) {
                    match b {
                        b'\\' => p += 2,
                        b'\'' => return p + 1,
                        _ => p += 1,
                    }
                }
                p
            }
            Some(b) if is_word(b) => {
                let mut p = pos;
                while self.peek(p).is_some_and(is_word) {
                    p += 1;
                }
                p
            }
            Some(_) => pos + 1,
            None => pos,
        }
    }

    /// From the start of a value, the position just after it.
    fn skip_value(&self, mut pos: usize) -> usize {
        let mut depth = 0usize;
        loop {
            pos = self.skip_trivia(pos);
            match self.peek(pos) {
                None => return pos,
                Some(b'(' | b'[' | b'{') => depth += 1,
                Some(b')' | b']' | b'}') => {
                    if depth == 0 {
                        return pos;
                    }
                    depth -= 1;
                    if depth == 0 {
                        return pos + 1;
                    }
                }
                Some(b',') if depth == 0 => return pos,
                _ => {}
            }
            pos = self.skip_token(pos);
        }
    }

    /// In the struct starting at `pos` (optionally named), the start of field `name`'s value.
    fn field(&self, pos: usize, name: &str) -> Option<usize> {
        let mut p = self.skip_trivia(pos);
        if self.peek(p).is_some_and(is_word) {
            p = self.skip_trivia(self.skip_token(p));
        }
        if self.peek(p) != Some(b'(') {
            return None;
        }
        p += 1;
        loop {
            p = self.skip_trivia(p);
            let word_end = self.skip_token(p);
            if !self.peek(p).is_some_and(is_word) {
                return None;
            }
            let key = &self.bytes[p..word_end];
            let colon = self.skip_trivia(word_end);
            if self.peek(colon) != Some(b':') {
                return None;
            }
            let value = self.skip_trivia(colon + 1);
            if key == name.as_bytes() {
                return Some(value);
            }
            p = self.skip_trivia(self.skip_value(value));
            if self.peek(p) == Some(b',') {
                p += 1;
            }
        }
    }

    /// In the list starting at `pos`, the start of element `index`.
    fn element(&self, pos: usize, index: usize) -> Option<usize> {
        let mut p = self.skip_trivia(pos);
        if self.peek(p) != Some(b'[') {
            return None;
        }
        p += 1;
        for _ in 0..index {
            p = self.skip_trivia(self.skip_value(self.skip_trivia(p)));
            if self.peek(p) != Some(b',') {
                return None;
            }
            p += 1;
        }
        let p = self.skip_trivia(p);
        (self.peek(p) != Some(b']')).then_some(p)
    }
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'.' || b == b'+'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_fields_and_elements_past_strings_and_comments() {
        let text = "(\n  a: \"x, ( ]\",\n  // b: 1\n  list: [\n    (id: 1, t: 2),\n    (id: 2, t: Some(3)),\n  ],\n)";
        let path = ItemPath(vec![
            PathSeg::Field("list"),
            PathSeg::Index(1),
            PathSeg::Field("t"),
        ]);
        assert_eq!(locate(text, &path), (6, 16));
    }
}
