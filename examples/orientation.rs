//! Orientation after a digital-skills diagnostic: profile, DSI class, recommended
//! accompaniment with its explanation, and the help to look for.
//!
//! ```sh
//! cargo run --release --example orientation -- examples/skills-no-skills-urgent.json --near Lyon
//! cargo run --release --example orientation -- examples/skills-confident-needs-equipment.json --lat 45.19 --lon 5.72 -k 5
//! cargo run --release --example orientation -- ANSWERS.json --format json
//! cargo run --release --example orientation -- --questionnaire
//! cargo run --release --example orientation -- --eurostat examples/skills-eurostat.json --format json
//! ```
//!
//! With a position (`--near` a commune name, postcode or code INSEE, or `--lat`/`--lon`), the
//! `k` nearest embedded places (default 3) that give the recommended help are listed, open or
//! not at this moment; when fewer than `k` match, the search drops the specific-support
//! criterion, then the support modes, and says so.
//!
//! Options: `--lang fr|en` (text output, default fr); `--format text|json`. Answers are read,
//! scored and printed; nothing is stored.

use std::process::ExitCode;

use chrono::Utc;
use inclusion::data::sample_places;
use inclusion::geo::HelpIndex;
use inclusion::model::Vocabulary;
use inclusion::orient::nearest_for_needs;
use inclusion::skills::{
    self, Accompaniment, Answers, Area, Assessment, Choice, DsiResult, HelpNeeds, Questionnaire,
    Relaxation, Text, eurostat,
};
use inclusion::territory::communes::Gazetteer;

const USAGE: &str = "usage:
  orientation ANSWERS.json [--near COMMUNE | --lat LAT --lon LON] [-k K] [--format text|json] [--lang fr|en]
  orientation --questionnaire
  orientation --eurostat FILE [--format text|json]";

#[derive(Debug, Default)]
struct Args {
    answers: Option<String>,
    questionnaire: bool,
    eurostat: Option<String>,
    json: bool,
    english: bool,
    near: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    k: usize,
}

fn parse_args(mut it: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut a = Args {
        k: 3,
        ..Args::default()
    };
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--questionnaire" => a.questionnaire = true,
            "--eurostat" => a.eurostat = Some(value("--eurostat")?),
            "--format" => match value("--format")?.as_str() {
                "json" => a.json = true,
                "text" => a.json = false,
                other => return Err(format!("--format takes text or json, not '{other}'")),
            },
            "--lang" => match value("--lang")?.as_str() {
                "fr" => a.english = false,
                "en" => a.english = true,
                other => return Err(format!("--lang takes fr or en, not '{other}'")),
            },
            "--near" => a.near = Some(value("--near")?),
            "--lat" => a.lat = Some(number(&value("--lat")?, "--lat")?),
            "--lon" => a.lon = Some(number(&value("--lon")?, "--lon")?),
            "-k" => {
                let v = value("-k")?;
                a.k = v
                    .parse()
                    .map_err(|_| format!("-k takes a whole number, not '{v}'"))?;
            }
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with('-') => return Err(format!("unknown option '{s}'")),
            s => {
                if a.answers.replace(s.to_owned()).is_some() {
                    return Err("give one answers file".to_owned());
                }
            }
        }
    }
    if a.near.is_some() && (a.lat.is_some() || a.lon.is_some()) {
        return Err("give either --near or --lat/--lon, not both".to_owned());
    }
    if a.lat.is_some() != a.lon.is_some() {
        return Err("--lat and --lon go together".to_owned());
    }
    let modes = usize::from(a.answers.is_some())
        + usize::from(a.questionnaire)
        + usize::from(a.eurostat.is_some());
    if modes != 1 {
        return Err("give an answers file, --questionnaire, or --eurostat FILE".to_owned());
    }
    Ok(a)
}

fn number(s: &str, name: &str) -> Result<f64, String> {
    s.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| format!("{name} takes a number in degrees, not '{s}'"))
}

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("error: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<(), String> {
    if args.questionnaire {
        println!(
            "{}",
            serde_json::to_string_pretty(Questionnaire::builtin()).map_err(|e| e.to_string())?
        );
        return Ok(());
    }
    if let Some(path) = &args.eurostat {
        let input =
            eurostat::EurostatInput::from_json_str(&read(path)?).map_err(|e| e.to_string())?;
        let assessment = eurostat::assess(&input).map_err(|e| e.to_string())?;
        if args.json {
            println!(
                "{}",
                serde_json::to_string(&assessment.result).map_err(|e| e.to_string())?
            );
        } else {
            print_eurostat(&assessment, args.english);
        }
        return Ok(());
    }
    let Some(path) = &args.answers else {
        return Err("no answers file".to_owned());
    };
    let position = position(args)?;
    let answers = Answers::from_json_str(&read(path)?).map_err(|e| format!("{path}: {e}"))?;
    let assessment =
        skills::assess(Questionnaire::builtin(), &answers).map_err(|e| format!("{path}: {e}"))?;
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&assessment).map_err(|e| e.to_string())?
        );
        return Ok(());
    }
    let lang = Lang(args.english);
    print_profile(&assessment, lang);
    print_recommendation(&assessment, lang);
    print_needs(&assessment.outcome.needs, lang);
    print_places(args, position, &assessment.outcome.needs, lang)
}

