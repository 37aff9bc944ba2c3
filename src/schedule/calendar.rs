//! Working time: which minutes of which days are worked under a calendar, and arithmetic on
//! them (add or subtract a working duration, count working minutes between two instants, find
//! the next working instant). Derived calendars inherit their base's days and exceptions;
//! exceptions may recur. A preset gives French public holidays for any years.
//!
//! Semantics follow MS Project: a duration that ends exactly at the end of a working range
//! finishes there (17:00, not the next morning); a start at the end of a range moves to the
//! start of the next one.

use std::collections::HashMap;

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Weekday};

use crate::model::{
    Calendar, CalendarException, CalendarId, DayRule, Project, Recurrence, TimeRange, WeekOfMonth,
    WorkWeek,
};

/// Minutes since midnight, `start < end <= 1440`.
pub type Minutes = u16;

const DAY_MINUTES: i64 = 24 * 60;

/// Why a calendar cannot be resolved.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    #[error("calendar {0} does not exist")]
    Missing(CalendarId),
    #[error("calendar {0} is derived from itself through its base calendars")]
    Cycle(CalendarId),
}

/// A calendar with its chain of bases resolved: own rules first, then each base's.
///
/// The days of a span of years are computed once into a table with running totals of working
/// minutes, so that counting working time between two dates or adding a long duration costs a
/// binary search rather than a walk over the days.
#[derive(Clone, Debug)]
pub struct WorkCalendar {
    /// Own calendar first, then its base, its base's base…
    chain: Vec<Calendar>,
    /// Per calendar of the chain, its one-off exceptions by day (index into `exceptions`).
    once: Vec<HashMap<NaiveDate, usize>>,
    table: DayTable,
}

#[derive(Clone, Debug, Default)]
struct DayTable {
    /// The date of each slot (turning a slot into a date is hot in the scheduler's passes).
    dates: Vec<NaiveDate>,
    /// The first day tabulated, in days from the common era: a date's slot is a subtraction.
    first_ce: i32,
    /// `ranges[offsets[d]..offsets[d + 1]]` are the working ranges of day `first + d`.
    offsets: Vec<u32>,
    ranges: Vec<(Minutes, Minutes)>,
    /// `cumulative[d]`: working minutes from `first` to the start of day `first + d`.
    cumulative: Vec<i64>,
}

/// Years of days tabulated before and after the reference date. Late dates of a long chain
/// with an early deadline can run years before the project start, so the table reaches back
/// as well as ahead; beyond it the arithmetic walks the days (the same answers, slower). A plan
/// has a table per resource calendar: seventy years of them made a tenth of a gigabyte on a
/// 200-resource plan, and zeroing that memory was most of its scheduling time.
const TABLE_YEARS_BEFORE: u64 = 10;
const TABLE_YEARS_AFTER: u64 = 25;

fn minutes_of(time: NaiveTime) -> Minutes {
    (time.hour() * 60 + time.minute()) as Minutes
}

pub(super) fn ranges_of(ranges: &[TimeRange]) -> Vec<(Minutes, Minutes)> {
    let mut out: Vec<(Minutes, Minutes)> = ranges
        .iter()
        .map(|r| {
            let start = minutes_of(r.start);
            let end = match minutes_of(r.end) {
                0 => DAY_MINUTES as Minutes,
                end => end,
            };
            (start, end)
        })
        .filter(|(s, e)| s < e)
        .collect();
    out.sort_unstable();
    out
}

/// The nth (or last) given weekday of a month.
fn nth_weekday(year: i32, month: u32, week: WeekOfMonth, weekday: Weekday) -> Option<NaiveDate> {
    match week {
        WeekOfMonth::Last => {
            let next = if month == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(year, month + 1, 1)
            }?;
            let mut day = next.pred_opt()?;
            while day.weekday() != weekday {
                day = day.pred_opt()?;
            }
            Some(day)
        }
        _ => {
            let n = match week {
                WeekOfMonth::First => 1,
                WeekOfMonth::Second => 2,
                WeekOfMonth::Third => 3,
                _ => 4,
            };
            NaiveDate::from_weekday_of_month_opt(year, month, weekday, n)
        }
    }
}

fn months_between(from: NaiveDate, date: NaiveDate) -> i64 {
    i64::from(date.year() - from.year()) * 12 + i64::from(date.month()) - i64::from(from.month())
}

