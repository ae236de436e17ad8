//! Text renderings of a diagnostic for the person and the mediator, in French or English: the
//! profile per area with the activities counted and the thresholds, the DSI class and its
//! rule, the recommended accompaniment with every rule's proposal, and the help to look for.
//!
//! ```
//! use inclusion_skills::{Answers, Lang, Questionnaire, assess, render};
//!
//! let q = Questionnaire::builtin();
//! let mut answers = Answers::new(q).with("internet_3m", "no");
//! for sa in ["SA1", "SA2", "SA3", "SA4", "SA5", "SA6"] {
//!     answers = answers.with(sa, "cannot");
//! }
//! let answers = answers
//!     .with("equipment", ["smartphone"]).with("email", "yes").with("franceconnect", "yes")
//!     .with("language", [] as [&str; 0]).with("urgent_procedure", "yes")
//!     .with("wants_to_learn", "no").with("consent_on_behalf", "yes");
//! let a = assess(q, &answers)?;
//! let fr = render::assessment_text(&a, Lang::Fr);
//! assert!(fr.contains("Accompagnement recommandé: on_behalf"));
//! assert!(fr.contains("services: Aide aux démarches administratives"));
//! let en = render::assessment_text(&a, Lang::En);
//! assert!(en.contains("Recommended accompaniment: on_behalf"));
//! # Ok::<(), inclusion_skills::SkillsError>(())
//! ```

use std::fmt::Write;

use inclusion_model::{Lang, Vocabulary};

use crate::eurostat::EurostatAssessment;
use crate::{
    Accompaniment, Area, AreaLevel, Assessment, Choice, DsiClass, DsiResult, HelpNeeds, Text,
};

/// The text of `text` in `lang`.
fn t(text: &Text, lang: Lang) -> &str {
    lang.pick(&text.fr, &text.en)
}

fn area_label(area: Area, lang: Lang) -> &'static str {
    lang.pick(area.label_fr(), area.label_en())
}

fn level_code(level: Option<AreaLevel>) -> &'static str {
    level.map_or("-", |l| l.code())
}

/// The separator of a label and its value.
fn colon(_lang: Lang) -> &'static str {
    ": "
}

/// The whole assessment: profile, class, recommendation, help to look for.
pub fn assessment_text(a: &Assessment, lang: Lang) -> String {
    let mut out = profile_text(a, lang);
    out.push('\n');
    out.push_str(&recommendation_text(a, lang));
    out.push('\n');
    out.push_str(&needs_text(&a.outcome.needs, lang));
    out
}

/// The profile per area (activities counted, thresholds, DSI level, self-assessment) and the
/// DSI class with its rule.
pub fn profile_text(a: &Assessment, lang: Lang) -> String {
    let mut out = String::new();
    let e = &a.explanation;
    let _ = writeln!(
        out,
        "Questionnaire {} — {} {}",
        a.questionnaire,
        lang.pick("règles", "rules"),
        a.rules
    );
    out.push('\n');
    let _ = writeln!(
        out,
        "{}",
        lang.pick("Profil par domaine", "Profile per area")
    );
    let _ = writeln!(
        out,
        "{:<34} {:<26} {:<12} {}",
        lang.pick("domaine", "area"),
        lang.pick(
            "activités (3 mois) / seuils",
            "activities (3 months) / thresholds"
        ),
        lang.pick("niveau DSI", "DSI level"),
        lang.pick("auto-évaluation DigComp", "DigComp self-assessment")
    );
    for area in Area::ALL {
        let count = &e.dsi.areas[area];
        let total = count.counted.len() + count.not_counted.len();
        let thresholds = count
            .thresholds
            .map_or(String::new(), |t| format!("{}/{}+", t.basic, t.above_basic));
        let counted = if count.counted.is_empty() {
            String::new()
        } else {
            format!(" {}", count.counted.join(","))
        };
        let _ = writeln!(
            out,
            "{:<34} {:<26} {:<12} {}",
            area_label(area, lang),
            format!("{}/{total}{counted} [{thresholds}]", count.counted.len()),
            level_code(a.outcome.dsi.areas[area]),
            t(&a.outcome.proficiency[area].label, lang)
        );
    }
    out.push('\n');
    out.push_str(&class_line(a.outcome.dsi.class, lang));
    if let Some(rule) = &e.dsi.class_rule {
        let _ = writeln!(
            out,
            "  {}{}{}",
            lang.pick("règle", "rule"),
            colon(lang),
            t(rule, lang)
        );
    }
    let _ = writeln!(
        out,
        "  {}",
        lang.pick(
            "style DSI : règles Eurostat sur 3 activités par domaine ; non comparable aux chiffres Eurostat ou Insee",
            "DSI-style: Eurostat rules on 3 activities per area; not comparable with Eurostat or INSEE figures"
        )
    );
    out
}

