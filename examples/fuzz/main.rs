//! A mutation fuzzer for Pilote's loaders that runs on the stable toolchain (no nightly, no
//! sanitizer): seeds from the corpus, stacked mutations of bytes and of tokens (extreme
//! numbers and dates, XML and RON punctuation, deep nesting, splices of other inputs), each
//! input opened as the window opens a file, validated, scheduled, and (Pilote files) saved
//! and read back. An input whose behaviour is new (another error, another first problem,
//! another schedule outcome) joins the pool, a cheap stand-in for coverage feedback.
//!
//! Findings, written to `--out`: a panic, an input slower than `--slow-ms` (1 s), a peak
//! resident memory over `--max-mb` (1 GB), a save that does not read back the same. A hang
//! (over 10 s) or a crash that kills the process (a stack overflow) leaves the input in
//! `OUT/current-LOADER`, which `scripts/fuzz.sh` keeps as a finding before it restarts.
//!
//! `cargo run --release --example fuzz -- --loader ron|mspdi --seconds N --out DIR SEED...`
//! (a SEED is a file or a folder of files).

use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::io::{Seek, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use pilote::doc::open::open_text;
use pilote::io::document;
use pilote::model::validate::validate;
use pilote::schedule::cpm::schedule;
use pilote::schedule::risk::sampling::Rng;

const NUMBERS: &[&str] = &[
    "0",
    "-0",
    "1",
    "-1",
    "1e308",
    "-1e308",
    "1e-308",
    "NaN",
    "inf",
    "-inf",
    "99999999999",
    "4294967295",
    "4294967296",
    "-2147483649",
    "18446744073709551616",
    "0.0000001",
    "255",
    "256",
    "65535",
    "65536",
];
const DATES: &[&str] = &[
    "0001-01-01",
    "9999-12-31T23:59:59",
    "-262143-01-01",
    "1900-01-01T00:00:00",
    "2200-12-31",
    "2027-02-29",
    "2027-13-01",
    "1970-01-01T25:61:61",
];
const XML: &[&str] = &[
    "<Task>",
    "</Task>",
    "<Tasks>",
    "<PredecessorLink><PredecessorUID>1</PredecessorUID><Type>0</Type><LinkLag>",
    "<Duration>PT99999999H0M0S</Duration>",
    "<Calendar><UID>9</UID><IsBaseCalendar>1</IsBaseCalendar></Calendar>",
    "&lt;",
    "&amp;",
    "&bogus;",
    "&#0;",
    "&#x10FFFF;",
    "<![CDATA[x]]>",
    "<!DOCTYPE x [<!ENTITY a \"aaaaaaaa\">]>",
    "<?xml version=\"1.0\"?>",
    "<UID>",
    "</UID>",
    "<ConstraintType>7</ConstraintType><ConstraintDate>0001-01-01T00:00:00</ConstraintDate>",
];
const RON: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "Some(",
    "None",
    "id: 1",
    "r#\"",
    "\\u{0}",
    "tasks: [",
    "links: [(predecessor: 1, successor: 1)]",
    "ElapsedDays",
    "PercentOfPredecessor(",
    "true",
    "false",
    "'",
    "//",
    "/*",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Loader {
    Ron,
    Mspdi,
}

impl Loader {
    fn name(self) -> &'static str {
        match self {
            Loader::Ron => "ron",
            Loader::Mspdi => "mspdi",
        }
    }

    fn tokens(self) -> &'static [&'static str] {
        match self {
            Loader::Ron => RON,
            Loader::Mspdi => XML,
        }
    }

    fn file_name(self) -> &'static str {
        match self {
            Loader::Ron => "fuzz.pilote.ron",
            Loader::Mspdi => "fuzz.xml",
        }
    }
}

struct Options {
    loader: Loader,
    seconds: u64,
    out: PathBuf,
    seeds: Vec<PathBuf>,
    seed: u64,
    slow_ms: u128,
    max_mb: u64,
}

fn parse_args() -> Result<Options, String> {
    let mut args = std::env::args().skip(1);
    let mut options = Options {
        loader: Loader::Ron,
        seconds: 60,
        out: PathBuf::from("target/fuzz"),
        seeds: Vec::new(),
        seed: 1,
        slow_ms: 1000,
        max_mb: 1024,
    };
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--loader" => {
                options.loader = match value()?.as_str() {
                    "ron" => Loader::Ron,
                    "mspdi" => Loader::Mspdi,
                    other => return Err(format!("unknown loader {other} (ron, mspdi)")),
                };
            }
            "--seconds" => options.seconds = value()?.parse().map_err(|e| format!("{e}"))?,
            "--seed" => options.seed = value()?.parse().map_err(|e| format!("{e}"))?,
            "--slow-ms" => options.slow_ms = value()?.parse().map_err(|e| format!("{e}"))?,
            "--max-mb" => options.max_mb = value()?.parse().map_err(|e| format!("{e}"))?,
            "--out" => options.out = PathBuf::from(value()?),
            other => options.seeds.push(PathBuf::from(other)),
        }
    }
    Ok(options)
}