#[derive(Clone, Copy)]
struct Lang(bool);

impl Lang {
    fn t(self, text: &Text) -> &str {
        if self.0 { &text.en } else { &text.fr }
    }
    fn s<'a>(self, fr: &'a str, en: &'a str) -> &'a str {
        if self.0 { en } else { fr }
    }
}

fn area_label(area: Area, lang: Lang) -> &'static str {
    if lang.0 {
        area.label_en()
    } else {
        area.label_fr()
    }
}

fn level_code(level: Option<skills::AreaLevel>) -> &'static str {
    level.map_or("-", |l| l.code())
}

fn print_profile(a: &Assessment, lang: Lang) {
    let e = &a.explanation;
    println!(
        "{} {} — {} {}",
        lang.s("Questionnaire", "Questionnaire"),
        a.questionnaire,
        lang.s("règles", "rules"),
        a.rules
    );
    println!();
    println!("{}", lang.s("Profil par domaine", "Profile per area"));
    println!(
        "{:<34} {:<26} {:<12} {}",
        lang.s("domaine", "area"),
        lang.s(
            "activités (3 mois) / seuils",
            "activities (3 months) / thresholds"
        ),
        lang.s("niveau DSI", "DSI level"),
        lang.s("auto-évaluation DigComp", "DigComp self-assessment")
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
        println!(
            "{:<34} {:<26} {:<12} {}",
            area_label(area, lang),
            format!("{}/{total}{counted} [{thresholds}]", count.counted.len()),
            level_code(a.outcome.dsi.areas[area]),
            lang.t(&a.outcome.proficiency[area].label)
        );
    }
    println!();
    print_class(a.outcome.dsi.class, lang);
    if let Some(rule) = &e.dsi.class_rule {
        println!("  {}: {}", lang.s("règle", "rule"), lang.t(rule));
    }
    println!(
        "  {}",
        lang.s(
            "style DSI : règles Eurostat sur 3 activités par domaine ; non comparable aux chiffres Eurostat ou Insee",
            "DSI-style: Eurostat rules on 3 activities per area; not comparable with Eurostat or INSEE figures"
        )
    );
}

