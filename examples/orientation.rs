//! A digital-skills diagnostic: the person's profile, the accompaniment recommended with its
//! explanation, the help to look for, and the nearest embedded places that give it.
//!
//! ```sh
//! cargo run --release --example orientation                  # examples/skills-no-skills-urgent.json
//! cargo run --release --example orientation -- ANSWERS.json
//! ```
//!
//! The command line: `inclusion orient ANSWERS.json --near Lyon`. Answers are read, scored
//! and printed; nothing is stored.

use chrono::Utc;
use inclusion::geo::HelpIndex;
use inclusion::orient::nearest_for_needs;
use inclusion::skills::{Answers, Lang, Questionnaire, assess, render};
use inclusion::territory::communes::Gazetteer;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/skills-no-skills-urgent.json"
        )
        .to_owned()
    });
    let answers = Answers::from_json_str(&std::fs::read_to_string(&path)?)?;
    // Every problem of the answers at once, or the assessment with its explanation.
    let assessment = assess(Questionnaire::builtin(), &answers)?;
    assert_eq!(assessment.explanation.recompute()?, assessment.outcome);
    print!("{}", render::assessment_text(&assessment, Lang::En));

    let index = HelpIndex::build(inclusion::data::sample_places().iter().cloned())?;
    let (lyon, point) = Gazetteer::embedded().locate("Lyon")?;
    // The exact search first, relaxed step by step when fewer than 3 places match.
    let found = nearest_for_needs(
        &index,
        &assessment.outcome.needs,
        point.latitude,
        point.longitude,
        3,
    )?;
    print!(
        "\n{}",
        found.text(
            &index,
            &lyon.label(),
            "embedded places",
            Lang::En,
            Utc::now()
        )
    );
    Ok(())
}