/// Seed files: each path, or the files of each folder, of the loader's kind and at most
/// 300 kB (the fuzzer mutates small inputs many times rather than big ones rarely).
fn seeds(paths: &[PathBuf], loader: Loader) -> Vec<Vec<u8>> {
    let wanted = |p: &Path| {
        let name = p.to_string_lossy();
        match loader {
            Loader::Ron => name.ends_with(".ron"),
            Loader::Mspdi => name.ends_with(".xml"),
        }
    };
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            if let Ok(entries) = std::fs::read_dir(path) {
                let mut found: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
                found.sort();
                files.extend(found.into_iter().filter(|p| p.is_file() && wanted(p)));
            }
        } else if path.is_file() {
            files.push(path.clone());
        }
    }
    files
        .iter()
        .filter_map(|f| std::fs::read(f).ok())
        .filter(|bytes| bytes.len() <= 300_000)
        .collect()
}

fn mutate(input: &[u8], pool: &[Vec<u8>], loader: Loader, rng: &mut Rng) -> Vec<u8> {
    let mut out = input.to_vec();
    let rounds = 1 + rng.below(6);
    for _ in 0..rounds {
        let len = out.len().max(1);
        let at = rng.below(len);
        match rng.below(9) {
            0 => {
                if let Some(b) = out.get_mut(at) {
                    *b ^= 1 << rng.below(8);
                }
            }
            1 => {
                let end = (at + 1 + rng.below(64)).min(out.len());
                if at < end {
                    out.drain(at..end);
                }
            }
            2 => {
                let end = (at + 1 + rng.below(256)).min(out.len());
                if at < end {
                    let copy = out[at..end].to_vec();
                    let to = rng.below(out.len() + 1);
                    out.splice(to..to, copy);
                }
            }
            3 => insert(&mut out, at, pick(loader.tokens(), rng).as_bytes()),
            4 => insert(&mut out, at, pick(DATES, rng).as_bytes()),
            5 => replace_number(&mut out, at, pick(NUMBERS, rng)),
            6 => {
                let other = &pool[rng.below(pool.len())];
                if !other.is_empty() {
                    let from = rng.below(other.len());
                    let end = (from + 1 + rng.below(512)).min(other.len());
                    let to = rng.below(out.len() + 1);
                    out.splice(to..to, other[from..end].iter().copied());
                }
            }
            7 => {
                // Deep nesting, the stack's enemy.
                let open: &[u8] = if loader == Loader::Mspdi {
                    b"<a>"
                } else {
                    b"("
                };
                let depth = 1 << (4 + rng.below(14));
                insert(&mut out, at, &open.repeat(depth));
            }
            _ => {
                if let Some(b) = out.get_mut(at) {
                    *b = rng.below(256) as u8;
                }
            }
        }
    }
    out
}

fn pick<'a>(list: &[&'a str], rng: &mut Rng) -> &'a str {
    list[rng.below(list.len())]
}

fn insert(out: &mut Vec<u8>, at: usize, bytes: &[u8]) {
    let at = at.min(out.len());
    out.splice(at..at, bytes.iter().copied());
}

/// Replaces the run of digits at or after `at` with `number`.
fn replace_number(out: &mut Vec<u8>, at: usize, number: &str) {
    let Some(start) = (at..out.len()).find(|&i| out[i].is_ascii_digit()) else {
        return;
    };
    let end = (start..out.len())
        .find(|&i| !(out[i].is_ascii_digit() || out[i] == b'.'))
        .unwrap_or(out.len());
    out.splice(start..end, number.bytes());
}

/// What one input did, as a signature of behaviour; `Err` is a finding.
fn run_one(bytes: &[u8], loader: Loader) -> Result<u64, String> {
    let text = String::from_utf8_lossy(bytes);
    let mut signature = std::hash::DefaultHasher::new();
    match open_text(loader.file_name(), &text) {
        Err(error) => {
            let message: String = error
                .to_string()
                .chars()
                .filter(|c| !c.is_ascii_digit())
                .take(80)
                .collect();
            ("err", message).hash(&mut signature);
        }
        Ok(opened) => {
            let issues = validate(&opened.project);
            match issues.first() {
                Some(issue) => format!("{:?}", issue.kind).hash(&mut signature),
                None => "valid".hash(&mut signature),
            }
            match schedule(&opened.project) {
                Ok(s) => ("scheduled", s.tasks.len().min(4), s.conflicts.len().min(4))
                    .hash(&mut signature),
                Err(error) => ("unscheduled", error.to_string().len() / 16).hash(&mut signature),
            }
            if issues.is_empty() && loader == Loader::Ron {
                let saved = document::to_text(&opened.project).map_err(|e| format!("save: {e}"))?;
                let back = document::parse(&saved, "saved").map_err(|e| format!("reload: {e}"))?;
                if back != opened.project {
                    return Err("saved then loaded, the document is not the same".to_owned());
                }
            }
        }
    }
    Ok(signature.finish())
}

