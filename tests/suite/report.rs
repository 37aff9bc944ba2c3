//! The steering-committee report: one self-contained HTML page and an A4 landscape PDF whose
//! text (read back by pdftotext) holds the project, its status, the milestones, the top risks
//! and the project manager's message, in the interface language.

#![allow(clippy::unwrap_used, reason = "tests: a panic is the failure report")]

use chrono::NaiveDate;
use pilote::i18n::Lang;
use pilote::io::document;
use pilote::io::export::{self, ExportKind, Options};
use pilote::model::Project;

fn sample(file: &str) -> Project {
    let text = std::fs::read_to_string(format!(
        "{}/assets/samples/{file}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    document::load_strict(&text, file).unwrap()
}

fn options(lang: Lang, message: &str) -> Options<'_> {
    Options {
        lang,
        iso_dates: false,
        status: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        now_utc: NaiveDate::from_ymd_opt(2026, 12, 3)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap(),
        risk: None,
        message,
    }
}

#[test]
fn the_html_report_is_self_contained_and_says_what_the_committee_needs() {
    let p = sample("erp-rollout.pilote.ron");
    let message = "Go-live moved to <end of January>.";
    let (bytes, _) =
        export::export(&p, ExportKind::ReportHtml, &options(Lang::En, message)).unwrap();
    let html = String::from_utf8(bytes).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains(&p.meta.name));
    assert!(
        html.contains("Overall status: red"),
        "the RAG and its reason"
    );
    assert!(
        html.contains("Go-live moved to &lt;end of January&gt;."),
        "the message, escaped"
    );
    assert!(
        html.contains("Go-live") && html.contains("Acceptance pronounced"),
        "milestones"
    );
    assert!(html.contains("RSK-01"), "top risks");
    assert!(
        html.matches("<svg").count() >= 2,
        "the Gantt and the S-curve inline"
    );
    // Nothing fetched: no stylesheet, script, image or font from anywhere.
    for forbidden in ["<link", "<script", "<img", "@import", "url("] {
        assert!(!html.contains(forbidden), "{forbidden}");
    }
    let external = html.matches("http").count();
    assert_eq!(
        external,
        html.matches("http://www.w3.org/2000/svg").count(),
        "only SVG's namespace"
    );
}

#[test]
fn the_pdf_report_holds_its_text_in_the_interface_language() {
    let Ok(run) = std::process::Command::new("pdftotext").arg("-v").output() else {
        eprintln!(
            "SKIPPED the_pdf_report_holds_its_text_in_the_interface_language: no pdftotext (poppler-utils; scripts/check.sh installs it)"
        );
        return;
    };
    let _ = run;
    for (file, lang, words) in [
        (
            "erp-rollout.pilote.ron",
            Lang::En,
            [
                "Overall status",
                "Milestones of the next 90 days",
                "Top five risks",
            ],
        ),
        (
            "erp-rollout.fr.pilote.ron",
            Lang::Fr,
            [
                "Météo générale",
                "Jalons des 90 prochains jours",
                "Cinq premiers risques",
            ],
        ),
    ] {
        let p = sample(file);
        let (bytes, _) = export::export(
            &p,
            ExportKind::ReportPdf,
            &options(lang, "Bascule au 29 janvier."),
        )
        .unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
        let path =
            std::env::temp_dir().join(format!("pilote-report-{}-{lang:?}.pdf", std::process::id()));
        std::fs::write(&path, &bytes).unwrap();
        let out = std::process::Command::new("pdftotext")
            .arg(&path)
            .arg("-")
            .output()
            .unwrap();
        std::fs::remove_file(&path).ok();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains(p.meta.name.split(" — ").next().unwrap()),
            "{file}: project name"
        );
        for word in words {
            assert!(text.contains(word), "{file}: {word} missing in\n{text}");
        }
        assert!(text.contains("Bascule au 29 janvier."), "{file}: message");
        let milestone = p.tasks.iter().rfind(|t| t.milestone).unwrap();
        assert!(
            text.contains(milestone.name.as_str()),
            "{file}: {}",
            milestone.name
        );
        assert!(text.contains("RSK-01"), "{file}: top risk");
    }
}
