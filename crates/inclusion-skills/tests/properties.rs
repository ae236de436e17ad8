//! Invariants of the engine on the built-in questionnaire, checked on random answers.

use inclusion_skills::{
    Accompaniment, AnswerValue, Answers, Area, AreaLevel, Assessment, DsiClass, Flag, ItemRole,
    Questionnaire, assess,
};
use proptest::prelude::*;

/// Every answer of one person to the built-in questionnaire, as indices into its scales.
#[derive(Debug, Clone)]
struct Person {
    used: bool,
    /// One per activity item, in questionnaire order: 0 yes, 1 no, 2 don't know.
    activities: Vec<u8>,
    /// One per self-assessment item: 0 to 3.
    autonomy: Vec<u8>,
    /// smartphone, computer, tablet, home_internet.
    equipment: [bool; 4],
    email: u8,
    franceconnect: u8,
    language: [bool; 3],
    disability: Option<[bool; 4]>,
    urgent: bool,
    wants: u8,
    consent: bool,
}

const TRI: [&str; 3] = ["yes", "no", "dont_know"];
const EQUIPMENT: [&str; 4] = ["smartphone", "computer", "tablet", "home_internet"];
const LANGUAGE: [&str; 3] = [
    "reading_writing",
    "french_limited_english",
    "french_limited_other",
];
const DISABILITY: [&str; 4] = ["hearing", "visual", "motor", "cognitive"];
const WANTS: [&str; 3] = ["yes", "not_now", "no"];
const AUTONOMY: [&str; 4] = ["cannot", "with_help", "on_my_own", "confidently"];

fn q() -> &'static Questionnaire {
    Questionnaire::builtin()
}

fn ids(kind: fn(&ItemRole) -> bool) -> Vec<String> {
    q().items
        .iter()
        .filter(|i| kind(&i.role))
        .map(|i| i.id.clone())
        .collect()
}

fn activity_ids() -> Vec<String> {
    ids(|r| matches!(r, ItemRole::Activity { .. }))
}

fn self_ids() -> Vec<String> {
    ids(|r| matches!(r, ItemRole::SelfAssessment { .. }))
}

fn picked<const N: usize>(names: [&str; N], on: [bool; N]) -> AnswerValue {
    AnswerValue::Codes(
        names
            .iter()
            .zip(on)
            .filter(|(_, b)| *b)
            .map(|(n, _)| (*n).to_owned())
            .collect(),
    )
}

impl Person {
    /// The answers as (item, value) pairs, in questionnaire order.
    fn pairs(&self) -> Vec<(String, AnswerValue)> {
        let mut v: Vec<(String, AnswerValue)> = Vec::new();
        v.push((
            "internet_3m".into(),
            if self.used { "yes" } else { "no" }.into(),
        ));
        for (id, a) in activity_ids().into_iter().zip(&self.activities) {
            v.push((id, TRI[*a as usize].into()));
        }
        for (id, a) in self_ids().into_iter().zip(&self.autonomy) {
            // Both forms of the autonomy scale: codes and integers.
            let value = if id.ends_with(['1', '3', '5']) {
                AnswerValue::from(*a)
            } else {
                AUTONOMY[*a as usize].into()
            };
            v.push((id, value));
        }
        v.push(("equipment".into(), picked(EQUIPMENT, self.equipment)));
        v.push(("email".into(), TRI[self.email as usize].into()));
        v.push((
            "franceconnect".into(),
            TRI[self.franceconnect as usize].into(),
        ));
        v.push(("language".into(), picked(LANGUAGE, self.language)));
        if let Some(d) = self.disability {
            v.push(("disability".into(), picked(DISABILITY, d)));
        }
        v.push(("urgent_procedure".into(), self.urgent.into()));
        v.push(("wants_to_learn".into(), WANTS[self.wants as usize].into()));
        v.push(("consent_on_behalf".into(), self.consent.into()));
        v
    }

    fn answers(&self) -> Answers {
        let mut a = Answers::new(q());
        for (k, v) in self.pairs() {
            a = a.with(k, v);
        }
        a
    }

