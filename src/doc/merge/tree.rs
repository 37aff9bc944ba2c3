//! Three-way merge and difference of two documents as JSON trees: objects field by field,
//! lists of items by identity (their `id`, or predecessor and successor for a link), lists of
//! plain values as sets, and anything else as one value. Working on the serialised tree keeps
//! the merge complete as the model grows: a new field or collection merges without new code.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

/// A value changed differently on the two sides, at `path` (keys, and `@id` for an item).
#[derive(Clone, Debug, PartialEq)]
pub struct Clash {
    pub path: Vec<String>,
    pub base: Option<Value>,
    pub ours: Option<Value>,
    pub theirs: Option<Value>,
}

/// A value that differs between two documents.
#[derive(Clone, Debug, PartialEq)]
pub struct Difference {
    pub path: Vec<String>,
    pub old: Option<Value>,
    pub new: Option<Value>,
}

/// The step of a path that names the item of a list with identity `key`.
pub fn item_step(key: &str) -> String {
    format!("@{key}")
}

/// An item's identity within its list, if it has one.
pub fn identity(value: &Value) -> Option<String> {
    let object = value.as_object()?;
    if let Some(id) = object.get("id") {
        return scalar(id);
    }
    match (object.get("predecessor"), object.get("successor")) {
        (Some(from), Some(to)) => Some(format!("{}>{}", scalar(from)?, scalar(to)?)),
        _ => None,
    }
}

fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::Number(n) => Some(n.to_string()),
        Value::String(s) => Some(s.clone()),
        _ => None,
    }
}

/// The items of a list by identity, in order; `None` unless every item has a distinct one.
fn keyed(items: &[Value]) -> Option<Vec<(String, &Value)>> {
    let mut seen = HashSet::with_capacity(items.len());
    items
        .iter()
        .map(|item| {
            let key = identity(item)?;
            seen.insert(key.clone()).then_some((key, item))
        })
        .collect()
}

/// A list of plain values without repeats, which merges as a set.
fn plain_set(items: &[Value]) -> bool {
    let mut seen = HashSet::with_capacity(items.len());
    items
        .iter()
        .all(|v| !v.is_object() && !v.is_array() && seen.insert(v.to_string()))
}

const EMPTY: &[Value] = &[];

/// Merges the three versions of one value; `None` when the merged value is absent.
pub fn merge(
    path: &mut Vec<String>,
    base: Option<&Value>,
    ours: Option<&Value>,
    theirs: Option<&Value>,
    clashes: &mut Vec<Clash>,
) -> Option<Value> {
    if ours == theirs || base == theirs {
        return ours.cloned();
    }
    if base == ours {
        return theirs.cloned();
    }
    match (base, ours, theirs) {
        (None | Some(Value::Object(_)), Some(Value::Object(o)), Some(Value::Object(t))) => {
            let b = base.and_then(Value::as_object);
            Some(Value::Object(merge_objects(path, b, o, t, clashes)))
        }
        (None | Some(Value::Array(_)), Some(Value::Array(o)), Some(Value::Array(t))) => {
            let b = base.and_then(Value::as_array).map_or(EMPTY, Vec::as_slice);
            if let (Some(bk), Some(ok), Some(tk)) = (keyed(b), keyed(o), keyed(t)) {
                return Some(Value::Array(merge_keyed(path, &bk, &ok, &tk, clashes)));
            }
            if plain_set(b) && plain_set(o) && plain_set(t) {
                return Some(Value::Array(merge_sets(b, o, t)));
            }
            clash(path, base, ours, theirs, clashes)
        }
        _ => clash(path, base, ours, theirs, clashes),
    }
}

/// Records a clash and keeps ours.
fn clash(
    path: &[String],
    base: Option<&Value>,
    ours: Option<&Value>,
    theirs: Option<&Value>,
    clashes: &mut Vec<Clash>,
) -> Option<Value> {
    clashes.push(Clash {
        path: path.to_vec(),
        base: base.cloned(),
        ours: ours.cloned(),
        theirs: theirs.cloned(),
    });
    ours.cloned()
}

