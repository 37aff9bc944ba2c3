//! What a three-way merge could not decide: the same field changed both ways. The list is
//! saved with the merged file so that the window can show it and let the user pick per field.

use serde::{Deserialize, Serialize};

/// One field (or item) changed differently in the two merged copies. The merged project holds
/// "ours" until the user picks.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MergeConflict {
    /// The item, as a person names it: `task 12 “Design”`, `link 3 → 7`, `project`.
    pub item: String,
    /// The field within the item, dotted (`duration.amount`); empty for the whole item.
    pub field: String,
    /// Where the value is in the document: keys, and `@id` for an item of a list.
    pub path: Vec<String>,
    /// Each copy's value as compact JSON; `None` where the item is absent (added or deleted).
    #[serde(default)]
    pub base: Option<String>,
    #[serde(default)]
    pub ours: Option<String>,
    #[serde(default)]
    pub theirs: Option<String>,
}