/// True when the exception applies on `date`.
pub fn exception_applies(exception: &CalendarException, date: NaiveDate) -> bool {
    if date < exception.from || date > exception.to {
        return false;
    }
    match &exception.recurrence {
        Recurrence::Once => true,
        Recurrence::Daily { every_days } => {
            (date - exception.from).num_days() % i64::from((*every_days).max(1)) == 0
        }
        Recurrence::Weekly { every_weeks, days } => {
            let week_start =
                |d: NaiveDate| d - Days::new(u64::from(d.weekday().num_days_from_monday()));
            let weeks = (week_start(date) - week_start(exception.from)).num_days() / 7;
            days.contains(&date.weekday()) && weeks % i64::from((*every_weeks).max(1)) == 0
        }
        Recurrence::MonthlyOnDay { every_months, day } => {
            date.day() == u32::from(*day)
                && months_between(exception.from, date) % i64::from((*every_months).max(1)) == 0
        }
        Recurrence::MonthlyOnWeekday {
            every_months,
            week,
            weekday,
        } => {
            months_between(exception.from, date) % i64::from((*every_months).max(1)) == 0
                && nth_weekday(date.year(), date.month(), *week, *weekday) == Some(date)
        }
        Recurrence::YearlyOnDate { month, day } => {
            date.month() == u32::from(*month) && date.day() == u32::from(*day)
        }
        Recurrence::YearlyOnWeekday {
            month,
            week,
            weekday,
        } => {
            date.month() == u32::from(*month)
                && nth_weekday(date.year(), date.month(), *week, *weekday) == Some(date)
        }
    }
}

impl WorkCalendar {
    /// Resolves calendar `id` of `project` with its bases, tabulated around the project start.
    pub fn resolve(project: &Project, id: CalendarId) -> Result<Self, CalendarError> {
        let mut chain: Vec<Calendar> = Vec::new();
        let mut next = Some(id);
        while let Some(current) = next {
            if chain.iter().any(|c| c.id == current) {
                return Err(CalendarError::Cycle(id));
            }
            let calendar = project
                .calendars
                .iter()
                .find(|c| c.id == current)
                .ok_or(CalendarError::Missing(current))?;
            chain.push(calendar.clone());
            next = calendar.base;
        }
        Ok(Self::from_chain(chain, project.meta.start))
    }

    /// A calendar from itself and its bases, own first, tabulated around `reference`.
    pub fn from_chain(chain: Vec<Calendar>, reference: NaiveDate) -> Self {
        let once = chain
            .iter()
            .map(|calendar| {
                let mut days = HashMap::new();
                for (k, e) in calendar.exceptions.iter().enumerate() {
                    if e.recurrence != Recurrence::Once {
                        continue;
                    }
                    let mut day = e.from;
                    // Long periods are rare; cap the expansion at a century.
                    for _ in 0..36_600 {
                        if day > e.to {
                            break;
                        }
                        days.entry(day).or_insert(k);
                        match day.succ_opt() {
                            Some(next) => day = next,
                            None => break,
                        }
                    }
                }
                days
            })
            .collect();
        let mut calendar = Self {
            chain,
            once,
            table: DayTable::default(),
        };
        let first = reference
            .checked_sub_days(Days::new(TABLE_YEARS_BEFORE * 366))
            .unwrap_or(reference);
        let days = ((TABLE_YEARS_BEFORE + TABLE_YEARS_AFTER) * 366) as usize;
        let mut table = DayTable {
            dates: Vec::with_capacity(days),
            first_ce: first.num_days_from_ce(),
            offsets: Vec::with_capacity(days + 1),
            ranges: Vec::with_capacity(days * 2),
            cumulative: Vec::with_capacity(days + 1),
        };
        let mut total = 0i64;
        let mut date = first;
        let (lists, of_day) = super::calendar_days::day_lists(&calendar.chain, first, days);
        let minutes: Vec<i64> = lists
            .iter()
            .map(|l| l.iter().map(|&(s, e)| i64::from(e) - i64::from(s)).sum())
            .collect();
        for list in of_day {
            table.offsets.push(table.ranges.len() as u32);
            table.cumulative.push(total);
            table.dates.push(date);
            total += minutes[list as usize];
            table.ranges.extend_from_slice(&lists[list as usize]);
            match date.succ_opt() {
                Some(next) => date = next,
                None => break,
            }
        }
        table.offsets.push(table.ranges.len() as u32);
        table.cumulative.push(total);
        calendar.table = table;
        calendar
    }

    /// Position of `date` in the table, if tabulated.
    fn slot(&self, date: NaiveDate) -> Option<usize> {
        let d = i64::from(date.num_days_from_ce()) - i64::from(self.table.first_ce);
        (d >= 0 && (d as usize) + 1 < self.table.offsets.len()).then_some(d as usize)
    }