fn merge_objects(
    path: &mut Vec<String>,
    base: Option<&Map<String, Value>>,
    ours: &Map<String, Value>,
    theirs: &Map<String, Value>,
    clashes: &mut Vec<Clash>,
) -> Map<String, Value> {
    let mut out = Map::new();
    let theirs_only = theirs.keys().filter(|k| !ours.contains_key(*k));
    for key in ours.keys().chain(theirs_only) {
        path.push(key.clone());
        let merged = merge(
            path,
            base.and_then(|b| b.get(key)),
            ours.get(key),
            theirs.get(key),
            clashes,
        );
        path.pop();
        if let Some(value) = merged {
            out.insert(key.clone(), value);
        }
    }
    out
}

/// Whether the items both lists hold come in the same order in each.
fn same_order(a: &[(String, &Value)], b: &[(String, &Value)]) -> bool {
    let in_b: HashSet<&str> = b.iter().map(|(k, _)| k.as_str()).collect();
    let in_a: HashSet<&str> = a.iter().map(|(k, _)| k.as_str()).collect();
    a.iter()
        .map(|(k, _)| k.as_str())
        .filter(|k| in_b.contains(k))
        .eq(b
            .iter()
            .map(|(k, _)| k.as_str())
            .filter(|k| in_a.contains(k)))
}

/// Items merge one by one. The order is ours, unless only theirs reordered the list (rows
/// moved in the plan): then theirs. An item only the other side has goes after the item it
/// follows there (at the start when none of those is kept).
fn merge_keyed(
    path: &mut Vec<String>,
    base: &[(String, &Value)],
    ours: &[(String, &Value)],
    theirs: &[(String, &Value)],
    clashes: &mut Vec<Clash>,
) -> Vec<Value> {
    let theirs_lead = same_order(base, ours) && !same_order(base, theirs);
    let (lead, follow) = if theirs_lead {
        (theirs, ours)
    } else {
        (ours, theirs)
    };
    let base: HashMap<&str, &Value> = base.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let in_follow: HashMap<&str, &Value> = follow.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let in_lead: HashSet<&str> = lead.iter().map(|(k, _)| k.as_str()).collect();
    // Ours and theirs in their places, whichever leads the order.
    let mut one =
        |path: &mut Vec<String>, key: &str, led: Option<&Value>, followed: Option<&Value>| {
            path.push(item_step(key));
            let b = base.get(key).copied();
            let merged = if theirs_lead {
                merge(path, b, followed, led, clashes)
            } else {
                merge(path, b, led, followed, clashes)
            };
            path.pop();
            merged
        };
    let mut kept: Vec<(&str, Value)> = Vec::with_capacity(lead.len());
    for (key, value) in lead {
        if let Some(value) = one(path, key, Some(value), in_follow.get(key.as_str()).copied()) {
            kept.push((key, value));
        }
    }
    let kept_keys: HashSet<&str> = kept.iter().map(|(k, _)| *k).collect();
    // Items only the other side has, by the kept item they follow (`None`: the start).
    let mut after: HashMap<Option<&str>, Vec<Value>> = HashMap::new();
    let mut anchor: Option<&str> = None;
    for (key, value) in follow {
        if in_lead.contains(key.as_str()) {
            if kept_keys.contains(key.as_str()) {
                anchor = Some(key);
            }
            continue;
        }
        if let Some(value) = one(path, key, None, Some(value)) {
            after.entry(anchor).or_default().push(value);
        }
    }
    let mut out = after.remove(&None).unwrap_or_default();
    for (key, value) in kept {
        out.push(value);
        if let Some(added) = after.remove(&Some(key)) {
            out.extend(added);
        }
    }
    out
}

