//! Reader for the PSPLIB single-mode `.sm` format.

use super::Instance;

/// Parses a PSPLIB single-mode (`.sm`) file with renewable resources only.
///
/// Activities are numbered from 0 in the result (PSPLIB numbers them from 1).
///
/// # Errors
/// Returns a message naming the 1-based line number and the problem when the
/// text is not a well-formed single-mode, renewable-only PSPLIB instance.
pub fn parse_psplib_sm(text: &str) -> Result<Instance, String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut jobs: Option<usize> = None;
    let mut renewable: Option<usize> = None;
    let mut successors: Option<Vec<Vec<usize>>> = None;
    let mut requests: Option<(Vec<u32>, Vec<Vec<u32>>)> = None;
    let mut capacities: Option<Vec<u32>> = None;

    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim();
        if line.starts_with("jobs") {
            jobs = Some(header_value(line, i)?);
        } else if line.starts_with("- renewable") {
            renewable = Some(header_value(line, i)?);
        } else if line.starts_with("- nonrenewable") || line.starts_with("- doubly constrained") {
            // Non-renewable resources limit total consumption, which this solver
            // does not model; silently ignoring them would give wrong schedules.
            if header_value(line, i)? != 0 {
                return Err(format!(
                    "line {}: only renewable resources are supported",
                    i + 1
                ));
            }
        } else if line.starts_with("PRECEDENCE RELATIONS") {
            let n = jobs.ok_or_else(|| missing_before(i, "jobs"))?;
            let (rows, next) = read_rows(&lines, i + 1, n, "PRECEDENCE RELATIONS")?;
            successors = Some(precedence(&rows, n)?);
            i = next;
            continue;
        } else if line.starts_with("REQUESTS/DURATIONS") {
            let n = jobs.ok_or_else(|| missing_before(i, "jobs"))?;
            let r = renewable.ok_or_else(|| missing_before(i, "renewable"))?;
            let (rows, next) = read_rows(&lines, i + 1, n, "REQUESTS/DURATIONS")?;
            requests = Some(request_rows(&rows, n, r)?);
            i = next;
            continue;
        } else if line.starts_with("RESOURCEAVAILABILITIES") {
            let r = renewable.ok_or_else(|| missing_before(i, "renewable"))?;
            let (rows, next) = read_rows(&lines, i + 1, 1, "RESOURCEAVAILABILITIES")?;
            let (line_no, values) = &rows[0];
            if values.len() != r {
                return Err(format!(
                    "line {line_no}: expected {r} resource capacities, found {}",
                    values.len()
                ));
            }
            capacities = Some(values.clone());
            i = next;
            continue;
        }
        i += 1;
    }

    let end = lines.len();
    let successors = successors.ok_or_else(|| missing_section(end, "PRECEDENCE RELATIONS"))?;
    let (durations, demands) =
        requests.ok_or_else(|| missing_section(end, "REQUESTS/DURATIONS"))?;
    let capacities = capacities.ok_or_else(|| missing_section(end, "RESOURCEAVAILABILITIES"))?;
    Ok(Instance {
        durations,
        successors,
        demands,
        capacities,
    })
}

fn missing_before(index: usize, what: &str) -> String {
    format!(
        "line {}: section found before the '{what}' header line",
        index + 1
    )
}

fn missing_section(lines: usize, what: &str) -> String {
    format!("line {lines}: end of input without a '{what}' section")
}

/// Value after the colon of a header line such as `jobs (...) :  32` or
/// `- renewable : 4 R`.
fn header_value(line: &str, index: usize) -> Result<usize, String> {
    line.split_once(':')
        .and_then(|(_, rest)| rest.split_whitespace().next())
        .and_then(|token| token.parse().ok())
        .ok_or_else(|| {
            format!(
                "line {}: expected a number after ':' in '{line}'",
                index + 1
            )
        })
}

/// A numeric table row: 1-based line number and its values.
type Row = (usize, Vec<u32>);

