//! MS Project's rules the corpus and the generated plans showed, on small plans worked out by
//! hand (standard calendar: Monday–Friday, 08:00–12:00 and 13:00–17:00; the project starts on
//! Monday 5 January 2026): resource calendars per assignment, the successors of
//! as-late-as-possible tasks, finish links without lag, and what the load makes of them.

#![allow(clippy::unwrap_used, reason = "tests: a panic is the failure report")]

use super::scheduler::{at, dates, link, plan};
use pilote::doc::{Edit, TaskField};
use pilote::model::{
    Assignment, AssignmentId, Calendar, CalendarId, Constraint, DayRule, Duration, LinkKind,
    Project, Resource, ResourceId, TaskId, TaskType,
};
use pilote::schedule::{cpm::schedule, load::load};

/// A part-timer's calendar: the standard week without Thursdays and Fridays.
fn part_time(p: &mut Project) -> CalendarId {
    let mut c = Calendar::standard(CalendarId(7), "Part time");
    c.base = Some(p.settings.calendar);
    c.week.thursday = DayRule::NonWorking;
    c.week.friday = DayRule::NonWorking;
    p.calendars.push(c);
    CalendarId(7)
}

/// Resource `id` (on `calendar`, if any) on task `task` at `units`, working `days` of work.
fn assign(p: &mut Project, id: u32, task: u32, calendar: Option<CalendarId>, days: f64) {
    if !p.resources.iter().any(|r| r.id == ResourceId(id)) {
        let mut r = Resource::person(ResourceId(id), &format!("R{id}"));
        r.calendar = calendar;
        p.resources.push(r);
    }
    p.assignments.push(Assignment::new(
        AssignmentId(p.assignments.len() as u32 + 1),
        (TaskId(task), ResourceId(id)),
        1.0,
        (days * 480.0) as i64,
    ));
}

#[test]
fn each_assignment_works_on_its_resource_s_calendar_and_the_task_ends_with_the_last() {
    let mut p = plan(&[("Build", 1, 4.0), ("Test", 1, 1.0)]);
    link(&mut p, 1, 2, LinkKind::FinishToStart, 0.0);
    let cal = part_time(&mut p);
    assign(&mut p, 1, 1, None, 4.0);
    assign(&mut p, 2, 1, Some(cal), 4.0);
    // The full-timer ends on Thursday; the part-timer works Mon–Wed: 3 days, then Monday.
    assert_eq!(
        dates(&p, 0),
        (at("2026-01-05 08:00"), at("2026-01-12 17:00"))
    );
    assert_eq!(
        dates(&p, 1),
        (at("2026-01-13 08:00"), at("2026-01-13 17:00"))
    );
    // The load counts the full-timer's days Monday to Thursday only.
    let s = schedule(&p).unwrap();
    let l = load(&p, &s);
    let day = |d: u32| (chrono::NaiveDate::from_ymd_opt(2026, 1, d).unwrap() - l.first).num_days();
    let full_timer: f64 = (0..l.days).map(|i| l.load[0][i]).sum();
    assert!((full_timer - 4.0 * 480.0).abs() < 1.0);
    assert!(l.load[0][day(9) as usize] < 1.0, "nothing left for Friday");
    assert!(
        (l.load[1][day(12) as usize] - 480.0).abs() < 1.0,
        "the part-timer's Monday"
    );

    // A fixed-duration task keeps its own calendar; so does one that ignores resource calendars.
    p.tasks[0].task_type = TaskType::FixedDuration;
    assert_eq!(dates(&p, 0).1, at("2026-01-08 17:00"));
    p.tasks[0].task_type = TaskType::FixedUnits;
    p.tasks[0].ignore_resource_calendars = true;
    assert_eq!(dates(&p, 0).1, at("2026-01-08 17:00"));
}

#[test]
fn an_assignment_delayed_by_leveling_finishes_its_task_later() {
    let mut p = plan(&[("Review", 1, 1.0)]);
    assign(&mut p, 1, 1, None, 1.0);
    assign(&mut p, 2, 1, None, 1.0);
    p.assignments[1].delay_minutes = 2 * 480;
    assert_eq!(
        dates(&p, 0),
        (at("2026-01-05 08:00"), at("2026-01-07 17:00"))
    );
}

