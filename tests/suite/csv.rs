//! CSV, as Excel users exchange it: every table exports with a byte-order mark, the
//! language's separator and decimal mark; the task plan exported and imported into an empty
//! project gives the same tasks and links; a file with bad rows is previewed with every
//! refusal named by its line, and nothing changes until the preview's one edit is applied.

#![allow(
    clippy::unwrap_used,
    clippy::float_cmp,
    reason = "tests: a panic is the failure report"
)]

use pilote::doc::Document;
use pilote::doc::csv_import::{self, CsvField, ImportPreview};
use pilote::i18n::Lang;
use pilote::io::csv::{self, Dialect, Table};
use pilote::io::document;
use pilote::model::{Lag, Project};
use pilote::schedule::cpm;

fn sample() -> Project {
    document::load_strict(pilote::SAMPLE_RON, pilote::SAMPLE_NAME).unwrap()
}

fn import(project: &Project, table: Table, text: &str, lang: Lang) -> ImportPreview {
    let read = csv::read(text, "in.csv").unwrap();
    let mapping = csv_import::auto_mapping(table, &read.headers);
    csv_import::preview(project, table, &read, &mapping, lang)
}

fn empty_like(p: &Project) -> Project {
    let mut empty = Project::new("Empty", p.meta.start);
    empty.settings = p.settings.clone();
    empty
}

fn minutes(p: &Project, lag: Lag) -> f64 {
    match lag {
        Lag::None => 0.0,
        Lag::Time(d) => d.amount * p.settings.minutes_per(d.unit),
        Lag::PercentOfPredecessor(x) => x * 1e6,
    }
}

#[test]
fn every_table_exports_as_excel_reads_it_in_each_language() {
    let p = sample();
    let schedule = cpm::schedule(&p).ok();
    for table in Table::ALL {
        for lang in Lang::ALL {
            let text = csv::export(&p, schedule.as_ref(), table, Dialect::new(lang)).unwrap();
            assert!(
                text.starts_with('\u{feff}'),
                "{table:?}: no byte-order mark"
            );
            let header = text.lines().next().unwrap();
            let separator = if lang == Lang::Fr { ';' } else { ',' };
            assert!(header.contains(separator), "{table:?} {lang:?}: {header}");
            let read = csv::read(&text, "x.csv").unwrap();
            assert!(!read.rows.is_empty(), "{table:?}: no rows");
            assert!(
                read.rows.iter().all(|(_, r)| r.len() == read.headers.len()),
                "{table:?}"
            );
        }
    }
    // Decimal comma in French, point in English: the risks' exposure, the slack in days.
    let fr = csv::export(
        &p,
        schedule.as_ref(),
        Table::Assignments,
        Dialect::new(Lang::Fr),
    )
    .unwrap();
    let en = csv::export(
        &p,
        schedule.as_ref(),
        Table::Assignments,
        Dialect::new(Lang::En),
    )
    .unwrap();
    assert!(fr.contains("Travail (heures)") && en.contains("Work (hours)"));
    let fractional = |text: &str, mark: char| {
        csv::read(text, "x").unwrap().rows.iter().any(|(_, r)| {
            r[4].contains(mark) && r[4].chars().all(|c| c.is_ascii_digit() || c == mark)
        })
    };
    assert!(!fractional(&fr, '.'), "a decimal point in French");
    assert!(!fractional(&en, ','), "a decimal comma in English");
}