/// `Classe DSI 2.0 : basic (BASIC) — compétences de base`.
fn class_line(class: DsiClass, lang: Lang) -> String {
    format!(
        "{}{}{} ({}) — {}\n",
        lang.pick("Classe DSI 2.0", "DSI 2.0 class"),
        colon(lang),
        class.code(),
        class.eurostat_code(),
        lang.pick(class.label_fr(), class.label_en())
    )
}

/// The recommended accompaniment, the binding rule, every rule's proposal, the flags and
/// notes.
pub fn recommendation_text(a: &Assessment, lang: Lang) -> String {
    let mut out = String::new();
    let r = &a.outcome.recommendation;
    let e = &a.explanation.accompaniment;
    let _ = writeln!(
        out,
        "{}{}{} — {}",
        lang.pick("Accompagnement recommandé", "Recommended accompaniment"),
        colon(lang),
        r.accompaniment.code(),
        t(&r.label, lang)
    );
    let _ = writeln!(
        out,
        "  {}{}{} ({} {}; {} {})",
        lang.pick("règle décisive", "binding rule"),
        colon(lang),
        e.binding_rule.code(),
        lang.pick("autonomie la plus faible", "lowest autonomy"),
        e.task_autonomy.code(),
        lang.pick("classe DSI", "DSI class"),
        e.dsi_class.code()
    );
    for p in &e.proposals {
        let _ = writeln!(
            out,
            "    {:<21} {}",
            p.proposed.map_or("—", Accompaniment::code),
            t(&p.rule_text, lang)
        );
    }
    if !r.flags.is_empty() {
        let flags: Vec<&str> = r.flags.iter().map(|f| f.code()).collect();
        let _ = writeln!(
            out,
            "  {}{}{}",
            lang.pick("besoins", "needs"),
            colon(lang),
            flags.join(", ")
        );
    }
    for n in &r.notes {
        let _ = writeln!(out, "  note{}{}", colon(lang), t(&n.text, lang));
    }
    out
}

fn labels<V: Vocabulary>(values: &[V]) -> String {
    if values.is_empty() {
        "—".to_owned()
    } else {
        values
            .iter()
            .map(|v| v.label_fr())
            .collect::<Vec<_>>()
            .join(" | ")
    }
}

/// The help to look for: one line per list of the criteria, with the standard's column names
/// and French labels (the wire form), the exclusions and the separate suggestions.
pub fn needs_text(n: &HelpNeeds, lang: Lang) -> String {
    let c = &n.criteria;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        lang.pick(
            "Aide à chercher (un des éléments de chaque liste)",
            "Help to look for (any value of each list)"
        )
    );
    let sep = colon(lang);
    let _ = writeln!(out, "  services{sep}{}", labels(&c.services));
    let _ = writeln!(
        out,
        "  modalites_accompagnement{sep}{}",
        labels(&c.support_modes)
    );
    let _ = writeln!(
        out,
        "  dispositif_programmes_nationaux{sep}{}",
        labels(&c.national_programmes)
    );
    let _ = writeln!(
        out,
        "  prise_en_charge_specifique{sep}{}",
        labels(&c.specific_support)
    );
    let _ = writeln!(
        out,
        "  {}{sep}{}",
        lang.pick("sauf", "except"),
        labels(&c.exclude_access_modes)
    );
    if !n.also_suggest.is_empty() {
        let _ = writeln!(
            out,
            "  {}{sep}{}",
            lang.pick("à chercher aussi", "also look for"),
            labels(&n.also_suggest)
        );
    }
    out
}