#[test]
fn a_new_duration_changes_the_work_and_undo_gives_it_back() {
    let mut p = plan(&[("Build", 1, 4.0)]);
    assign(&mut p, 1, 1, None, 4.0);
    let undo = Edit::SetTask {
        id: TaskId(1),
        field: TaskField::Duration(Duration::days(6.0)),
    }
    .apply(&mut p)
    .unwrap();
    assert_eq!(p.assignments[0].work_minutes, 6 * 480);
    assert_eq!(dates(&p, 0).1, at("2026-01-12 17:00"));
    undo.apply(&mut p).unwrap();
    assert_eq!(p.assignments[0].work_minutes, 4 * 480);
    assert_eq!(p.tasks[0].duration, Duration::days(4.0));
}

#[test]
fn the_successor_of_an_as_late_as_possible_task_starts_after_it() {
    let mut p = plan(&[("Long", 1, 5.0), ("Late", 1, 1.0), ("After", 1, 1.0)]);
    p.tasks[1].constraint = Constraint::Alap;
    link(&mut p, 2, 3, LinkKind::FinishToStart, 0.0);
    // "Late" and "After" end with "Long" on Friday: "Late" on Thursday, "After" on Friday.
    assert_eq!(
        dates(&p, 1),
        (at("2026-01-08 08:00"), at("2026-01-08 17:00"))
    );
    assert_eq!(
        dates(&p, 2),
        (at("2026-01-09 08:00"), at("2026-01-09 17:00"))
    );
    let s = schedule(&p).unwrap();
    assert_eq!(
        s.tasks[1].total_slack_minutes, 0,
        "no slack left to an ALAP task"
    );
}

#[test]
fn a_finish_link_without_lag_keeps_the_finish_where_it_puts_it() {
    // Start-to-finish from a task starting on Monday: the successor finishes "Monday 08:00"
    // (MS Project's own dates in the corpus), one working day before, so it starts Friday.
    let mut p = plan(&[("First", 1, 5.0), ("Then", 1, 1.0), ("Before", 1, 1.0)]);
    link(&mut p, 1, 2, LinkKind::FinishToStart, 0.0);
    link(&mut p, 2, 3, LinkKind::StartToFinish, 0.0);
    assert_eq!(
        dates(&p, 2),
        (at("2026-01-09 08:00"), at("2026-01-12 08:00"))
    );
    // With a lag, the finish is the end of the working time the lag reaches: Monday + 1 day
    // is Monday 17:00, not Tuesday 08:00.
    p.links.pop();
    link(&mut p, 2, 3, LinkKind::StartToFinish, 1.0);
    assert_eq!(
        dates(&p, 2),
        (at("2026-01-12 08:00"), at("2026-01-12 17:00"))
    );
}

#[test]
fn a_percent_lag_is_read_as_written_from_ms_project_xml() {
    // As MS Project and MPXJ write it: LinkLag 50 in LagFormat 19 (percent), not in tenths
    // of a minute like time lags.
    let task = |uid: u32, name: &str, link: &str| {
        format!(
            "<Task><UID>{uid}</UID><ID>{uid}</ID><Name>{name}</Name><OutlineLevel>1</OutlineLevel>\
             <Duration>PT32H0M0S</Duration><DurationFormat>7</DurationFormat>{link}</Task>"
        )
    };
    let link = "<PredecessorLink><PredecessorUID>1</PredecessorUID><Type>3</Type>\
                <LinkLag>50</LinkLag><LagFormat>19</LagFormat></PredecessorLink>";
    let xml = format!(
        "<Project xmlns=\"http://schemas.microsoft.com/project\"><StartDate>2026-01-05T08:00:00</StartDate>\
         <Tasks>{}{}</Tasks></Project>",
        task(1, "Specify", ""),
        task(2, "Build", link)
    );
    let imported = pilote::io::mspdi::import(&xml, "percent-lag.xml").unwrap();
    assert_eq!(
        imported.project.links[0].lag,
        pilote::model::Lag::PercentOfPredecessor(50.0)
    );
    // Start-to-start, half of a 4-day task later: the successor starts on Wednesday morning.
    assert_eq!(dates(&imported.project, 1).0, at("2026-01-07 08:00"));
}
