//! `pilote export FILE --to mspdi|csv|ics|html|pdf [--table NAME] [--lang en|fr] [--iso-dates]
//! [--message TEXT] [--status-date YYYY-MM-DD] [--risk-iterations N] -o OUT` and
//! `pilote import FILE.csv --table tasks|resources|requirements|tests --into PROJECT -o OUT
//! [--lang en|fr] [--skip-bad-rows]`.

use std::fmt::Write as _;
use std::path::Path;

use super::{Action, exit, load_any};
use crate::doc::csv_import;
use crate::i18n::Lang;
use crate::io::csv::Table;
use crate::io::export::{self, ExportKind, Options};
use crate::schedule::risk::{self, Control, RiskOptions};

/// The value after `flag` in `args`.
fn value<'a>(args: &'a [String], flag: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == flag)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}

/// The arguments that are neither flags nor their values.
fn positional(args: &[String], with_value: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let mut skip = false;
    for a in args {
        if skip {
            skip = false;
        } else if with_value.contains(&a.as_str()) {
            skip = true;
        } else if !a.starts_with("--") {
            out.push(a.clone());
        }
    }
    out
}

fn lang(args: &[String]) -> Result<Lang, String> {
    match value(args, "--lang") {
        None | Some("en") => Ok(Lang::En),
        Some("fr") => Ok(Lang::Fr),
        Some(other) => Err(format!("unknown language \"{other}\" (languages: en, fr)")),
    }
}

fn table(args: &[String], default: Table, allowed: &[Table]) -> Result<Table, String> {
    let Some(slug) = value(args, "--table") else {
        return Ok(default);
    };
    Table::from_slug(slug)
        .filter(|t| allowed.contains(t))
        .ok_or_else(|| {
            let names: Vec<&str> = allowed.iter().map(|t| t.slug()).collect();
            format!("unknown table \"{slug}\" (tables: {})", names.join(", "))
        })
}

fn usage_error(verb: &str, why: &str) -> Action {
    exit(
        2,
        String::new(),
        format!("pilote {verb}: {why}\n\n{}", super::usage()),
    )
}

fn write_out(out: &str, bytes: &[u8]) -> Result<(), String> {
    crate::io::atomic::write_atomic_plain(Path::new(out), bytes)
        .map_err(|e| format!("{out}: cannot write: {e}"))
}

const EXPORT_VALUES: [&str; 8] = [
    "--to",
    "--table",
    "--lang",
    "-o",
    "--message",
    "--status-date",
    "--risk-iterations",
    "--seed",
];

pub fn run_export(args: &[String]) -> Action {
    let files = positional(args, &EXPORT_VALUES);
    let (Some(file), Some(out), Some(to)) = (files.first(), value(args, "-o"), value(args, "--to"))
    else {
        return usage_error("export", "expected FILE, --to FORMAT and -o OUT");
    };
    let kind = match (to, table(args, Table::Tasks, &Table::ALL)) {
        (_, Err(why)) => return usage_error("export", &why),
        ("mspdi" | "xml", _) => ExportKind::MsProjectXml,
        ("csv", Ok(t)) => ExportKind::Csv(t),
        ("ics" | "ical", _) => ExportKind::ICalendar,
        ("html", _) => ExportKind::ReportHtml,
        ("pdf", _) => ExportKind::ReportPdf,
        (other, _) => {
            return usage_error(
                "export",
                &format!("unknown format \"{other}\" (formats: mspdi, csv, ics, html, pdf)"),
            );
        }
    };
    let lang = match lang(args) {
        Ok(l) => l,
        Err(why) => return usage_error("export", &why),
    };
    let (project, _) = match load_any(file) {
        Ok(loaded) => loaded,
        Err(error) => return exit(1, String::new(), format!("{error}\n")),
    };
    let status = match value(args, "--status-date") {
        Some(text) => match chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            Ok(d) => d,
            Err(_) => {
                return usage_error("export", &format!("\"{text}\" is not a YYYY-MM-DD date"));
            }
        },
        None => project
            .meta
            .status_date
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
    };
    let iterations = value(args, "--risk-iterations").and_then(|n| n.parse::<u32>().ok());
    let analysis = match iterations.filter(|n| *n > 0) {
        Some(iterations) => {
            let options = RiskOptions {
                iterations,
                seed: value(args, "--seed")
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(1),
                ..RiskOptions::default()
            };
            let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
            match risk::simulate(&project, options, threads, &Control::default()) {
                Ok(result) => result,
                Err(error) => return exit(1, String::new(), format!("{file}: {error}\n")),
            }
        }
        None => None,
    };
    let options = Options {
        lang,
        iso_dates: args.iter().any(|a| a == "--iso-dates"),
        status,
        now_utc: chrono::Utc::now().naive_utc(),
        risk: analysis.as_ref(),
        message: value(args, "--message").unwrap_or_default(),
    };
    let (bytes, left_out) = match export::export(&project, kind, &options) {
        Ok(done) => done,
        Err(error) => return exit(1, String::new(), format!("{file}: {error}\n")),
    };
    if let Err(error) = write_out(out, &bytes) {
        return exit(1, String::new(), format!("{error}\n"));
    }
    let mut stdout = format!("{out}: written ({} bytes)\n", bytes.len());
    for note in left_out {
        let _ = writeln!(stdout, "  not in the export: {note}");
    }
    exit(0, stdout, String::new())
}

