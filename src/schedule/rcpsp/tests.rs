use super::*;

/// Three real activities between dummies; resource 0 has capacity 2 and
/// activities 2 and 3 (1-based) cannot run together.
const SMALL: &str = "\
jobs (incl. supersource/sink ):  5
RESOURCES
  - renewable                 :  1   R
  - nonrenewable              :  0   N
  - doubly constrained        :  0   D
PRECEDENCE RELATIONS:
jobnr.    #modes  #successors   successors
   1        1          2           2   3
   2        1          1           4
   3        1          1           5
   4        1          1           5
   5        1          0
************************************************************************
REQUESTS/DURATIONS:
jobnr. mode duration  R 1
------------------------------------------------------------------------
  1      1     0       0
  2      1     3       2
  3      1     2       1
  4      1     1       1
  5      1     0       0
************************************************************************
RESOURCEAVAILABILITIES:
  R 1
    2
************************************************************************
";

fn small() -> Instance {
    parse_psplib_sm(SMALL).unwrap()
}

#[test]
fn parses_small_instance() {
    let inst = small();
    assert_eq!(inst.durations, vec![0, 3, 2, 1, 0]);
    assert_eq!(
        inst.successors,
        vec![vec![1, 2], vec![3], vec![4], vec![4], vec![]]
    );
    assert_eq!(
        inst.demands,
        vec![vec![0], vec![2], vec![1], vec![1], vec![0]]
    );
    assert_eq!(inst.capacities, vec![2]);
}

#[test]
fn solves_small_instance_optimally() {
    let inst = small();
    let sol = solve(&inst, &Options::default()).unwrap();
    check_feasible(&inst, &sol.starts).unwrap();
    assert_eq!(sol.makespan, 5);
}

#[test]
fn parser_reports_line_of_bad_input() {
    let bad = SMALL.replace("  3      1     2       1", "  3      1     x       1");
    let err = parse_psplib_sm(&bad).unwrap_err();
    assert!(err.starts_with("line 19:"), "{err}");
    let bad = SMALL.replace(
        "   2        1          1           4",
        "   2        1          1           9",
    );
    let err = parse_psplib_sm(&bad).unwrap_err();
    assert!(err.starts_with("line 9:") && err.contains('9'), "{err}");
    let truncated = &SMALL[..SMALL.find("RESOURCEAVAILABILITIES").unwrap()];
    assert!(parse_psplib_sm(truncated).is_err());
    assert!(parse_psplib_sm("").is_err());
}

#[test]
fn demand_above_capacity_is_an_error() {
    let mut inst = small();
    inst.demands[1][0] = 3;
    let err = solve(&inst, &Options::default()).unwrap_err();
    assert!(
        err.contains("infeasible") && err.contains("activity 1"),
        "{err}"
    );
}

#[test]
fn cycle_is_an_error() {
    let mut inst = small();
    inst.successors[3].push(1);
    assert!(
        solve(&inst, &Options::default())
            .unwrap_err()
            .contains("cycle")
    );
}

#[test]
fn checker_rejects_violations() {
    let inst = small();
    // Feasible: 1 at 0..3, 2 at 3..5, 3 at 3..4.
    check_feasible(&inst, &[0, 0, 3, 3, 5]).unwrap();
    let err = check_feasible(&inst, &[0, 0, 3, 2, 5]).unwrap_err();
    assert!(
        err.contains("precedence") && err.contains("activity 3"),
        "{err}"
    );
    // 2 alongside 1 needs 3 units at time 0.
    let err = check_feasible(&inst, &[0, 0, 0, 3, 5]).unwrap_err();
    assert!(
        err.contains("capacity") && err.contains("resource 0"),
        "{err}"
    );
}

#[test]
fn solves_j301_1_to_optimum() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/psplib/j30/j301_1.sm"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("skipped: {path} not found");
        return;
    };
    let inst = parse_psplib_sm(&text).unwrap();
    let sol = solve(&inst, &Options::default()).unwrap();
    check_feasible(&inst, &sol.starts).unwrap();
    assert_eq!(sol.makespan, 43);
    assert_eq!(
        sol,
        solve(&inst, &Options::default()).unwrap(),
        "deterministic"
    );
}