    /// The explanation's DSI figures and the class, counted here from the answers: three
    /// activities per area in area order (checked by
    /// `activity_items_come_three_per_area_in_area_order`), "yes" counted, "don't know" listed;
    /// above basic from 2 in information and communication, 3 elsewhere; the class by the
    /// number of areas with no activity, as the Eurostat microdata script does.
    fn check_dsi_figures(&self, a: &Assessment) {
        let e = &a.explanation.dsi;
        if !self.used {
            assert_eq!(a.outcome.dsi.class, DsiClass::NotAssessed);
            assert!(
                Area::ALL
                    .iter()
                    .all(|&area| a.outcome.dsi.areas[area].is_none())
            );
            return;
        }
        let (mut none, mut above) = (0, 0);
        for (k, &area) in Area::ALL.iter().enumerate() {
            let answers = &self.activities[3 * k..3 * k + 3];
            let yes = answers.iter().filter(|&&x| x == 0).count();
            let dont_know = answers.iter().filter(|&&x| x == 2).count();
            let counts = &e.areas[area];
            assert_eq!(counts.counted.len(), yes, "{area:?} {answers:?}");
            assert_eq!(counts.not_counted.len(), 3 - yes, "{area:?}");
            assert_eq!(counts.dont_know.len(), dont_know, "{area:?}");
            let above_basic = if k < 2 { 2 } else { 3 };
            let level = match yes {
                0 => AreaLevel::None,
                n if n >= above_basic => AreaLevel::AboveBasic,
                _ => AreaLevel::Basic,
            };
            assert_eq!(counts.level, Some(level), "{area:?}");
            assert_eq!(a.outcome.dsi.areas[area], Some(level), "{area:?}");
            none += usize::from(yes == 0);
            above += usize::from(level == AreaLevel::AboveBasic);
        }
        assert_eq!(e.areas_at_least_basic, Some(5 - none as u8));
        // By the number of areas with no activity (0 to 5), unless all five are above basic.
        let by_none = [
            DsiClass::Basic,
            DsiClass::Low,
            DsiClass::Narrow,
            DsiClass::Limited,
            DsiClass::NoSkills,
            DsiClass::NoSkills,
        ];
        let class = if above == 5 {
            DsiClass::AboveBasic
        } else {
            by_none[none]
        };
        assert_eq!(a.outcome.dsi.class, class, "{:?}", self.activities);
    }

    fn assess(&self) -> Assessment {
        let a = assess(q(), &self.answers()).expect("generated answers are valid");
        // Consistency only: `recompute` runs the same functions as `assess`, so this holds for
        // a wrong engine too. The figures are checked independently by `check_dsi_figures`.
        assert_eq!(a.explanation.recompute().unwrap(), a.outcome);
        self.check_dsi_figures(&a);
        let back: Assessment = serde_json::from_str(&serde_json::to_string(&a).unwrap()).unwrap();
        assert_eq!(back, a);
        back.verify().unwrap();
        a
    }
}

/// Any person, a capable one (high self-assessment, accounts, no difficulty, no urgency) or a
/// struggling one (low self-assessment). Without the last two kinds, the rules that decide only
/// for them (DSI class and accounts; urgency and consent) would rarely decide, and their
/// monotonicity would go untested.
fn person() -> impl Strategy<Value = Person> {
    prop_oneof![any_person(), capable_person(), struggling_person()]
}

/// A person who rates themselves low (cannot, or with help): the rules on urgency, consent and
/// non-use decide.
fn struggling_person() -> impl Strategy<Value = Person> {
    (any_person(), prop::collection::vec(0u8..2, 6)).prop_map(|(mut p, autonomy)| {
        p.autonomy = autonomy;
        p
    })
}

fn any_person() -> impl Strategy<Value = Person> {
    (
        any::<bool>(),
        prop::collection::vec(0u8..3, 15),
        prop::collection::vec(0u8..4, 6),
        any::<[bool; 4]>(),
        0u8..3,
        0u8..3,
        any::<[bool; 3]>(),
        prop::option::of(any::<[bool; 4]>()),
        any::<bool>(),
        0u8..3,
        any::<bool>(),
    )
        .prop_map(|t| Person {
            used: t.0,
            activities: t.1,
            autonomy: t.2,
            equipment: t.3,
            email: t.4,
            franceconnect: t.5,
            language: t.6,
            disability: t.7,
            urgent: t.8,
            wants: t.9,
            consent: t.10,
        })
}