/// The full Eurostat mode: each area's level with the variables counted, then the class.
pub fn eurostat_text(a: &EurostatAssessment, lang: Lang) -> String {
    let mut out = String::new();
    let DsiResult { areas, class } = a.result;
    let _ = writeln!(
        out,
        "{} ({})",
        lang.pick("Mode Eurostat complet", "Full Eurostat mode"),
        a.explanation.rules
    );
    for area in Area::ALL {
        let c = &a.explanation.areas[area];
        let _ = writeln!(
            out,
            "{:<34} {:<12} {}/{} {}",
            area_label(area, lang),
            level_code(areas[area]),
            c.counted.len(),
            c.counted.len() + c.not_counted.len(),
            c.counted.join(",")
        );
    }
    out.push_str(&class_line(class, lang));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eurostat::{self, EurostatInput};
    use crate::{Answers, Questionnaire, assess};

    fn confident() -> Assessment {
        let q = Questionnaire::builtin();
        let mut answers = Answers::new(q).with("internet_3m", "yes");
        for item in &q.items {
            if let crate::questionnaire::ItemRole::Activity { .. } = item.role {
                answers = answers.with(&item.id, "yes");
            }
        }
        for sa in ["SA1", "SA2", "SA3", "SA4", "SA5", "SA6"] {
            answers = answers.with(sa, "confidently");
        }
        let answers = answers
            .with("equipment", ["computer", "home_internet"])
            .with("email", "yes")
            .with("franceconnect", "yes")
            .with("language", [] as [&str; 0])
            .with("urgent_procedure", "no")
            .with("wants_to_learn", "no")
            .with("consent_on_behalf", "no");
        assess(q, &answers).unwrap()
    }

    #[test]
    fn every_area_and_every_proposal_is_written_in_both_languages() {
        let a = confident();
        for lang in Lang::ALL {
            let text = assessment_text(&a, lang);
            for area in Area::ALL {
                assert!(text.contains(area_label(area, lang)), "{lang}: {area:?}");
            }
            for p in &a.explanation.accompaniment.proposals {
                assert!(text.contains(t(&p.rule_text, lang)), "{lang}");
            }
            assert!(text.contains(a.outcome.dsi.class.code()));
            assert!(text.contains(a.outcome.recommendation.accompaniment.code()));
        }
        let fr = assessment_text(&a, Lang::Fr);
        let en = assessment_text(&a, Lang::En);
        assert!(fr.contains("Classe DSI 2.0: above_basic"), "{fr}");
        assert!(en.contains("DSI 2.0 class: above_basic"), "{en}");
        assert_ne!(fr, en);
    }

    #[test]
    fn counted_activities_and_thresholds_are_shown() {
        let a = confident();
        let text = profile_text(&a, Lang::En);
        for area in Area::ALL {
            let c = &a.explanation.dsi.areas[area];
            let th = c.thresholds.unwrap();
            let cell = format!(
                "{}/{} {} [{}/{}+]",
                c.counted.len(),
                c.counted.len() + c.not_counted.len(),
                c.counted.join(","),
                th.basic,
                th.above_basic
            );
            assert!(text.contains(&cell), "{cell} in\n{text}");
        }
    }

    #[test]
    fn eurostat_rendering_lists_levels_and_class() {
        let input = EurostatInput::from_json_str(
            r#"{"used_internet_3m": true, "activities": {"IUEM": true, "IUIF": true}}"#,
        )
        .unwrap();
        let a = eurostat::assess(&input).unwrap();
        let text = eurostat_text(&a, Lang::Fr);
        assert!(text.starts_with("Mode Eurostat complet"));
        assert!(text.contains(a.result.class.code()));
        assert_eq!(text.lines().count(), 1 + Area::ALL.len() + 1);
    }
}
