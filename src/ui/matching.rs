//! Matching what the user types against labels and item texts, as the command palette and the
//! search do: case and accents are ignored ("creer" finds "Créer"), every word typed must
//! appear, and the palette also accepts the letters in order ("addm" finds "Add milestone").

/// The text in lower case without accents, so that French is typed as fast as English.
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ç' => 'c',
            'ÿ' => 'y',
            // The narrow and plain no-break spaces of French typography.
            '\u{a0}' | '\u{202f}' => ' ',
            other => other,
        })
        .collect()
}

/// Whether every word of `query` appears in `text` (both folded); an empty query matches.
pub fn contains_all(query: &str, text: &str) -> bool {
    let text = fold(text);
    fold(query).split_whitespace().all(|w| text.contains(w))
}

/// How well `query` matches `label`, higher is better; `None` when it does not match.
///
/// Every word found as such beats letters found in order: a word at the start of the label
/// scores most, then at the start of a word, then inside one. An empty query matches all.
pub fn score(query: &str, label: &str) -> Option<u32> {
    let query = fold(query);
    let label = fold(label);
    let words: Vec<&str> = query.split_whitespace().collect();
    if words.is_empty() {
        return Some(0);
    }
    let substrings: Option<u32> = words.iter().map(|w| word_score(w, &label)).sum();
    if let Some(total) = substrings {
        return Some(1000 + total);
    }
    in_order(&words.concat(), &label)
}

fn word_score(word: &str, label: &str) -> Option<u32> {
    let at = label.find(word)?;
    let starts_word = label[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    Some(match (at, starts_word) {
        (0, _) => 300,
        (_, true) => 200,
        _ => 100,
    })
}

/// The letters of `letters` in `label` in order: fewer letters skipped scores more (under 500).
fn in_order(letters: &str, label: &str) -> Option<u32> {
    let mut rest = label.chars();
    let mut skipped = 0u32;
    for wanted in letters.chars() {
        loop {
            let c = rest.next()?;
            if c == wanted {
                break;
            }
            skipped += 1;
        }
    }
    Some(500u32.saturating_sub(skipped.min(499)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_beat_letters_in_order_and_accents_are_ignored() {
        assert!(score("add mil", "Add milestone").is_some());
        assert!(score("mil add", "Add milestone").is_some());
        assert!(score("addm", "Add milestone").is_some());
        assert_eq!(score("xyz", "Add milestone"), None);
        assert!(score("jalon", "Ajouter un jalon").is_some());
        assert!(score("creer", "Créer").is_some());
        let start = score("save", "Save as…").unwrap();
        let inside = score("save", "Unsaved").unwrap();
        let letters = score("sva", "Save as…").unwrap();
        assert!(
            start > inside && inside > letters,
            "{start} {inside} {letters}"
        );
        assert!(contains_all("réseau ERP", "Le réseau de l'erp"));
        assert!(!contains_all("réseau ERP", "Le réseau"));
        assert!(contains_all("", "anything"));
    }
}