/// Activities area by area (the 15 activity items come 3 per area, in area order): an
/// inactive area has no "yes", so every DSI class is frequent.
fn capable_person() -> impl Strategy<Value = Person> {
    (
        any::<[bool; 5]>(),
        prop::collection::vec(0u8..3, 15),
        prop::collection::vec(prop_oneof![1 => Just(2u8), 3 => Just(3u8)], 6),
        any::<[bool; 4]>(),
        0u8..3,
        any::<bool>(),
        (
            prop_oneof![3 => Just(0u8), 1 => 1u8..3],
            prop_oneof![3 => Just(0u8), 1 => 1u8..3],
        ),
    )
        .prop_map(
            |(active, activities, autonomy, equipment, wants, consent, (email, franceconnect))| {
                Person {
                    used: true,
                    activities: activities
                        .iter()
                        .enumerate()
                        .map(|(i, a)| if active[i / 3] { *a } else { 1 + a % 2 })
                        .collect(),
                    autonomy,
                    equipment,
                    email,
                    franceconnect,
                    language: [false; 3],
                    disability: None,
                    urgent: false,
                    wants,
                    consent,
                }
            },
        )
}

#[test]
fn activity_items_come_three_per_area_in_area_order() {
    let areas: Vec<Area> = q()
        .items
        .iter()
        .filter_map(|i| match i.role {
            ItemRole::Activity { area, .. } => Some(area),
            _ => None,
        })
        .collect();
    let expected: Vec<Area> = Area::ALL.iter().flat_map(|a| [*a; 3]).collect();
    assert_eq!(areas, expected);
}

fn level(a: &Assessment) -> Accompaniment {
    a.outcome.recommendation.accompaniment
}

