//! The tasks and the links between them: the outline, the values of each task, each link's
//! ends, and the dependency network free of cycles.

use std::collections::{HashMap, HashSet};

use super::{Checker, Ids, IssueKind, ItemPath};
use crate::i18n::T;
use crate::model::Lag;
use crate::model::ids::TaskId;
use crate::model::outline;
use crate::model::project::Project;

/// Each task, in plan order: its outline level after the previous one, its calendar, its
/// values in range.
pub(super) fn check_tasks(c: &mut Checker, p: &Project, ids: &Ids) {
    let lang = c.lang;
    let mut previous_level = 0u8;
    for (i, t) in p.tasks.iter().enumerate() {
        let at = ItemPath::item("tasks", i);
        let what = T::VwTask.fill(lang, &[("id", &t.id.to_string()), ("name", &t.name)]);
        if t.outline_level == 0 || t.outline_level > previous_level.saturating_add(1) {
            c.push(
                IssueKind::Outline,
                at.field("outline_level"),
                T::VOutline.fill(
                    lang,
                    &[
                        ("what", &what),
                        ("level", &t.outline_level.to_string()),
                        ("previous", &previous_level.to_string()),
                    ],
                ),
            );
        }
        previous_level = t.outline_level;
        c.optional_reference(
            &ids.calendars,
            t.calendar,
            at.field("calendar"),
            &what,
            T::VtCalendar,
        );
        c.range(
            t.percent_complete <= 100,
            at.field("percent_complete"),
            || {
                T::VPercent.fill(
                    lang,
                    &[("what", &what), ("value", &t.percent_complete.to_string())],
                )
            },
        );
        c.range(t.priority <= 1000, at.field("priority"), || {
            T::VPriority.fill(lang, &[("what", &what), ("value", &t.priority.to_string())])
        });
        c.range(t.duration.amount >= 0.0, at.field("duration"), || {
            T::VNegativeDuration.fill(lang, &[("what", &what)])
        });
        for (field, d) in [
            ("duration", t.duration),
            ("leveling_delay", t.leveling_delay),
        ] {
            within_limit(c, p, at.field(field), &what, d);
        }
        let dates = [
            ("start", Some(t.start.date())),
            ("finish", Some(t.finish.date())),
            ("constraint", t.constraint.pin().map(|(d, _)| d.date())),
            ("deadline", t.deadline),
            ("actual_start", t.actual_start.map(|d| d.date())),
            ("actual_finish", t.actual_finish.map(|d| d.date())),
        ];
        for (field, date) in dates {
            if let Some(date) = date {
                within_years(c, at.field(field), &what, date);
            }
        }
        c.range(t.finish >= t.start, at.field("finish"), || {
            T::VFinishesBeforeStart.fill(lang, &[("what", &what)])
        });
    }
}

/// A link's lag: a number, and within the model's limit.
fn check_lag(c: &mut Checker, p: &Project, at: &ItemPath, what: &str, lag: Lag) {
    let lang = c.lang;
    let lag_amount = match lag {
        Lag::None => 0.0,
        Lag::Time(d) => d.amount,
        Lag::PercentOfPredecessor(pct) => pct,
    };
    c.range(lag_amount.is_finite(), at.field("lag"), || {
        T::VLagNaN.fill(lang, &[("what", what)])
    });
    match lag {
        Lag::Time(d) if lag_amount.is_finite() => within_limit(c, p, at.field("lag"), what, d),
        // A percentage of the predecessor's duration: ±10,000 % is already absurd.
        Lag::PercentOfPredecessor(pct) if pct.is_finite() && pct.abs() > 10_000.0 => {
            c.range(false, at.field("lag"), || {
                T::VBeyondLimit.fill(
                    lang,
                    &[
                        ("what", what),
                        ("value", &format!("{} %", compact(pct))),
                        ("limit", "10000 %"),
                    ],
                )
            });
        }
        _ => {}
    }
}

/// The years a plan's dates may lie in (MS Project's own span is 1984–2149): a date of year 1
/// is a typing slip, and scheduling against it walks two thousand years of days.
pub(super) const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// A date within [`YEARS`].
pub(super) fn within_years(c: &mut Checker, at: ItemPath, what: &str, date: chrono::NaiveDate) {
    let lang = c.lang;
    let year = chrono::Datelike::year(&date);
    c.range(YEARS.contains(&year), at, || {
        T::VBeyondLimit.fill(
            lang,
            &[
                ("what", what),
                ("value", &date.to_string()),
                (
                    "limit",
                    &format!("years {} to {}", YEARS.start(), YEARS.end()),
                ),
            ],
        )
    });
}

/// A number as a message shows it: 1e308 rather than three hundred digits.
fn compact(value: f64) -> String {
    if value.abs() >= 1e9 {
        format!("{value:e}")
    } else {
        value.to_string()
    }
}

/// A duration, lag or delay within the model's limit (200 years), and a number at all.
fn within_limit(c: &mut Checker, p: &Project, at: ItemPath, what: &str, d: crate::model::Duration) {
    let minutes = d.amount * p.settings.minutes_per(d.unit);
    let lang = c.lang;
    c.range(
        minutes.is_finite() && minutes.abs() <= crate::model::MAX_DURATION_MINUTES,
        at,
        || {
            T::VBeyondLimit.fill(
                lang,
                &[
                    ("what", what),
                    ("value", &format!("{} {:?}", compact(d.amount), d.unit)),
                    ("limit", "200 years"),
                ],
            )
        },
    );
}

