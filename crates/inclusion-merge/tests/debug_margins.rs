mod support;
use inclusion_merge::{Config, explain};
use support::eval;

#[test]
fn margins() {
    let config = Config::default();
    for file in eval::anchor_files("real-pairs.", ".json") {
        let real = eval::load_real(&file);
        let mut rows = vec![];
        for p in &real.pairs {
            let places = &real.datasets[p.dataset].1;
            let pair = explain(&places[p.left], &places[p.right], &config);
            rows.push((pair.score, p.duplicate, pair.left.clone(), places[p.left].name.clone(), places[p.right].name.clone(), pair.decided_by.en.clone()));
        }
        rows.sort_by(|a, b| b.0.total_cmp(&a.0));
        for r in rows.iter().filter(|r| r.0 > 40.0) {
            println!("{:5.1} {} {} / {} :: {}", r.0, if r.1 { "DUP" } else { "   " }, r.3, r.4, r.5);
        }
    }
}
