//! The `Resources` of an MS Project XML file, then its `Assignments`. Rates are stored per
//! hour whatever unit they are shown in; they are brought back to that unit.

use super::{El, assignments};
use crate::model::{
    CalendarId, Origin, Project, Rate, RatePer, Resource, ResourceId, ResourceKind,
};

pub(super) fn read(root: &El, project: &mut Project) {
    if let Some(list) = root.child("Resources") {
        for el in list.all("Resource") {
            let Some(uid) = el.int("UID").and_then(|v| u32::try_from(v).ok()) else {
                continue;
            };
            if uid == 0 || el.flag("IsNull") {
                continue; // MS Project's placeholder resource, or a blank row
            }
            let mut r = Resource::person(ResourceId(uid), el.text_of("Name").unwrap_or_default());
            r.kind = match el.int("Type") {
                Some(0) => ResourceKind::Material,
                Some(2) => ResourceKind::Cost,
                _ => ResourceKind::Person,
            };
            el.text_of("Initials")
                .unwrap_or_default()
                .clone_into(&mut r.initials);
            el.text_of("Group")
                .unwrap_or_default()
                .clone_into(&mut r.team);
            el.text_of("EmailAddress")
                .unwrap_or_default()
                .clone_into(&mut r.email);
            r.max_units = el.float("MaxUnits").unwrap_or(1.0);
            // Rates are per hour in the file, whatever format they are shown in.
            r.standard_rate = rate(el, "StandardRate", project);
            r.overtime_rate = rate(el, "OvertimeRate", project);
            r.cost_per_use = el.float("CostPerUse").unwrap_or(0.0);
            r.calendar = el
                .int("CalendarUID")
                .filter(|c| *c > 0)
                .and_then(|c| u32::try_from(c).ok())
                .map(CalendarId);
            if el.flag("IsEnterprise") {
                r.origin = Origin::Internal;
            }
            el.text_of("MaterialLabel")
                .unwrap_or_default()
                .clone_into(&mut r.material_label);
            el.raw_text_of("Notes")
                .unwrap_or_default()
                .clone_into(&mut r.notes);
            r.available_from = el.datetime("AvailableFrom").map(|d| d.date());
            r.available_to = el.datetime("AvailableTo").map(|d| d.date());
            project.resources.push(r);
        }
    }
    if let Some(list) = root.child("Assignments") {
        assignments::read(list, project);
    }
}

/// The rate `name` (per hour in the file) in the unit of its `…Format` (2 = hour, 3 = day,
/// 4 = week, 5 = month; others are kept per hour).
fn rate(el: &El, name: &str, project: &Project) -> Rate {
    let per_hour = el.float(name).unwrap_or(0.0);
    let settings = &project.settings;
    let per = match el.int(&format!("{name}Format")) {
        Some(3) => RatePer::Day,
        Some(4) => RatePer::Week,
        Some(5) => RatePer::Month,
        _ => RatePer::Hour,
    };
    let hours = match per {
        RatePer::Hour => 1.0,
        RatePer::Day => f64::from(settings.minutes_per_day) / 60.0,
        RatePer::Week => f64::from(settings.minutes_per_week) / 60.0,
        RatePer::Month => {
            f64::from(settings.days_per_month) * f64::from(settings.minutes_per_day) / 60.0
        }
    };
    if hours > 0.0 {
        Rate {
            amount: per_hour * hours,
            per,
        }
    } else {
        Rate {
            amount: per_hour,
            per: RatePer::Hour,
        }
    }
}
