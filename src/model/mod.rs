//! The document model: plain data with serde, typed ids, no computation beyond the outline.

pub mod calendar;
pub mod cost;
pub mod deliverable;
pub mod estimate;
pub mod ids;
pub mod meeting;
pub mod merge;
pub mod outline;
pub mod project;
pub mod resource;
pub mod risk;
pub mod spec;
pub mod task;
pub mod testing;
pub mod validate;

pub use calendar::*;
pub use cost::*;
pub use deliverable::*;
pub use estimate::*;
pub use ids::*;
pub use meeting::*;
pub use merge::*;
pub use project::*;
pub use resource::*;
pub use risk::*;
pub use spec::*;
pub use task::*;
pub use testing::*;
