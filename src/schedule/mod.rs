//! Pure computation on a `&Project`: working-time calendars, the critical-path scheduler,
//! resource load and leveling, cost and earned value. Takes "today" and the status date as
//! parameters; never draws and never reads the clock.

pub mod as_of;
pub mod assign;
pub mod baseline;
pub mod calendar;
mod calendar_days;
pub mod cost;
pub mod cpm;
pub mod earned_value;
pub mod kpi;
pub mod leveling;
pub mod load;
pub mod progress;
pub mod quality;
pub mod rcpsp;
pub mod risk;
pub mod trace;