    fn slot_ranges(&self, d: usize) -> &[(Minutes, Minutes)] {
        let (a, b) = (
            self.table.offsets[d] as usize,
            self.table.offsets[d + 1] as usize,
        );
        &self.table.ranges[a..b]
    }

    /// Working minutes of day slot `d` before minute `minute` of that day.
    fn worked_before(&self, d: usize, minute: i64) -> i64 {
        self.slot_ranges(d)
            .iter()
            .map(|&(s, e)| (minute.min(i64::from(e)) - i64::from(s)).max(0))
            .sum()
    }

    /// Working minutes from the table's start to `at`, if tabulated.
    fn position(&self, at: NaiveDateTime) -> Option<i64> {
        let d = self.slot(at.date())?;
        let minute = i64::from(at.hour() * 60 + at.minute());
        Some(self.table.cumulative[d] + self.worked_before(d, minute))
    }

    pub(super) fn compute_day(&self, date: NaiveDate) -> Vec<(Minutes, Minutes)> {
        // Exceptions win over work weeks, a calendar's own rules over its base's.
        for (level, calendar) in self.chain.iter().enumerate() {
            if let Some(&k) = self.once.get(level).and_then(|days| days.get(&date)) {
                return ranges_of(&calendar.exceptions[k].ranges);
            }
            if let Some(exception) = calendar
                .exceptions
                .iter()
                .find(|e| e.recurrence != Recurrence::Once && exception_applies(e, date))
            {
                return ranges_of(&exception.ranges);
            }
        }
        for calendar in &self.chain {
            let week: &WorkWeek = calendar
                .work_weeks
                .iter()
                .find(|p| p.from <= date && date <= p.to)
                .map_or(&calendar.week, |p| &p.week);
            match week.day(date.weekday()) {
                DayRule::Inherit => {}
                DayRule::NonWorking => return Vec::new(),
                DayRule::Working(ranges) => return ranges_of(ranges),
            }
        }
        Vec::new()
    }