#[test]
fn the_task_plan_exported_and_imported_into_an_empty_project_is_the_same_plan() {
    let p = sample();
    let schedule = cpm::schedule(&p).ok();
    for lang in Lang::ALL {
        for iso_dates in [false, true] {
            let dialect = Dialect { lang, iso_dates };
            let text = csv::export(&p, schedule.as_ref(), Table::Tasks, dialect).unwrap();
            let mut doc = Document::new(empty_like(&p), None, "Empty".into());
            let preview = import(&doc.project, Table::Tasks, &text, lang);
            assert!(
                preview.refused.is_empty(),
                "{lang:?}: {:?}",
                preview.refused
            );
            doc.apply(preview.edit.unwrap(), None).unwrap();
            let back = &doc.project;
            assert_eq!(back.tasks.len(), p.tasks.len());
            for (a, b) in p.tasks.iter().zip(&back.tasks) {
                assert_eq!(a.name, b.name);
                assert_eq!(a.outline_level, b.outline_level, "{}", a.name);
                assert_eq!(a.milestone, b.milestone, "{}", a.name);
                assert_eq!(a.duration.unit, b.duration.unit, "{}", a.name);
                assert!(
                    (a.duration.amount - b.duration.amount).abs() < 0.01,
                    "{}",
                    a.name
                );
                assert_eq!(a.constraint, b.constraint, "{}", a.name);
                assert_eq!(a.deadline, b.deadline, "{}", a.name);
                assert_eq!(a.percent_complete, b.percent_complete, "{}", a.name);
                assert_eq!(a.notes, b.notes, "{}", a.name);
            }
            let row =
                |project: &Project, id| project.tasks.iter().position(|t| t.id == id).unwrap();
            let links = |project: &Project| {
                let mut v: Vec<_> = project
                    .links
                    .iter()
                    .map(|l| {
                        let lag = minutes(project, l.lag).round() as i64;
                        (
                            row(project, l.predecessor),
                            row(project, l.successor),
                            l.kind,
                            lag,
                        )
                    })
                    .collect();
                v.sort_by_key(|l| (l.0, l.1));
                v
            };
            assert_eq!(links(&p), links(back), "{lang:?}");
            // The people named in the Resources column come as new resources, staffed.
            assert_eq!(back.assignments.len(), p.assignments.len());
            // One undo takes the whole import back.
            assert!(doc.undo());
            assert!(doc.project.tasks.is_empty() && doc.project.resources.is_empty());
        }
    }
}

#[test]
fn bad_rows_are_previewed_each_with_its_line_and_reason_and_nothing_changes() {
    let p = sample();
    let text = "\u{feff}Name;Duration;Predecessors;% Complete;Resource Names;Start\r\n\
                Specs;5 jours;;;;\r\n\
                ;3 jours;;;;\r\n\
                Build;soon;1;;;\r\n\
                Test;4 jours;3;;;\r\n\
                Deploy;2 jours;1;140;;\r\n\
                Train;2 jours;9;;;\r\n\
                Go-live;0 jour;1;;;31/02/2027\r\n\
                Review;1 jour;1;;Claire Martin[half];\r\n";
    let before = p.clone();
    let preview = import(&p, Table::Tasks, text, Lang::En);
    assert_eq!(p, before, "a preview changes nothing");
    let lines: Vec<usize> = preview.refused.iter().map(|r| r.line).collect();
    assert_eq!(lines, [3, 4, 5, 6, 7, 8, 9], "{:?}", preview.refused);
    let why: Vec<String> = preview
        .refused
        .iter()
        .map(|r| r.why.text(Lang::En))
        .collect();
    assert_eq!(why[0], "no name");
    assert!(why[1].contains("“soon” is not a duration"), "{}", why[1]);
    // Test depends on Build, which is refused: refused too, not silently unlinked.
    assert!(why[2].contains("predecessor 3"), "{}", why[2]);
    assert!(why[3].contains("“140” is not a percentage"), "{}", why[3]);
    assert!(why[4].contains("predecessor 9"), "{}", why[4]);
    assert!(why[5].contains("“31/02/2027” is not a date"), "{}", why[5]);
    assert!(why[6].contains("Claire Martin[half]"), "{}", why[6]);
    assert_eq!(preview.created.len(), 1);
    assert_eq!(preview.created[0].0, 2);
    // The French texts too.
    assert_eq!(preview.refused[0].why.text(Lang::Fr), "pas de nom");
    let mut doc = Document::new(p, None, "Sample".into());
    let tasks = doc.project.tasks.len();
    doc.apply(preview.edit.unwrap(), None).unwrap();
    assert_eq!(doc.project.tasks.len(), tasks + 1);
    assert!(doc.undo());
    assert_eq!(doc.project, before);
}