fn print_recommendation(a: &Assessment, lang: Lang) {
    let r = &a.outcome.recommendation;
    let e = &a.explanation.accompaniment;
    println!();
    println!(
        "{}: {} — {}",
        lang.s("Accompagnement recommandé", "Recommended accompaniment"),
        r.accompaniment.code(),
        lang.t(&r.label)
    );
    println!(
        "  {}: {} ({} {}; {} {})",
        lang.s("règle décisive", "binding rule"),
        e.binding_rule.code(),
        lang.s("autonomie la plus faible", "lowest autonomy"),
        e.task_autonomy.code(),
        lang.s("classe DSI", "DSI class"),
        e.dsi_class.code()
    );
    for p in &e.proposals {
        println!(
            "    {:<21} {}",
            p.proposed.map_or("—", Accompaniment::code),
            lang.t(&p.rule_text)
        );
    }
    if !r.flags.is_empty() {
        let flags: Vec<&str> = r.flags.iter().map(|f| f.code()).collect();
        println!("  {}: {}", lang.s("besoins", "needs"), flags.join(", "));
    }
    for n in &r.notes {
        println!("  {}: {}", lang.s("note", "note"), lang.t(&n.text));
    }
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

fn print_needs(n: &HelpNeeds, lang: Lang) {
    println!();
    println!(
        "{}",
        lang.s(
            "Aide à chercher (un des éléments de chaque liste)",
            "Help to look for (any value of each list)"
        )
    );
    println!("  services: {}", labels(&n.criteria.services));
    println!(
        "  modalites_accompagnement: {}",
        labels(&n.criteria.support_modes)
    );
    println!(
        "  dispositif_programmes_nationaux: {}",
        labels(&n.criteria.national_programmes)
    );
    println!(
        "  prise_en_charge_specifique: {}",
        labels(&n.criteria.specific_support)
    );
    println!(
        "  {}: {}",
        lang.s("sauf", "except"),
        labels(&n.criteria.exclude_access_modes)
    );
    if !n.also_suggest.is_empty() {
        println!(
            "  {}: {}",
            lang.s("à chercher aussi", "also look for"),
            labels(&n.also_suggest)
        );
    }
}

/// Where to search from: `--near` resolved with the gazetteer, or `--lat`/`--lon`.
fn position(args: &Args) -> Result<Option<(f64, f64, String)>, String> {
    Ok(Some(match (&args.near, args.lat, args.lon) {
        (Some(name), _, _) => {
            let (commune, point) = Gazetteer::embedded()
                .locate(name)
                .map_err(|e| e.to_string())?;
            (point.latitude, point.longitude, commune.label())
        }
        (None, Some(lat), Some(lon)) => (lat, lon, format!("{lat}, {lon}")),
        _ => return Ok(None),
    }))
}

fn print_places(
    args: &Args,
    position: Option<(f64, f64, String)>,
    needs: &HelpNeeds,
    lang: Lang,
) -> Result<(), String> {
    let Some((latitude, longitude, from)) = position else {
        return Ok(());
    };
    let index = HelpIndex::build(sample_places().iter().cloned()).map_err(|e| e.to_string())?;
    let now = Utc::now();
    // The exact search first; looser ones only when it finds fewer than k places.
    let found =
        nearest_for_needs(&index, needs, latitude, longitude, args.k).map_err(|e| e.to_string())?;
    println!();
    println!(
        "{} {from} ({} {})",
        lang.s("Lieux les plus proches de", "Nearest places to"),
        index.len(),
        lang.s(
            "lieux embarqués, réseau Hinaura, Auvergne-Rhône-Alpes",
            "embedded places, Hinaura network, Auvergne-Rhône-Alpes"
        )
    );
    let hits = &found.hits;
    match found.relaxation {
        Relaxation::Exact => {}
        Relaxation::WithoutSpecificSupport => println!(
            "  {}",
            lang.s(
                "(aucun lieu assez proche ne déclare la prise en charge spécifique : critère retiré)",
                "(no place near enough declares the specific support: criterion dropped)"
            )
        ),
        Relaxation::WithoutSupportModes => println!(
            "  {}",
            lang.s(
                "(critères assouplis : sans prise en charge spécifique ni modalité d'accompagnement)",
                "(relaxed: without specific support or support modes)"
            )
        ),
        _ => println!(
            "  {}",
            lang.s(
                "(critères assouplis : services seulement ; vérifier avec le lieu le dispositif, l'accompagnement et la prise en charge)",
                "(relaxed: services only; check the programme, support mode and specific support with the place)"
            )
        ),
    }
    if hits.is_empty() {
        println!(
            "  {}",
            lang.s("aucun lieu ne correspond", "no place matches")
        );
    }
    for (rank, hit) in hits.iter().enumerate() {
        let place = index.place(hit);
        let open = match index.is_open_at(hit, now) {
            Some(true) => lang.s("ouvert maintenant", "open now"),
            Some(false) => lang.s("fermé maintenant", "closed now"),
            None => lang.s("horaires inconnus", "hours unknown"),
        };
        println!(
            "  {}. {:>6.1} km  {} — {} {} — {open}",
            rank + 1,
            hit.distance_m / 1000.0,
            place.name,
            place.address.postcode,
            place.address.commune
        );
        if let Some(phone) = &place.contact.phone {
            println!("              {phone}");
        }
    }
    for (service, hit) in &found.also {
        let found = hit.map_or_else(
            || {
                lang.s("aucun lieu dans les données", "no place in the data")
                    .to_owned()
            },
            |h| {
                let p = index.place(&h);
                format!(
                    "{:.1} km, {} — {}",
                    h.distance_m / 1000.0,
                    p.name,
                    p.address.commune
                )
            },
        );
        println!(
            "  {} « {} » : {found}",
            lang.s("aussi", "also"),
            service.label_fr()
        );
    }
    Ok(())
}

fn print_eurostat(a: &eurostat::EurostatAssessment, english: bool) {
    let lang = Lang(english);
    let DsiResult { areas, class } = a.result;
    println!(
        "{} ({})",
        lang.s("Mode Eurostat complet", "Full Eurostat mode"),
        a.explanation.rules
    );
    for area in Area::ALL {
        let c = &a.explanation.areas[area];
        println!(
            "{:<34} {:<12} {}/{} {}",
            area_label(area, lang),
            level_code(areas[area]),
            c.counted.len(),
            c.counted.len() + c.not_counted.len(),
            c.counted.join(",")
        );
    }
    print_class(class, lang);
}

fn print_class(class: skills::DsiClass, lang: Lang) {
    println!(
        "{}: {} ({}) — {}",
        lang.s("Classe DSI 2.0", "DSI 2.0 class"),
        class.code(),
        class.eurostat_code(),
        lang.s(class.label_fr(), class.label_en())
    );
}
