//! Pure computation on a `&Project`: working-time calendars, the critical-path scheduler,
//! resource load and leveling, cost and earned value. Takes "today" and the status date as
//! parameters; never draws and never reads the clock.
//!
//! The scheduler lands with its own issue; until then the task plan shows dates as entered.

pub mod calendar;
pub mod cpm;
