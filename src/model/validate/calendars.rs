//! The calendars: their bases exist and do not loop back, a calendar with no base says what
//! every weekday is, exceptions end after they start.

use std::collections::{HashMap, HashSet};

use super::{Checker, Ids, IssueKind, ItemPath};
use crate::i18n::T;
use crate::model::DayRule;
use crate::model::project::Project;

/// Each calendar: its base and the chain of bases, its week, its exceptions.
pub(super) fn check_calendars(c: &mut Checker, p: &Project, ids: &Ids) {
    let lang = c.lang;
    let base_of: HashMap<u32, Option<u32>> = p
        .calendars
        .iter()
        .map(|cal| (cal.id.0, cal.base.map(|b| b.0)))
        .collect();
    for (i, cal) in p.calendars.iter().enumerate() {
        let at = ItemPath::item("calendars", i);
        let what = T::VwCalendar.fill(lang, &[("name", &cal.name)]);
        c.optional_reference(
            &ids.calendars,
            cal.base,
            at.field("base"),
            &what,
            T::VtCalendar,
        );
        // Follow the chain of bases: reaching this calendar again is a cycle.
        let mut seen = HashSet::from([cal.id.0]);
        let mut next = cal.base.map(|b| b.0);
        while let Some(id) = next {
            if !seen.insert(id) {
                if id == cal.id.0 {
                    c.push(
                        IssueKind::Cycle,
                        at.field("base"),
                        T::VDerivedFromItself.fill(lang, &[("what", &what)]),
                    );
                }
                break;
            }
            next = base_of.get(&id).copied().flatten();
        }
        if cal.base.is_none() {
            let inherits = [
                &cal.week.monday,
                &cal.week.tuesday,
                &cal.week.wednesday,
                &cal.week.thursday,
                &cal.week.friday,
                &cal.week.saturday,
                &cal.week.sunday,
            ]
            .iter()
            .any(|d| **d == DayRule::Inherit);
            c.range(!inherits, at.field("week"), || {
                T::VInheritWithoutBase.fill(lang, &[("what", &what)])
            });
        }
        for (k, ex) in cal.exceptions.iter().enumerate() {
            c.range(ex.to >= ex.from, at.field("exceptions").index(k), || {
                T::VExceptionOrder.fill(lang, &[("what", &what), ("name", &ex.name)])
            });
        }
    }
}
