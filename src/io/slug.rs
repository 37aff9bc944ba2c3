//! File-name- and identifier-safe forms of a project's name or code: lower-case letters and
//! digits, every other character a dash, no dash at either end. File names offered in save
//! dialogs and exports, and calendar UIDs, are made of it, so they survive every file system
//! and every calendar server.

/// `text` as a slug, or `fallback` when nothing of it is left (a name made only of signs).
pub fn slug(text: &str, fallback: &str) -> String {
    let slug: String = text
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let slug = slug.trim_matches('-');
    if slug.is_empty() {
        fallback.to_owned()
    } else {
        slug.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn keeps_letters_and_digits_and_dashes_the_rest() {
        assert_eq!(
            slug("ERP rollout 2027 (phase 2)", "plan"),
            "erp-rollout-2027--phase-2"
        );
        assert_eq!(slug("Déploiement", "plan"), "déploiement");
        assert_eq!(slug(" ?! ", "plan"), "plan");
    }
}
