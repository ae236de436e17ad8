//! The digital-skills engine: how long a diagnostic takes, against reading its answers.
//!
//! Data: 1,000 answer files to the built-in questionnaire, drawn with a fixed seed (every
//! answer of every item random, so all rules fire), and 1,000 inputs of the full Eurostat mode.
//!
//! * `skills/parse_1k` (baseline): JSON text → `Answers` (serde), nothing else.
//! * `skills/assess_1k`: JSON text → `Answers` → validation → scoring → `Assessment` with its
//!   explanation: what a kiosk does for each person.
//! * `skills/score_1k`: scoring only, on already validated responses.
//! * `skills/recompute_1k`: the outcome recomputed from the explanation.
//! * `skills/eurostat_1k`: the full Eurostat mode on survey variables.
//!
//! ```sh
//! cargo bench --bench skills
//! ```

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use inclusion::skills::eurostat::{self, EurostatInput};
use inclusion::skills::{
    AnswerValue, Answers, Questionnaire, Responses, RuleSet, ScaleId, assess, score,
};

const N: usize = 1_000;

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n
    }
}

fn random_answers(q: &Questionnaire, rng: &mut Rng) -> String {
    let mut a = Answers::new(q);
    for item in &q.items {
        let codes = item.scale.codes();
        let value: AnswerValue = if item.scale.multiple() {
            AnswerValue::Codes(
                codes
                    .iter()
                    .filter(|_| rng.below(2) == 0)
                    .map(|c| (*c).to_owned())
                    .collect(),
            )
        } else if item.scale == ScaleId::Autonomy && rng.below(2) == 0 {
            AnswerValue::from(rng.below(4) as u8)
        } else {
            codes[rng.below(codes.len() as u64) as usize].into()
        };
        a = a.with(item.id.clone(), value);
    }
    a.to_json()
}

fn bench(c: &mut Criterion) {
    let q = Questionnaire::builtin();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let texts: Vec<String> = (0..N).map(|_| random_answers(q, &mut rng)).collect();
    let responses: Vec<Responses> = texts
        .iter()
        .map(|t| {
            q.validate(&Answers::from_json_str(t).expect("parses"))
                .expect("valid")
        })
        .collect();
    let explanations: Vec<_> = responses
        .iter()
        .map(|r| score(q, r, RuleSet::current()).explanation)
        .collect();
    let inputs: Vec<EurostatInput> = (0..N)
        .map(|_| EurostatInput {
            used_internet_3m: rng.below(10) != 0,
            activities: {
                let mut m = inclusion::skills::UniqueMap::new();
                for v in eurostat::VARIABLES {
                    if rng.below(3) != 0 {
                        m.insert(v.name, rng.below(2) == 0);
                    }
                }
                m
            },
        })
        .collect();

    let mut g = c.benchmark_group("skills");
    g.throughput(Throughput::Elements(N as u64));
    g.bench_function("parse_1k", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(Answers::from_json_str(black_box(t)).ok());
            }
        })
    });
    g.bench_function("assess_1k", |b| {
        b.iter(|| {
            for t in &texts {
                let answers = Answers::from_json_str(black_box(t)).expect("parses");
                black_box(assess(q, &answers).ok());
            }
        })
    });
    g.bench_function("score_1k", |b| {
        b.iter(|| {
            for r in &responses {
                black_box(score(q, black_box(r), RuleSet::current()));
            }
        })
    });
    g.bench_function("recompute_1k", |b| {
        b.iter(|| {
            for e in &explanations {
                black_box(black_box(e).recompute().ok());
            }
        })
    });
    g.bench_function("eurostat_1k", |b| {
        b.iter(|| {
            for i in &inputs {
                black_box(eurostat::assess(black_box(i)).ok());
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