/// Reads `count` consecutive numeric rows, skipping the column-title and
/// separator lines that precede them. Returns the rows and the index of the
/// first line after them.
fn read_rows(
    lines: &[&str],
    from: usize,
    count: usize,
    section: &str,
) -> Result<(Vec<Row>, usize), String> {
    let mut i = from;
    // Title lines start with letters, separators with '-' or '*'.
    while i < lines.len() && !starts_with_digit(lines[i]) {
        if lines[i].trim_start().starts_with('*') {
            return Err(format!("line {}: section {section} has no rows", i + 1));
        }
        i += 1;
    }
    let mut rows = Vec::with_capacity(count);
    while rows.len() < count {
        let Some(line) = lines.get(i) else {
            return Err(format!(
                "line {}: section {section} ends after {} of {count} rows",
                i + 1,
                rows.len()
            ));
        };
        let values = line
            .split_whitespace()
            .map(str::parse::<u32>)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| {
                format!(
                    "line {}: in section {section}: {e} in '{}'",
                    i + 1,
                    line.trim()
                )
            })?;
        if values.is_empty() {
            return Err(format!(
                "line {}: section {section} ends after {} of {count} rows",
                i + 1,
                rows.len()
            ));
        }
        rows.push((i + 1, values));
        i += 1;
    }
    Ok((rows, i))
}

fn starts_with_digit(line: &str) -> bool {
    line.trim_start().starts_with(|c: char| c.is_ascii_digit())
}

/// Validates a 1-based job number and converts it to a 0-based index.
fn job_index(job: u32, n: usize, line_no: usize) -> Result<usize, String> {
    let index = usize::try_from(job).unwrap_or(usize::MAX);
    if index == 0 || index > n {
        return Err(format!(
            "line {line_no}: job number {job} is outside 1..={n}"
        ));
    }
    Ok(index - 1)
}

/// Rows are `jobnr #modes #successors successor...`.
fn precedence(rows: &[Row], n: usize) -> Result<Vec<Vec<usize>>, String> {
    let mut successors: Vec<Option<Vec<usize>>> = vec![None; n];
    for (line_no, values) in rows {
        let line_no = *line_no;
        let [job, modes, count, rest @ ..] = values.as_slice() else {
            return Err(format!(
                "line {line_no}: expected job number, mode count and successor count"
            ));
        };
        let job = job_index(*job, n, line_no)?;
        if *modes != 1 {
            return Err(format!(
                "line {line_no}: job {} has {modes} modes, only single-mode is supported",
                job + 1
            ));
        }
        if usize::try_from(*count).ok() != Some(rest.len()) {
            return Err(format!(
                "line {line_no}: job {} announces {count} successors but lists {}",
                job + 1,
                rest.len()
            ));
        }
        let succ = rest
            .iter()
            .map(|&s| job_index(s, n, line_no))
            .collect::<Result<Vec<_>, _>>()?;
        let slot = &mut successors[job];
        if slot.is_some() {
            return Err(format!("line {line_no}: job {} is listed twice", job + 1));
        }
        *slot = Some(succ);
    }
    // n rows with distinct in-range numbers cover every job exactly once.
    Ok(successors
        .into_iter()
        .map(Option::unwrap_or_default)
        .collect())
}

/// Rows are `jobnr mode duration R1..Rr`.
fn request_rows(
    rows: &[Row],
    n: usize,
    resources: usize,
) -> Result<(Vec<u32>, Vec<Vec<u32>>), String> {
    let mut durations = vec![0; n];
    let mut demands = vec![Vec::new(); n];
    let mut seen = vec![false; n];
    for (line_no, values) in rows {
        let line_no = *line_no;
        let [job, _mode, duration, rest @ ..] = values.as_slice() else {
            return Err(format!(
                "line {line_no}: expected job number, mode and duration"
            ));
        };
        let job = job_index(*job, n, line_no)?;
        if rest.len() != resources {
            return Err(format!(
                "line {line_no}: job {} has {} resource requests, expected {resources}",
                job + 1,
                rest.len()
            ));
        }
        if seen[job] {
            return Err(format!("line {line_no}: job {} is listed twice", job + 1));
        }
        seen[job] = true;
        durations[job] = *duration;
        demands[job] = rest.to_vec();
    }
    Ok((durations, demands))
}