#[test]
fn ms_project_and_jira_exports_are_recognised_by_their_headers() {
    let p = sample();
    let jira = "Summary,Issue key,Issue Type,Status,Original Estimate,Due Date,Assignee,Description\n\
                Login page,ERP-12,Story,Done,57600,15/03/2027,Claire Martin,\"As a user, I log in\"\n\
                Password reset,ERP-13,Story,In Progress,28800,,,\n";
    let read = csv::read(jira, "jira.csv").unwrap();
    let mapping = csv_import::auto_mapping(Table::Tasks, &read.headers);
    assert_eq!(mapping[0], Some(CsvField::Name));
    assert_eq!(mapping[1], Some(CsvField::Key));
    assert_eq!(mapping[2], None, "Issue Type has no place in a task");
    assert_eq!(mapping[4], Some(CsvField::EstimateSeconds));
    let preview = csv_import::preview(&p, Table::Tasks, &read, &mapping, Lang::En);
    assert!(preview.refused.is_empty(), "{:?}", preview.refused);
    let mut doc = Document::new(p, None, "Sample".into());
    doc.apply(preview.edit.unwrap(), None).unwrap();
    let login = doc
        .project
        .tasks
        .iter()
        .find(|t| t.name == "Login page")
        .unwrap();
    assert_eq!(login.duration.amount, 2.0, "57,600 s = 16 h = 2 days");
    assert_eq!(login.percent_complete, 100, "done in Jira");
    assert!(login.notes.starts_with("Jira ERP-12"), "{}", login.notes);
    assert_eq!(login.deadline.unwrap().to_string(), "2027-03-15");
    let ms_project_fr = "N°;Nom de la tâche;Durée;Début;Fin;Prédécesseurs;Niveau hiérarchique\n\
                         1;Lot 1;10 jours;lun. 04/01/27;ven. 15/01/27;;1\n\
                         2;Analyse;5 jours;lun. 04/01/27;ven. 08/01/27;;2\n\
                         3;Réalisation;5 jours;lun. 11/01/27;ven. 15/01/27;2;2\n";
    let read = csv::read(ms_project_fr, "ms.csv").unwrap();
    let mapping = csv_import::auto_mapping(Table::Tasks, &read.headers);
    assert_eq!(mapping[1], Some(CsvField::Name));
    assert_eq!(mapping[5], Some(CsvField::Predecessors));
    let empty = empty_like(&doc.project);
    let preview = csv_import::preview(&empty, Table::Tasks, &read, &mapping, Lang::Fr);
    assert!(preview.refused.is_empty(), "{:?}", preview.refused);
    let mut doc = Document::new(empty, None, "Empty".into());
    doc.apply(preview.edit.unwrap(), None).unwrap();
    assert_eq!(doc.project.tasks[2].outline_level, 2);
    assert_eq!(doc.project.links.len(), 1);
    assert_eq!(doc.project.links[0].predecessor, doc.project.tasks[1].id);
}

#[test]
fn requirements_tests_and_resources_import_with_codes_and_names_checked() {
    let p = sample();
    let code = p.requirements[0].code.clone();
    let text = format!(
        "Code,Title,Priority,Kind\nREQ-900,Export to MS Project,Should,Functional\n\
         {code},Duplicate,Must,\nREQ-901,Weird,Sometimes,\n,No code,,\n"
    );
    let preview = import(&p, Table::Requirements, &text, Lang::En);
    assert_eq!(preview.created.len(), 1);
    let why: Vec<(usize, String)> = preview
        .refused
        .iter()
        .map(|r| (r.line, r.why.text(Lang::En)))
        .collect();
    assert_eq!(why[0], (3, format!("code {code} is used already")));
    assert_eq!(why[1].0, 4);
    assert!(
        why[1]
            .1
            .contains("Priority: “Sometimes” is not one of Must"),
        "{}",
        why[1].1
    );
    assert_eq!(why[2], (5, "no code".to_owned()));
    let tests =
        format!("Code;Titre;Exigences;Étapes\nTC-900;Export;{code}, REQ-404;\"Open\nExport\"\n");
    let preview = import(&p, Table::Tests, &tests, Lang::Fr);
    assert_eq!(
        preview.refused[0].why.text(Lang::Fr),
        "aucune exigence n'a le code REQ-404"
    );
    let people = "Name,Standard Rate,Max Units (%),Provider\nNew Dev,\"650 €/d\",50,Sopra\n\
                  New Dev,600,100,\n";
    let preview = import(&p, Table::Resources, people, Lang::En);
    assert_eq!(preview.created.len(), 1);
    assert_eq!(preview.refused[0].line, 3);
    let mut doc = Document::new(p, None, "Sample".into());
    doc.apply(preview.edit.unwrap(), None).unwrap();
    let dev = doc.project.resources.last().unwrap();
    assert_eq!(
        (dev.name.as_str(), dev.max_units, dev.standard_rate.amount),
        ("New Dev", 0.5, 650.0)
    );
}