    /// The working ranges of `date`, in minutes since midnight, sorted.
    pub fn day(&self, date: NaiveDate) -> std::borrow::Cow<'_, [(Minutes, Minutes)]> {
        match self.slot(date) {
            Some(d) => std::borrow::Cow::Borrowed(self.slot_ranges(d)),
            None => std::borrow::Cow::Owned(self.compute_day(date)),
        }
    }

    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        !self.day(date).is_empty()
    }

    /// Working minutes of a whole day.
    pub fn day_minutes(&self, date: NaiveDate) -> i64 {
        self.day(date)
            .iter()
            .map(|(s, e)| i64::from(*e) - i64::from(*s))
            .sum()
    }

    /// Days searched before concluding a calendar has no working time at all.
    const SEARCH_DAYS: u32 = 3660;

    /// The first instant at or after `at` that is inside a working range (an instant at the
    /// end of a range moves to the next range). `None` if nothing is worked within ten years.
    pub fn next_working(&self, at: NaiveDateTime) -> Option<NaiveDateTime> {
        let mut date = at.date();
        let mut minute = at.hour() * 60 + at.minute();
        for _ in 0..Self::SEARCH_DAYS {
            for &(s, e) in self.day(date).iter() {
                if minute < u32::from(e) {
                    let m = minute.max(u32::from(s));
                    return Some(date.and_time(time_of(m)?));
                }
            }
            date = date.succ_opt()?;
            minute = 0;
        }
        None
    }

    /// The last instant at or before `at` that ends working time (an instant at the start of a
    /// range moves to the end of the previous one).
    pub fn previous_working(&self, at: NaiveDateTime) -> Option<NaiveDateTime> {
        let mut date = at.date();
        let mut minute = at.hour() * 60 + at.minute();
        for _ in 0..Self::SEARCH_DAYS {
            for &(s, e) in self.day(date).iter().rev() {
                if minute > u32::from(s) {
                    let m = minute.min(u32::from(e));
                    return Some(at_minute(date, m));
                }
            }
            date = date.pred_opt()?;
            minute = DAY_MINUTES as u32;
        }
        None
    }

    /// The instant `minutes` working minutes after `from` (before it when negative). A forward
    /// result that falls on the end of a range stays there, as MS Project's finish dates do.
    pub fn add_working(&self, from: NaiveDateTime, minutes: i64) -> Option<NaiveDateTime> {
        if minutes == 0 {
            return Some(from);
        }
        if minutes < 0 {
            // i64::MIN has no opposite: nothing lies that far back.
            return self.subtract_working(from, minutes.checked_neg()?);
        }
        if let Some(at) = self.add_fast(from, minutes) {
            return Some(at);
        }
        let mut left = minutes;
        let mut date = from.date();
        let mut minute = i64::from(from.hour() * 60 + from.minute());
        for _ in 0..(Self::SEARCH_DAYS + (minutes / 60) as u32) {
            for &(s, e) in self.day(date).iter() {
                let (s, e) = (i64::from(s), i64::from(e));
                if minute >= e {
                    continue;
                }
                let begin = minute.max(s);
                let available = e - begin;
                if left <= available {
                    return Some(at_minute(date, (begin + left) as u32));
                }
                left -= available;
                minute = e;
            }
            date = date.succ_opt()?;
            minute = 0;
        }
        None
    }

    /// The instant `minutes` working minutes before `from`; a result on the start of a range
    /// stays there.
    pub fn subtract_working(&self, from: NaiveDateTime, minutes: i64) -> Option<NaiveDateTime> {
        if minutes <= 0 {
            return self.add_working(from, minutes.checked_neg()?);
        }
        if let Some(at) = self.subtract_fast(from, minutes) {
            return Some(at);
        }
        let mut left = minutes;
        let mut date = from.date();
        let mut minute = i64::from(from.hour() * 60 + from.minute());
        for _ in 0..(Self::SEARCH_DAYS + (minutes / 60) as u32) {
            for &(s, e) in self.day(date).iter().rev() {
                let (s, e) = (i64::from(s), i64::from(e));
                if minute <= s {
                    continue;
                }
                let end = minute.min(e);
                let available = end - s;
                if left <= available {
                    return Some(at_minute(date, (end - left) as u32));
                }
                left -= available;
                minute = s;
            }
            date = date.pred_opt()?;
            minute = DAY_MINUTES;
        }
        None
    }

    /// The date of day slot `d`.
    fn slot_date(&self, d: usize) -> Option<NaiveDate> {
        self.table.dates.get(d).copied()
    }

    /// The first slot at or after `near` whose running total passes `below` (`c < target`
    /// or `c <= target`): a gallop from the slot the search starts from, as durations are
    /// short beside the table, then a binary search in the bracket found.
    fn gallop(&self, near: usize, below: impl Fn(i64) -> bool) -> usize {
        let cumulative = &self.table.cumulative;
        let len = cumulative.len();
        let near = near.min(len);
        if near > 0 && !below(cumulative[near - 1]) {
            return cumulative[..near].partition_point(|&c| below(c));
        }
        let (mut lo, mut step) = (near, 1usize);
        loop {
            let hi = (lo + step).min(len);
            if hi == len || !below(cumulative[hi]) {
                return lo + cumulative[lo..hi].partition_point(|&c| below(c));
            }
            lo = hi;
            step *= 2;
        }
    }

    /// `add_working` through the table: the day where the running total is reached.
    fn add_fast(&self, from: NaiveDateTime, minutes: i64) -> Option<NaiveDateTime> {
        let start = self.slot(from.date())?;
        let minute = i64::from(from.hour() * 60 + from.minute());
        let target = self.table.cumulative[start] + self.worked_before(start, minute) + minutes;
        let cumulative = &self.table.cumulative;
        let k = self.gallop(start, |c| c < target);
        if k == 0 || k >= cumulative.len() {
            return None;
        }
        let d = k - 1;
        let mut left = target - cumulative[d];
        for &(s, e) in self.slot_ranges(d) {
            let length = i64::from(e) - i64::from(s);
            if left <= length {
                let day = self.slot_date(d)?;
                return Some(at_minute(day, (i64::from(s) + left) as u32));
            }
            left -= length;
        }
        None
    }

    /// `subtract_working` through the table.
    fn subtract_fast(&self, from: NaiveDateTime, minutes: i64) -> Option<NaiveDateTime> {
        let start = self.slot(from.date())?;
        let minute = i64::from(from.hour() * 60 + from.minute());
        let target = self.table.cumulative[start] + self.worked_before(start, minute) - minutes;
        let cumulative = &self.table.cumulative;
        if target < 0 {
            return None;
        }
        // Backwards: the slot is at or before the start's; gallop back from it.
        let (mut hi, mut step) = (start + 1, 1usize);
        let k = loop {
            let lo = hi.saturating_sub(step);
            if lo == 0 || cumulative[lo] <= target {
                break lo + cumulative[lo..hi].partition_point(|&c| c <= target);
            }
            hi = lo;
            step *= 2;
        };
        if k == 0 || k >= cumulative.len() {
            return None;
        }
        let d = k - 1;
        let mut left = target - cumulative[d];
        for &(s, e) in self.slot_ranges(d) {
            let length = i64::from(e) - i64::from(s);
            if left < length {
                let day = self.slot_date(d)?;
                return Some(at_minute(day, (i64::from(s) + left) as u32));
            }
            left -= length;
        }
        None
    }

    /// The working minutes of each day from `from` to `to` (`from <= to`), for the days that
    /// have some, read off the table's running totals where it covers them.
    pub fn minutes_by_day(
        &self,
        from: NaiveDateTime,
        to: NaiveDateTime,
        emit: &mut impl FnMut(NaiveDate, i64),
    ) {
        if let (Some(a), Some(b), Some(pa), Some(pb)) = (
            self.slot(from.date()),
            self.slot(to.date()),
            self.position(from),
            self.position(to),
        ) {
            for d in a..=b {
                let lo = self.table.cumulative[d].max(pa);
                let hi = self.table.cumulative[d + 1].min(pb);
                if hi > lo {
                    emit(self.table.dates[d], hi - lo);
                }
            }
            return;
        }
        let mut day = from.date();
        while day <= to.date() {
            let next = day.succ_opt();
            let lo = from.max(day.and_time(NaiveTime::MIN));
            let hi = next.map_or(to, |n| to.min(n.and_time(NaiveTime::MIN)));
            let minutes = self.working_minutes_between(lo, hi);
            if minutes > 0 {
                emit(day, minutes);
            }
            match next {
                Some(next) => day = next,
                None => break,
            }
        }
    }

    /// Working minutes from `a` to `b`; negative when `b` is before `a`.
    pub fn working_minutes_between(&self, a: NaiveDateTime, b: NaiveDateTime) -> i64 {
        if b < a {
            return -self.working_minutes_between(b, a);
        }
        if let (Some(pa), Some(pb)) = (self.position(a), self.position(b)) {
            return pb - pa;
        }
        let mut total = 0i64;
        let mut date = a.date();
        while date <= b.date() {
            let lo = if date == a.date() {
                i64::from(a.hour() * 60 + a.minute())
            } else {
                0
            };
            let hi = if date == b.date() {
                i64::from(b.hour() * 60 + b.minute())
            } else {
                DAY_MINUTES
            };
            for &(s, e) in self.day(date).iter() {
                let overlap = i64::from(e).min(hi) - i64::from(s).max(lo);
                if overlap > 0 {
                    total += overlap;
                }
            }
            match date.succ_opt() {
                Some(next) => date = next,
                None => break,
            }
        }
        total
    }
}