/// Ours without what theirs removed, then what theirs added.
fn merge_sets(base: &[Value], ours: &[Value], theirs: &[Value]) -> Vec<Value> {
    let mut out: Vec<Value> = ours
        .iter()
        .filter(|v| theirs.contains(v) || !base.contains(v))
        .cloned()
        .collect();
    out.extend(
        theirs
            .iter()
            .filter(|v| !base.contains(v) && !ours.contains(v))
            .cloned(),
    );
    out
}

/// Every difference between `old` and `new`, item by item and field by field.
pub fn differences(
    path: &mut Vec<String>,
    old: Option<&Value>,
    new: Option<&Value>,
    out: &mut Vec<Difference>,
) {
    if old == new {
        return;
    }
    match (old, new) {
        (Some(Value::Object(o)), Some(Value::Object(n))) => {
            let added = n.keys().filter(|k| !o.contains_key(*k));
            for key in o.keys().chain(added) {
                path.push(key.clone());
                differences(path, o.get(key), n.get(key), out);
                path.pop();
            }
        }
        (Some(Value::Array(o)), Some(Value::Array(n))) => {
            let (Some(ok), Some(nk)) = (keyed(o), keyed(n)) else {
                out.push(Difference {
                    path: path.clone(),
                    old: old.cloned(),
                    new: new.cloned(),
                });
                return;
            };
            let in_new: HashMap<&str, &Value> = nk.iter().map(|(k, v)| (k.as_str(), *v)).collect();
            let in_old: HashSet<&str> = ok.iter().map(|(k, _)| k.as_str()).collect();
            for (key, value) in &ok {
                path.push(item_step(key));
                differences(path, Some(value), in_new.get(key.as_str()).copied(), out);
                path.pop();
            }
            for (key, value) in nk.iter().filter(|(k, _)| !in_old.contains(k.as_str())) {
                path.push(item_step(key));
                differences(path, None, Some(value), out);
                path.pop();
            }
        }
        _ => out.push(Difference {
            path: path.clone(),
            old: old.cloned(),
            new: new.cloned(),
        }),
    }
}

/// The value at `path` in `root`, if there is one.
pub fn get<'v>(root: &'v Value, path: &[String]) -> Option<&'v Value> {
    path.iter()
        .try_fold(root, |value, step| match step.strip_prefix('@') {
            Some(key) => value
                .as_array()?
                .iter()
                .find(|item| identity(item).as_deref() == Some(key)),
            None => value.as_object()?.get(step),
        })
}

/// Sets (or with `None` removes) the value at `path`; an item absent from its list is added at
/// the end. False when the path's parent is not in `root`.
pub fn set(root: &mut Value, path: &[String], value: Option<Value>) -> bool {
    let Some((last, parents)) = path.split_last() else {
        if let Some(value) = value {
            *root = value;
        }
        return true;
    };
    let mut at = root;
    for step in parents {
        let next = match step.strip_prefix('@') {
            Some(key) => at.as_array_mut().and_then(|items| {
                items
                    .iter_mut()
                    .find(|item| identity(item).as_deref() == Some(key))
            }),
            None => at.as_object_mut().and_then(|o| o.get_mut(step)),
        };
        let Some(next) = next else {
            return false;
        };
        at = next;
    }
    match (last.strip_prefix('@'), at) {
        (Some(key), Value::Array(items)) => {
            let position = items
                .iter()
                .position(|item| identity(item).as_deref() == Some(key));
            match (position, value) {
                (Some(i), Some(value)) => items[i] = value,
                (Some(i), None) => {
                    items.remove(i);
                }
                (None, Some(value)) => items.push(value),
                (None, None) => {}
            }
            true
        }
        (None, Value::Object(object)) => {
            match value {
                Some(value) => object.insert(last.clone(), value),
                None => object.remove(last),
            };
            true
        }
        _ => false,
    }
}