/// One more barrier, chosen by `which`; `None` when the person already has it.
fn add_barrier(p: &Person, which: u8, option: usize) -> Option<Person> {
    let mut b = p.clone();
    match which {
        0 if p.used => b.used = false,
        1 if !p.urgent => b.urgent = true,
        2 if p.email == 0 => b.email = 1 + (option % 2) as u8,
        3 if p.franceconnect == 0 => b.franceconnect = 1 + (option % 2) as u8,
        4 if !p.language[option % 3] => b.language[option % 3] = true,
        5 => {
            let mut d = p.disability.unwrap_or_default();
            if d[option % 4] {
                return None;
            }
            d[option % 4] = true;
            b.disability = Some(d);
        }
        6 if p.equipment[option % 4] => b.equipment[option % 4] = false,
        _ => return None,
    }
    Some(b)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn one_more_yes_never_lowers_a_level_nor_raises_the_accompaniment(p in person(), i in 0usize..15) {
        prop_assume!(p.activities[i] != 0);
        let mut more = p.clone();
        more.activities[i] = 0;
        let (a, b) = (p.assess(), more.assess());
        for area in Area::ALL {
            prop_assert!(b.outcome.dsi.areas[area] >= a.outcome.dsi.areas[area], "{area:?}");
        }
        prop_assert!(b.outcome.dsi.class >= a.outcome.dsi.class);
        prop_assert!(level(&b) <= level(&a));
        // Activities do not touch the self-assessment.
        prop_assert_eq!(&b.outcome.proficiency, &a.outcome.proficiency);
    }

    #[test]
    fn higher_self_assessment_never_lowers_a_level_nor_raises_the_accompaniment(
        p in person(), i in 0usize..6, up in 1u8..4,
    ) {
        prop_assume!(p.autonomy[i] < 3);
        let mut more = p.clone();
        more.autonomy[i] = (p.autonomy[i] + up).min(3);
        let (a, b) = (p.assess(), more.assess());
        for area in Area::ALL {
            prop_assert!(b.outcome.proficiency[area].autonomy >= a.outcome.proficiency[area].autonomy);
        }
        prop_assert!(level(&b) <= level(&a));
        prop_assert_eq!(b.outcome.dsi, a.outcome.dsi);
    }

    #[test]
    fn more_barriers_never_lower_the_accompaniment(p in person(), option in 0usize..12) {
        let a = p.assess();
        for which in 0..7 {
            let Some(worse) = add_barrier(&p, which, option) else { continue };
            let b = worse.assess();
            prop_assert!(level(&b) >= level(&a), "barrier {which}: {:?} -> {:?}", level(&a), level(&b));
            let (fa, fb) = (&a.outcome.recommendation.flags, &b.outcome.recommendation.flags);
            prop_assert!(fa.is_subset(fb), "barrier {which}: {fa:?} -> {fb:?}");
        }
    }

    #[test]
    fn answer_order_does_not_matter(p in person(), seed in any::<u64>()) {
        let mut pairs = p.pairs();
        // A deterministic shuffle driven by the seed.
        let mut s = seed | 1;
        for i in (1..pairs.len()).rev() {
            s ^= s << 13; s ^= s >> 7; s ^= s << 17;
            pairs.swap(i, (s % (i as u64 + 1)) as usize);
        }
        // As JSON text, keys in the shuffled order.
        let body: Vec<String> = pairs
            .iter()
            .map(|(k, v)| format!("{}:{}", serde_json::to_string(k).unwrap(), serde_json::to_string(v).unwrap()))
            .collect();
        let text = format!(r#"{{"questionnaire":"{}","answers":{{{}}}}}"#, q().reference(), body.join(","));
        let shuffled = assess(q(), &Answers::from_json_str(&text).unwrap()).unwrap();
        let reference = p.assess();
        prop_assert_eq!(
            serde_json::to_string(&shuffled).unwrap(),
            serde_json::to_string(&reference).unwrap()
        );
    }

    #[test]
    fn not_using_the_internet_always_gives_not_assessed(mut p in person()) {
        p.used = false;
        let a = p.assess();
        prop_assert_eq!(a.outcome.dsi.class, DsiClass::NotAssessed);
        for area in Area::ALL {
            prop_assert_eq!(a.outcome.dsi.areas[area], None);
        }
        prop_assert!(level(&a) >= Accompaniment::AccompaniedLearning);
    }

    #[test]
    fn no_consent_never_gives_on_behalf(mut p in person()) {
        p.consent = false;
        let a = p.assess();
        prop_assert_ne!(level(&a), Accompaniment::OnBehalf);
        if a.explanation.accompaniment.consent_applied {
            prop_assert_eq!(level(&a), Accompaniment::AccompaniedLearning);
        }
    }

    #[test]
    fn dont_know_counts_like_no(p in person()) {
        let mut no = p.clone();
        for a in &mut no.activities {
            if *a == 2 { *a = 1; }
        }
        prop_assert_eq!(p.assess().outcome.dsi, no.assess().outcome.dsi);
    }

    #[test]
    fn the_binding_rule_proposed_the_level(p in person()) {
        let a = p.assess();
        let e = &a.explanation.accompaniment;
        let binding = e.proposals.iter().find(|x| x.rule == e.binding_rule).unwrap();
        prop_assert_eq!(binding.proposed, Some(e.level));
        // No rule proposed more than the highest, and the level is the highest unless consent
        // lowered it.
        prop_assert!(e.proposals.iter().filter_map(|x| x.proposed).all(|l| l <= e.highest));
        prop_assert_eq!(e.level == e.highest, !e.consent_applied);
        // The proficiency levels never claim more than DigComp level 5.
        for (_, pr) in a.outcome.proficiency.iter() {
            prop_assert!(pr.digcomp_levels.is_none_or(|r| r.max <= 5));
        }
    }
}

/// The person who answers "yes" to the first `n` activities of `area` and "no" elsewhere.
fn with_yes_in(area: Area, n: usize) -> Person {
    let mut p = Person {
        used: true,
        activities: vec![1; 15],
        autonomy: vec![2; 6],
        equipment: [true; 4],
        email: 0,
        franceconnect: 0,
        language: [false; 3],
        disability: None,
        urgent: false,
        wants: 2,
        consent: false,
    };
    let mut left = n;
    for (i, item) in q()
        .items
        .iter()
        .filter(|i| matches!(i.role, ItemRole::Activity { .. }))
        .enumerate()
    {
        if matches!(item.role, ItemRole::Activity { area: a, .. } if a == area) && left > 0 {
            p.activities[i] = 0;
            left -= 1;
        }
    }
    assert_eq!(left, 0, "not enough activities in {area:?}");
    p
}

#[test]
fn every_threshold_boundary_through_the_questionnaire() {
    use AreaLevel::*;
    for area in Area::ALL {
        let expected: [AreaLevel; 4] = match area {
            Area::Information | Area::Communication => [None, Basic, AboveBasic, AboveBasic],
            _ => [None, Basic, Basic, AboveBasic],
        };
        for (n, want) in expected.iter().enumerate() {
            let a = with_yes_in(area, n).assess();
            assert_eq!(
                a.outcome.dsi.areas[area],
                Some(*want),
                "{area:?} with {n} yes"
            );
            let e = &a.explanation.dsi.areas[area];
            assert_eq!(e.counted.len(), n);
            assert_eq!(e.not_counted.len(), 3 - n);
            // The other areas have no activity.
            for other in Area::ALL.into_iter().filter(|o| *o != area) {
                assert_eq!(a.outcome.dsi.areas[other], Some(None));
            }
        }
    }
}

#[test]
fn all_yes_reaches_above_basic_and_the_class_follows_the_count() {
    let mut p = with_yes_in(Area::Safety, 0);
    p.activities = vec![0; 15];
    assert_eq!(p.assess().outcome.dsi.class, DsiClass::AboveBasic);
    // One area dropped to none: low.
    let mut low = p.clone();
    for i in 9..12 {
        low.activities[i] = 1;
    }
    let a = low.assess();
    assert_eq!(a.outcome.dsi.areas.safety, Some(AreaLevel::None));
    assert_eq!(a.outcome.dsi.class, DsiClass::Low);
    assert_eq!(a.explanation.dsi.areas_at_least_basic, Some(4));
}

#[test]
fn assessments_are_deterministic() {
    let p = with_yes_in(Area::Communication, 2);
    let one = serde_json::to_string(&p.assess()).unwrap();
    let two = serde_json::to_string(&p.assess()).unwrap();
    assert_eq!(one, two);
    assert!(one.contains(r#""rules":"skills-rules-1""#));
}

#[test]
fn a_tampered_explanation_recomputes_to_another_outcome() {
    let p = with_yes_in(Area::Information, 1);
    let a = p.assess();
    let mut e = a.explanation.clone();
    // Count one more information activity: the recomputation must follow the explanation.
    let moved = e.dsi.areas.information.not_counted.pop().unwrap();
    e.dsi.areas.information.counted.push(moved);
    let outcome = e.recompute().unwrap();
    assert_eq!(outcome.dsi.areas.information, Some(AreaLevel::AboveBasic));
    let tampered = Assessment {
        explanation: e,
        ..a.clone()
    };
    assert!(tampered.verify().is_err());
    // A situation changed in the explanation changes the recommendation.
    let mut e = a.explanation.clone();
    e.accompaniment
        .situation
        .language
        .insert(inclusion_skills::LanguageNeed::ReadingWriting);
    let outcome = e.recompute().unwrap();
    assert!(outcome.recommendation.flags.contains(&Flag::Illiteracy));
    // Unknown rules cannot be recomputed.
    let mut e = a.explanation;
    e.rules = "skills-rules-0".into();
    let err = e.recompute().unwrap_err();
    assert!(
        matches!(&err, inclusion_skills::SkillsError::UnknownRuleSet { id, known }
            if id == "skills-rules-0" && known == &["skills-rules-1"]),
        "{err:?}"
    );
    assert!(err.to_string().contains("knows skills-rules-1"), "{err}");
}