pub fn run_import(args: &[String]) -> Action {
    let values = ["--table", "--into", "-o", "--lang"];
    let files = positional(args, &values);
    let (Some(file), Some(into), Some(out)) =
        (files.first(), value(args, "--into"), value(args, "-o"))
    else {
        return usage_error(
            "import",
            "expected FILE.csv, --table TABLE, --into PROJECT and -o OUT",
        );
    };
    let table = match table(args, Table::Tasks, &Table::IMPORTABLE) {
        Ok(t) => t,
        Err(why) => return usage_error("import", &why),
    };
    let lang = match lang(args) {
        Ok(l) => l,
        Err(why) => return usage_error("import", &why),
    };
    let text = match crate::io::document::read_file(Path::new(file)) {
        Ok(text) => text,
        Err(error) => return exit(1, String::new(), format!("{error}\n")),
    };
    let read = match crate::io::csv::read(&text, file) {
        Ok(read) => read,
        Err(error) => return exit(1, String::new(), format!("{error}\n")),
    };
    let (project, _) = match load_any(into) {
        Ok(loaded) => loaded,
        Err(error) => return exit(1, String::new(), format!("{error}\n")),
    };
    let mapping = csv_import::auto_mapping(table, &read.headers);
    let preview = csv_import::preview(&project, table, &read, &mapping, lang);
    let mut stderr = String::new();
    for refusal in &preview.refused {
        let _ = writeln!(
            stderr,
            "{file}:{}: {}",
            refusal.line,
            refusal.why.text(lang)
        );
    }
    if !preview.refused.is_empty() && !args.iter().any(|a| a == "--skip-bad-rows") {
        let _ = writeln!(
            stderr,
            "pilote import: {} rows refused, nothing written (--skip-bad-rows imports the others)",
            preview.refused.len()
        );
        return exit(1, String::new(), stderr);
    }
    let rows = preview.rows();
    let Some(edit) = preview.edit else {
        let _ = writeln!(stderr, "pilote import: no row of {file} can be imported");
        return exit(1, String::new(), stderr);
    };
    let mut doc = crate::doc::Document::new(project, None, into.to_owned());
    if let Err(error) = doc.apply(edit, None) {
        return exit(1, String::new(), format!("{into}: {error:?}\n"));
    }
    let saved = crate::doc::scheduled_for_saving(&doc.project);
    let text = match crate::io::document::to_text(&saved) {
        Ok(text) => text,
        Err(error) => return exit(1, String::new(), format!("{error}\n")),
    };
    if let Err(error) = write_out(out, text.as_bytes()) {
        return exit(1, String::new(), format!("{error}\n"));
    }
    let stdout = format!(
        "{out}: {} {} imported from {file} ({} refused)\n",
        rows,
        table.slug(),
        preview.refused.len()
    );
    exit(0, stdout, stderr)
}