/// Each link: its ends, not to itself, not twice, not between a summary and its own subtask,
/// a finite lag; then every dependency cycle, at one of its links.
pub(super) fn check_links(c: &mut Checker, p: &Project, ids: &Ids) {
    let lang = c.lang;
    let positions = outline::positions(&p.tasks);
    let mut seen = HashSet::new();
    let mut successors: HashMap<TaskId, Vec<TaskId>> = HashMap::new();
    for (i, link) in p.links.iter().enumerate() {
        let at = ItemPath::item("links", i);
        let what = T::VwLink.fill(
            lang,
            &[
                ("from", &link.predecessor.to_string()),
                ("to", &link.successor.to_string()),
            ],
        );
        c.reference(
            &ids.tasks,
            link.predecessor,
            at.field("predecessor"),
            &what,
            T::VtTask,
        );
        c.reference(
            &ids.tasks,
            link.successor,
            at.field("successor"),
            &what,
            T::VtTask,
        );
        if link.predecessor == link.successor {
            c.push(
                IssueKind::Link,
                at.clone(),
                T::VSelfLink.fill(lang, &[("id", &link.predecessor.to_string())]),
            );
            continue;
        }
        if !seen.insert((link.predecessor, link.successor)) {
            c.push(
                IssueKind::Link,
                at.clone(),
                T::VDuplicateLink.fill(lang, &[("what", &what)]),
            );
        }
        if let (Some(&a), Some(&b)) = (
            positions.get(&link.predecessor),
            positions.get(&link.successor),
        ) && (outline::is_ancestor(&p.tasks, a, b) || outline::is_ancestor(&p.tasks, b, a))
        {
            c.push(
                IssueKind::Link,
                at.clone(),
                T::VSummaryLink.fill(lang, &[("what", &what)]),
            );
        }
        check_lag(c, p, &at, &what, link.lag);
        successors
            .entry(link.predecessor)
            .or_default()
            .push(link.successor);
    }
    for cycle in find_cycles(
        &p.tasks.iter().map(|t| t.id).collect::<Vec<_>>(),
        &successors,
    ) {
        let names: Vec<String> = cycle
            .iter()
            .map(|id| {
                positions.get(id).map_or_else(
                    || id.to_string(),
                    |&i| format!("{} \"{}\"", id, p.tasks[i].name),
                )
            })
            .collect();
        let first = cycle.first().copied();
        let index = p
            .links
            .iter()
            .position(|l| Some(l.predecessor) == first && cycle.contains(&l.successor))
            .unwrap_or(0);
        c.push(
            IssueKind::Cycle,
            ItemPath::item("links", index),
            T::VDependencyCycle.fill(lang, &[("tasks", &names.join(" → "))]),
        );
    }
}

/// The cycles of a directed graph, one per strongly connected component with more than one
/// node, each listed in link order (Tarjan's algorithm, iterative so deep plans cannot overflow
/// the stack).
pub fn find_cycles(
    nodes: &[TaskId],
    successors: &HashMap<TaskId, Vec<TaskId>>,
) -> Vec<Vec<TaskId>> {
    let empty = Vec::new();
    let mut index_of: HashMap<TaskId, usize> = HashMap::new();
    let mut low: HashMap<TaskId, usize> = HashMap::new();
    let mut on_stack: HashSet<TaskId> = HashSet::new();
    let mut stack: Vec<TaskId> = Vec::new();
    let mut components = Vec::new();
    let mut counter = 0usize;
    for &root in nodes {
        if index_of.contains_key(&root) {
            continue;
        }
        let mut work: Vec<(TaskId, usize)> = vec![(root, 0)];
        while let Some((node, child)) = work.pop() {
            if child == 0 {
                index_of.insert(node, counter);
                low.insert(node, counter);
                counter += 1;
                stack.push(node);
                on_stack.insert(node);
            }
            let succ = successors.get(&node).unwrap_or(&empty);
            if let Some(&next) = succ.get(child) {
                work.push((node, child + 1));
                if !index_of.contains_key(&next) {
                    work.push((next, 0));
                } else if on_stack.contains(&next) {
                    let l = low[&node].min(index_of[&next]);
                    low.insert(node, l);
                }
                continue;
            }
            if low[&node] == index_of[&node] {
                let mut component = Vec::new();
                while let Some(top) = stack.pop() {
                    on_stack.remove(&top);
                    component.push(top);
                    if top == node {
                        break;
                    }
                }
                if component.len() > 1 {
                    component.reverse();
                    components.push(order_cycle(&component, successors));
                }
            }
            if let Some(&(parent, _)) = work.last() {
                let l = low[&parent].min(low[&node]);
                low.insert(parent, l);
            }
        }
    }
    components
}

/// Walks a strongly connected component along its links from its first node so that the
/// names read as the cycle itself ("A → B → C").
fn order_cycle(component: &[TaskId], successors: &HashMap<TaskId, Vec<TaskId>>) -> Vec<TaskId> {
    let members: HashSet<TaskId> = component.iter().copied().collect();
    let mut ordered = vec![component[0]];
    let mut visited = HashSet::from([component[0]]);
    while let Some(&last) = ordered.last() {
        let next = successors.get(&last).and_then(|s| {
            s.iter()
                .find(|n| members.contains(n) && !visited.contains(n))
        });
        match next {
            Some(&n) => {
                visited.insert(n);
                ordered.push(n);
            }
            None => break,
        }
    }
    ordered
}