fn peak_rss_mb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}

fn keep(out: &Path, kind: &str, loader: Loader, bytes: &[u8], why: &str) {
    let mut hasher = std::hash::DefaultHasher::new();
    bytes.hash(&mut hasher);
    let name = format!("{kind}-{}-{:016x}", loader.name(), hasher.finish());
    let _ = std::fs::write(out.join(&name), bytes);
    let _ = std::fs::write(out.join(format!("{name}.why")), why);
    eprintln!("FINDING {kind}: {why} (kept as {name})");
}

/// An input still running after 10 s is a hang: the process ends and the input stays in
/// `current`. Returns where the loop says when its input started (`u64::MAX`: none running).
fn watchdog(began: Instant) -> Arc<AtomicU64> {
    let started_ms = Arc::new(AtomicU64::new(u64::MAX));
    let watched = Arc::clone(&started_ms);
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_millis(500));
            let start = watched.load(Ordering::Relaxed);
            let now = began.elapsed().as_millis() as u64;
            if start != u64::MAX && now.saturating_sub(start) > 10_000 {
                eprintln!("FINDING hang: an input ran over 10 s (kept in current)");
                std::process::exit(3);
            }
        }
    });
    started_ms
}

fn panic_text(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_owned())
}

fn main() -> std::process::ExitCode {
    let options = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("fuzz: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    let loader = options.loader;
    let mut pool = seeds(&options.seeds, loader);
    if pool.is_empty() {
        eprintln!("fuzz: no {} seed among the paths given", loader.name());
        return std::process::ExitCode::from(2);
    }
    let _ = std::fs::create_dir_all(&options.out);
    // Panics are findings, reported here; the default hook would print each one.
    std::panic::set_hook(Box::new(|_| {}));
    let current_path = options.out.join(format!("current-{}", loader.name()));
    let Ok(mut current) = std::fs::File::create(&current_path) else {
        eprintln!("fuzz: cannot write {}", current_path.display());
        return std::process::ExitCode::from(2);
    };
    let began = Instant::now();
    let started_ms = watchdog(began);
    let mut rng = Rng::seeded(options.seed);
    let mut seen: HashSet<u64> = HashSet::new();
    let (mut execs, mut findings) = (0_u64, 0_u64);
    let deadline = Duration::from_secs(options.seconds);
    let mut slowest_ms = 0_u128;
    while began.elapsed() < deadline {
        let input = if execs < pool.len() as u64 {
            pool[execs as usize].clone()
        } else {
            let parent = &pool[rng.below(pool.len())];
            mutate(parent, &pool, loader, &mut rng)
        };
        let _ = current.rewind();
        let _ = current.set_len(0);
        let _ = current.write_all(&input);
        let start = Instant::now();
        started_ms.store(began.elapsed().as_millis() as u64, Ordering::Relaxed);
        let result = catch_unwind(AssertUnwindSafe(|| run_one(&input, loader)));
        started_ms.store(u64::MAX, Ordering::Relaxed);
        let took = start.elapsed().as_millis();
        slowest_ms = slowest_ms.max(took);
        execs += 1;
        match result {
            Err(panic) => {
                keep(&options.out, "panic", loader, &input, &panic_text(&*panic));
                findings += 1;
            }
            Ok(Err(why)) => {
                keep(&options.out, "wrong", loader, &input, &why);
                findings += 1;
            }
            Ok(Ok(signature)) => {
                if seen.insert(signature) && pool.len() < 4000 {
                    pool.push(input.clone());
                }
            }
        }
        if took > options.slow_ms {
            keep(&options.out, "slow", loader, &input, &format!("{took} ms"));
            findings += 1;
        }
        if execs % 256 == 0
            && let Some(mb) = peak_rss_mb()
            && mb > options.max_mb
        {
            keep(
                &options.out,
                "memory",
                loader,
                &input,
                &format!("peak {mb} MB"),
            );
            findings += 1;
            break;
        }
    }
    let seconds = began.elapsed().as_secs_f64();
    println!(
        "loader={} execs={execs} execs_per_s={:.0} behaviours={} pool={} slowest_ms={slowest_ms} peak_mb={} findings={findings}",
        loader.name(),
        execs as f64 / seconds,
        seen.len(),
        pool.len(),
        peak_rss_mb().unwrap_or(0),
    );
    let _ = std::fs::remove_file(&current_path);
    if findings == 0 {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::from(1)
    }
}
