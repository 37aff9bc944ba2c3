//! CSV rows into resources, requirements and test cases. Names and codes must be new (neither
//! in the plan nor earlier in the file); choices (a kind, a status, a MoSCoW priority) are
//! read from their labels in either language.

use std::collections::HashSet;

use super::{CsvField, ImportPreview, Refusal, Row, bad_choice, choice, number};
use crate::doc::edit::{Collection, Edit};
use crate::i18n::{Lang, T};
use crate::io::csv::Table;
use crate::model::{
    Moscow, Origin, Project, RatePer, Requirement, RequirementId, RequirementKind,
    RequirementStatus, Resource, ResourceId, ResourceKind, TestCase, TestCaseId, TestKind, next_id,
};

fn empty(table: Table) -> ImportPreview {
    ImportPreview {
        table,
        created: Vec::new(),
        refused: Vec::new(),
        edit: None,
    }
}

fn refusal(line: usize, why: T, values: &[(&'static str, &str)]) -> Refusal {
    Refusal {
        line,
        why: why.with(values),
    }
}

/// `C` from the row's `field`, its default when the cell is empty; `Err` names the text.
fn pick<C: crate::i18n::choices::Choice + Default>(
    row: &Row<'_>,
    field: CsvField,
    lang: Lang,
    also: impl Fn(&str) -> Option<C>,
) -> Result<C, Refusal> {
    match row.get(field) {
        None => Ok(C::default()),
        Some(text) => choice(text)
            .or_else(|| also(text))
            .ok_or_else(|| bad_choice::<C>(row.line, field, text, lang)),
    }
}

/// A rate cell: "550", "550 €/d", "$50.00/hr", "62,5 €/h", with the unit in the cell or in
/// the "Rate Per" column (days by default, as IT staff are priced).
fn rate_per(text: &str, per_column: Option<&str>) -> RatePer {
    let unit = text
        .rsplit_once('/')
        .map(|(_, u)| u)
        .or(per_column)
        .unwrap_or("d")
        .trim()
        .to_lowercase();
    if let Some(per) = choice::<RatePer>(&unit) {
        return per;
    }
    match unit.as_str() {
        "h" | "hr" | "hour" | "heure" => RatePer::Hour,
        "w" | "wk" | "week" | "sem" | "semaine" => RatePer::Week,
        "mo" | "mon" | "month" | "mois" => RatePer::Month,
        _ => RatePer::Day,
    }
}

fn resource(row: &Row<'_>, id: ResourceId, lang: Lang) -> Result<Resource, Refusal> {
    let name = row.get(CsvField::Name).unwrap_or_default();
    let mut r = Resource::person(id, name);
    r.kind = pick(row, CsvField::ResourceKind, lang, |t| {
        match t.trim().to_lowercase().as_str() {
            "work" | "travail" | "person" | "personne" => Some(ResourceKind::Person),
            "material" | "matériel" | "materiel" => Some(ResourceKind::Material),
            "cost" | "coût" | "cout" => Some(ResourceKind::Cost),
            _ => None,
        }
    })?;
    let number_of = |field: CsvField| -> Result<Option<f64>, Refusal> {
        row.get(field).map_or(Ok(None), |text| {
            number(text).map(Some).ok_or_else(|| {
                refusal(
                    row.line,
                    T::CsvBadNumber,
                    &[("column", field.label(lang)), ("text", text)],
                )
            })
        })
    };
    if let Some(units) = number_of(CsvField::MaxUnits)? {
        // A person's capacity in percent (100 = full time), a material's in units.
        r.max_units = if r.kind == ResourceKind::Person {
            units / 100.0
        } else {
            units
        };
    }
    if let Some(amount) = number_of(CsvField::StandardRate)? {
        let text = row.get(CsvField::StandardRate).unwrap_or_default();
        r.standard_rate.amount = amount;
        r.standard_rate.per = rate_per(text, row.get(CsvField::RatePer));
        r.overtime_rate.per = r.standard_rate.per;
    }
    if let Some(cost) = number_of(CsvField::CostPerUse)? {
        r.cost_per_use = cost;
    }
    let text = |field: CsvField| row.get(field).unwrap_or_default().to_owned();
    r.initials = text(CsvField::Initials);
    r.team = text(CsvField::Group);
    r.role = text(CsvField::Role);
    r.email = text(CsvField::Email);
    r.notes = text(CsvField::Notes);
    if let Some(provider) = row.get(CsvField::Provider) {
        r.origin = Origin::External {
            provider: provider.to_owned(),
            contract: String::new(),
        };
    }
    Ok(r)
}

pub(super) fn resources(project: &Project, rows: &[Row<'_>], lang: Lang) -> ImportPreview {
    let mut preview = empty(Table::Resources);
    let mut names: HashSet<String> = project
        .resources
        .iter()
        .map(|r| r.name.trim().to_lowercase())
        .collect();
    let mut next = next_id(&project.resources, |r| r.id);
    let mut edits = Vec::new();
    for row in rows {
        let name = row.get(CsvField::Name).unwrap_or_default();
        if name.is_empty() {
            preview.refused.push(refusal(row.line, T::CsvNoName, &[]));
            continue;
        }
        if !names.insert(name.trim().to_lowercase()) {
            preview
                .refused
                .push(refusal(row.line, T::CsvDuplicateName, &[("text", name)]));
            continue;
        }
        match resource(row, ResourceId(next), lang) {
            Ok(r) => {
                next += 1;
                preview.created.push((row.line, r.name.clone()));
                edits.push(Edit::AddResource {
                    index: project.resources.len() + edits.len(),
                    resource: Box::new(r),
                });
            }
            Err(why) => preview.refused.push(why),
        }
    }
    preview.edit = (!edits.is_empty()).then_some(Edit::Batch(edits));
    preview
}

/// The code and title of a row, refused when either is missing or the code is taken.
fn code_and_title<'r>(
    row: &Row<'r>,
    codes: &mut HashSet<String>,
) -> Result<(&'r str, &'r str), Refusal> {
    let code = row.get(CsvField::Code).unwrap_or_default();
    let title = row.get(CsvField::Title).unwrap_or_default();
    if code.is_empty() {
        return Err(refusal(row.line, T::CsvNoCode, &[]));
    }
    if title.is_empty() {
        return Err(refusal(row.line, T::CsvNoTitle, &[]));
    }
    if !codes.insert(code.trim().to_lowercase()) {
        return Err(refusal(row.line, T::CsvDuplicateCode, &[("text", code)]));
    }
    Ok((code, title))
}

pub(super) fn requirements(project: &Project, rows: &[Row<'_>], lang: Lang) -> ImportPreview {
    let mut preview = empty(Table::Requirements);
    let mut codes: HashSet<String> = project
        .requirements
        .iter()
        .map(|r| r.code.trim().to_lowercase())
        .collect();
    let mut all = project.requirements.clone();
    let mut next = next_id(&project.requirements, |r| r.id);
    for row in rows {
        let read = code_and_title(row, &mut codes).and_then(|(code, title)| {
            let priority = pick(row, CsvField::Priority, lang, |t| {
                match t.trim().to_lowercase().as_str() {
                    "m" | "must" => Some(Moscow::Must),
                    "s" | "should" => Some(Moscow::Should),
                    "c" | "could" => Some(Moscow::Could),
                    "w" | "won't" | "wont" => Some(Moscow::Wont),
                    _ => None,
                }
            })?;
            Ok(Requirement {
                id: RequirementId(next),
                code: code.to_owned(),
                title: title.to_owned(),
                parent: None,
                kind: pick::<RequirementKind>(row, CsvField::RequirementKind, lang, |_| None)?,
                priority,
                status: pick::<RequirementStatus>(row, CsvField::Status, lang, |_| None)?,
                source: row.get(CsvField::Source).unwrap_or_default().to_owned(),
                description: row
                    .get(CsvField::Description)
                    .unwrap_or_default()
                    .to_owned(),
                acceptance_criteria: row.get(CsvField::Acceptance).unwrap_or_default().to_owned(),
                tasks: Vec::new(),
                deliverables: Vec::new(),
            })
        });
        match read {
            Ok(r) => {
                next += 1;
                preview
                    .created
                    .push((row.line, format!("{} {}", r.code, r.title)));
                all.push(r);
            }
            Err(why) => preview.refused.push(why),
        }
    }
    if !preview.created.is_empty() {
        preview.edit = Some(Edit::SetCollection(Box::new(Collection::Requirements(all))));
    }
    preview
}

pub(super) fn tests(project: &Project, rows: &[Row<'_>], lang: Lang) -> ImportPreview {
    let mut preview = empty(Table::Tests);
    let mut codes: HashSet<String> = project
        .test_cases
        .iter()
        .map(|c| c.code.trim().to_lowercase())
        .collect();
    let mut all = project.test_cases.clone();
    let mut next = next_id(&project.test_cases, |c| c.id);
    for row in rows {
        let read = code_and_title(row, &mut codes).and_then(|(code, title)| {
            let mut requirements = Vec::new();
            for wanted in row
                .get(CsvField::Requirements)
                .unwrap_or_default()
                .split([',', ';', ' '])
                .map(str::trim)
                .filter(|c| !c.is_empty())
            {
                let found = project
                    .requirements
                    .iter()
                    .find(|r| r.code.eq_ignore_ascii_case(wanted))
                    .ok_or_else(|| {
                        refusal(row.line, T::CsvUnknownRequirement, &[("text", wanted)])
                    })?;
                requirements.push(found.id);
            }
            Ok(TestCase {
                id: TestCaseId(next),
                code: code.to_owned(),
                title: title.to_owned(),
                kind: pick::<TestKind>(row, CsvField::TestKind, lang, |_| None)?,
                steps: row
                    .get(CsvField::Steps)
                    .unwrap_or_default()
                    .lines()
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect(),
                expected: row.get(CsvField::Expected).unwrap_or_default().to_owned(),
                requirements,
            })
        });
        match read {
            Ok(c) => {
                next += 1;
                preview
                    .created
                    .push((row.line, format!("{} {}", c.code, c.title)));
                all.push(c);
            }
            Err(why) => preview.refused.push(why),
        }
    }
    if !preview.created.is_empty() {
        preview.edit = Some(Edit::SetCollection(Box::new(Collection::TestCases(all))));
    }
    preview
}
