//! The sample files of `examples/` used by the `orientation` example give the outcome their
//! names promise.

use inclusion::model::{NationalProgramme, Service, SpecificSupport};
use inclusion::skills::{
    Accompaniment, Answers, AreaLevel, DsiClass, Flag, NoteCode, Questionnaire, assess, eurostat,
};

fn sample(name: &str) -> String {
    let path = format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn a_person_without_digital_skills_with_an_urgent_procedure_is_helped_on_their_behalf() {
    let answers = Answers::from_json_str(&sample("skills-no-skills-urgent.json")).unwrap();
    let a = assess(Questionnaire::builtin(), &answers).unwrap();
    a.verify().unwrap();
    // Only instant messaging and internet calls: communication above basic, nothing else.
    assert_eq!(
        a.outcome.dsi.areas.communication,
        Some(AreaLevel::AboveBasic)
    );
    assert_eq!(a.outcome.dsi.class, DsiClass::NoSkills);
    let r = &a.outcome.recommendation;
    assert_eq!(r.accompaniment, Accompaniment::OnBehalf);
    assert!(r.flags.contains(&Flag::Illiteracy) && r.flags.contains(&Flag::LearningPath));
    // No FranceConnect: no Aidants Connect mandate, France Services.
    assert!(
        r.notes
            .iter()
            .any(|n| n.code == NoteCode::MandateNeedsFranceConnect)
    );
    let n = &a.outcome.needs;
    assert_eq!(n.criteria.services, [Service::AdministrativeProcedures]);
    assert_eq!(
        n.criteria.national_programmes,
        [NationalProgramme::FranceServices]
    );
    assert_eq!(n.criteria.specific_support, [SpecificSupport::Illiteracy]);
}

#[test]
fn a_confident_user_without_equipment_is_autonomous_and_sent_to_free_access() {
    let answers = Answers::from_json_str(&sample("skills-confident-needs-equipment.json")).unwrap();
    let a = assess(Questionnaire::builtin(), &answers).unwrap();
    a.verify().unwrap();
    assert_eq!(a.outcome.dsi.class, DsiClass::AboveBasic);
    let r = &a.outcome.recommendation;
    assert_eq!(r.accompaniment, Accompaniment::Autonomous);
    assert_eq!(
        r.flags.iter().copied().collect::<Vec<_>>(),
        [Flag::NeedsEquipment, Flag::NeedsConnection]
    );
    let n = &a.outcome.needs;
    assert_eq!(n.criteria.services, [Service::InternetAndEquipmentAccess]);
    assert!(n.also_suggest.contains(&Service::AffordableEquipment));
    for area in inclusion::skills::Area::ALL {
        assert_eq!(
            a.outcome.proficiency[area].digcomp_levels.map(|l| l.max),
            Some(5)
        );
    }
}

#[test]
fn the_eurostat_sample_gives_basic() {
    let input = eurostat::EurostatInput::from_json_str(&sample("skills-eurostat.json")).unwrap();
    let a = eurostat::assess(&input).unwrap();
    // IL: IUIF, IHIF; CC: IUEM, IUCHAT1; DCC: CXFER1; SF: MAPS_RRGL; PS: CINSAPP1, CCONF1, IUBK.
    assert_eq!(
        serde_json::to_string(&a.result).unwrap(),
        r#"{"areas":{"information":"above_basic","communication":"above_basic","content_creation":"basic","safety":"basic","problem_solving":"above_basic"},"class":"basic"}"#
    );
}

/// `HelpNeeds::accepts` (skills) and the index's `HelpFilter` (geo) built from its `Criteria`
/// select the same embedded places, for every accompaniment and a range of flags and
/// relaxations.
#[cfg(feature = "embedded-data")]
#[test]
fn help_needs_and_the_nearest_help_filter_agree_on_the_embedded_places() {
    use inclusion::geo::HelpIndex;
    use inclusion::skills::{Context, HelpNeeds, Tri};
    use std::collections::BTreeSet;

    let places = inclusion::data::sample_places();
    let index = HelpIndex::build(places.iter().cloned()).unwrap();
    let flag_sets: [&[Flag]; 4] = [
        &[],
        &[Flag::Illiteracy],
        &[
            Flag::NeedsEquipment,
            Flag::ForeignLanguageEnglish,
            Flag::Deafness,
        ],
        &[Flag::NeedsConnection],
    ];
    let mut compared = 0;
    for level in Accompaniment::ALL {
        for flags in flag_sets {
            for (franceconnect, urgent) in [(Tri::Yes, false), (Tri::No, true)] {
                let mut context = Context::default();
                context.used_internet_3m = true;
                context.franceconnect = franceconnect;
                context.urgent_procedure = urgent;
                let flags: BTreeSet<Flag> = flags.iter().copied().collect();
                for (_, needs) in HelpNeeds::derive(level, &flags, &context).relaxations() {
                    let filter = inclusion::geo::HelpFilter::from(needs.criteria.clone());
                    let mut by_index: Vec<&str> = index
                        .nearest(45.76, 4.84, places.len(), &filter)
                        .unwrap()
                        .iter()
                        .map(|h| index.place(h).id.as_str())
                        .collect();
                    let mut by_needs: Vec<&str> = places
                        .iter()
                        .filter(|p| needs.accepts(p))
                        .map(|p| p.id.as_str())
                        .collect();
                    by_index.sort_unstable();
                    by_needs.sort_unstable();
                    assert_eq!(by_index, by_needs, "{needs:?}");
                    compared += 1;
                }
            }
        }
    }
    assert!(compared >= 32);
}