fn time_of(minute: u32) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(minute / 60, minute % 60, 0)
}

/// `date` at `minute` minutes after midnight; minute 1440 is midnight of the next day.
fn at_minute(date: NaiveDate, minute: u32) -> NaiveDateTime {
    if minute >= DAY_MINUTES as u32 {
        let next = date.succ_opt().unwrap_or(date);
        return next.and_time(NaiveTime::MIN);
    }
    date.and_time(time_of(minute).unwrap_or(NaiveTime::MIN))
}

/// Easter Sunday of `year` (Gregorian calendar; anonymous algorithm, Meeus/Jones/Butcher).
#[allow(
    clippy::many_single_char_names,
    reason = "the published algorithm's names, so it can be checked against the source"
)]
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// French public holidays from `first_year` to `last_year`: the eight fixed ones as yearly
/// recurring exceptions, Easter Monday, Ascension Day and Whit Monday as single days.
pub fn french_public_holidays(first_year: i32, last_year: i32) -> Vec<CalendarException> {
    let (Some(from), Some(to)) = (
        NaiveDate::from_ymd_opt(first_year, 1, 1),
        NaiveDate::from_ymd_opt(last_year, 12, 31),
    ) else {
        return Vec::new();
    };
    let mut out: Vec<CalendarException> = [
        ("Jour de l'an", 1, 1),
        ("Fête du travail", 5, 1),
        ("Victoire 1945", 5, 8),
        ("Fête nationale", 7, 14),
        ("Assomption", 8, 15),
        ("Toussaint", 11, 1),
        ("Armistice 1918", 11, 11),
        ("Noël", 12, 25),
    ]
    .into_iter()
    .map(|(name, month, day)| CalendarException {
        name: name.to_owned(),
        from,
        to,
        recurrence: Recurrence::YearlyOnDate { month, day },
        ranges: Vec::new(),
    })
    .collect();
    for year in first_year..=last_year {
        let Some(easter) = easter_sunday(year) else {
            continue;
        };
        for (name, offset) in [
            ("Lundi de Pâques", 1),
            ("Ascension", 39),
            ("Lundi de Pentecôte", 50),
        ] {
            if let Some(day) = easter.checked_add_days(Days::new(offset)) {
                out.push(CalendarException::holiday(name, day));
            }
        }
    }
    out
}
