//! The administrative geography: the 18 régions (2016 boundaries, INSEE codes), the 101
//! départements and 8 overseas collectivities (names, région of each), and the one way to tell
//! the département of a code INSEE ([`Departement::of_insee`]) or of a postcode
//! ([`Departement::of_postcode`]).
//!
//! The table follows the Code officiel géographique 2026 as published in npm
//! `@etalab/decoupage-administratif` 6.0.0 (`regions.json`, `departements.json`), the package the
//! embedded gazetteer comes from. The overseas collectivities (Saint-Pierre-et-Miquelon,
//! Saint-Barthélemy, Saint-Martin, Wallis-et-Futuna, Polynésie française, Nouvelle-Calédonie, the
//! TAAF and Clipperton, codes 975 to 989) belong to no région: they are reported on their own.
//!
//! ```
//! use inclusion_territory::admin::{departement, region, region_of_departement, Departement};
//!
//! assert_eq!(region("84").unwrap().name, "Auvergne-Rhône-Alpes");
//! assert_eq!(region_of_departement("38").unwrap().code, "84");
//! assert_eq!(region_of_departement("2A").unwrap().name, "Corse");
//! assert_eq!(region_of_departement("974").unwrap().code, "04");
//! assert!(region_of_departement("987").is_none()); // Polynésie française: a collectivity
//! assert_eq!(departement("987").unwrap().name, "Polynésie française");
//!
//! // The département of a code INSEE, or of a postcode.
//! assert_eq!(Departement::of_insee("2A004").unwrap().name, "Corse-du-Sud");
//! assert_eq!(Departement::of_insee("97701").unwrap().name, "Saint-Barthélemy");
//! assert_eq!(Departement::of_postcode("97150").unwrap().name, "Saint-Martin");
//! assert_eq!(Departement::of_postcode("20000").unwrap().code, "2A");
//! assert_eq!(Departement::of_postcode("38000").unwrap().code, "38");
//! ```

/// A région (since 1 January 2016), with its INSEE code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    /// INSEE code: `01`–`06` for the overseas régions, `11`–`94` in metropolitan France.
    pub code: &'static str,
    /// Official name, e.g. `Provence-Alpes-Côte d'Azur`.
    pub name: &'static str,
    /// The codes of its départements.
    pub departements: &'static [&'static str],
}

/// A département, or an overseas collectivity (which has no région).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Departement {
    /// Code: `01`–`95`, `2A`, `2B`, `971`–`976`, or a collectivity `975`, `977`–`989`.
    pub code: &'static str,
    /// Official name, e.g. `Isère`.
    pub name: &'static str,
    /// The code of its région; `None` for an overseas collectivity.
    pub region: Option<&'static str>,
}

/// The 18 régions, by code.
pub const REGIONS: &[Region] = &[
    Region {
        code: "01",
        name: "Guadeloupe",
        departements: &["971"],
    },
    Region {
        code: "02",
        name: "Martinique",
        departements: &["972"],
    },
    Region {
        code: "03",
        name: "Guyane",
        departements: &["973"],
    },
    Region {
        code: "04",
        name: "La Réunion",
        departements: &["974"],
    },
    Region {
        code: "06",
        name: "Mayotte",
        departements: &["976"],
    },
    Region {
        code: "11",
        name: "Île-de-France",
        departements: &["75", "77", "78", "91", "92", "93", "94", "95"],
    },
    Region {
        code: "24",
        name: "Centre-Val de Loire",
        departements: &["18", "28", "36", "37", "41", "45"],
    },
    Region {
        code: "27",
        name: "Bourgogne-Franche-Comté",
        departements: &["21", "25", "39", "58", "70", "71", "89", "90"],
    },
    Region {
        code: "28",
        name: "Normandie",
        departements: &["14", "27", "50", "61", "76"],
    },
    Region {
        code: "32",
        name: "Hauts-de-France",
        departements: &["02", "59", "60", "62", "80"],
    },
    Region {
        code: "44",
        name: "Grand Est",
        departements: &["08", "10", "51", "52", "54", "55", "57", "67", "68", "88"],
    },
    Region {
        code: "52",
        name: "Pays de la Loire",
        departements: &["44", "49", "53", "72", "85"],
    },
    Region {
        code: "53",
        name: "Bretagne",
        departements: &["22", "29", "35", "56"],
    },
    Region {
        code: "75",
        name: "Nouvelle-Aquitaine",
        departements: &[
            "16", "17", "19", "23", "24", "33", "40", "47", "64", "79", "86", "87",
        ],
    },
    Region {
        code: "76",
        name: "Occitanie",
        departements: &[
            "09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82",
        ],
    },
    Region {
        code: "84",
        name: "Auvergne-Rhône-Alpes",
        departements: &[
            "01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74",
        ],
    },
    Region {
        code: "93",
        name: "Provence-Alpes-Côte d'Azur",
        departements: &["04", "05", "06", "13", "83", "84"],
    },
    Region {
        code: "94",
        name: "Corse",
        departements: &["2A", "2B"],
    },
];

macro_rules! departements {
    ($($code:literal $name:literal $region:expr;)+) => {
        /// The 101 départements and the 8 overseas collectivities, by code.
        pub const DEPARTEMENTS: &[Departement] = &[
            $(Departement { code: $code, name: $name, region: $region },)+
        ];
    };
}

departements! {
    "01" "Ain" Some("84"); "02" "Aisne" Some("32"); "03" "Allier" Some("84");
    "04" "Alpes-de-Haute-Provence" Some("93"); "05" "Hautes-Alpes" Some("93");
    "06" "Alpes-Maritimes" Some("93"); "07" "Ardèche" Some("84"); "08" "Ardennes" Some("44");
    "09" "Ariège" Some("76"); "10" "Aube" Some("44"); "11" "Aude" Some("76");
    "12" "Aveyron" Some("76"); "13" "Bouches-du-Rhône" Some("93"); "14" "Calvados" Some("28");
    "15" "Cantal" Some("84"); "16" "Charente" Some("75"); "17" "Charente-Maritime" Some("75");
    "18" "Cher" Some("24"); "19" "Corrèze" Some("75"); "21" "Côte-d'Or" Some("27");
    "22" "Côtes-d'Armor" Some("53"); "23" "Creuse" Some("75"); "24" "Dordogne" Some("75");
    "25" "Doubs" Some("27"); "26" "Drôme" Some("84"); "27" "Eure" Some("28");
    "28" "Eure-et-Loir" Some("24"); "29" "Finistère" Some("53"); "2A" "Corse-du-Sud" Some("94");
    "2B" "Haute-Corse" Some("94"); "30" "Gard" Some("76"); "31" "Haute-Garonne" Some("76");
    "32" "Gers" Some("76"); "33" "Gironde" Some("75"); "34" "Hérault" Some("76");
    "35" "Ille-et-Vilaine" Some("53"); "36" "Indre" Some("24"); "37" "Indre-et-Loire" Some("24");
    "38" "Isère" Some("84"); "39" "Jura" Some("27"); "40" "Landes" Some("75");
    "41" "Loir-et-Cher" Some("24"); "42" "Loire" Some("84"); "43" "Haute-Loire" Some("84");
    "44" "Loire-Atlantique" Some("52"); "45" "Loiret" Some("24"); "46" "Lot" Some("76");
    "47" "Lot-et-Garonne" Some("75"); "48" "Lozère" Some("76"); "49" "Maine-et-Loire" Some("52");
    "50" "Manche" Some("28"); "51" "Marne" Some("44"); "52" "Haute-Marne" Some("44");
    "53" "Mayenne" Some("52"); "54" "Meurthe-et-Moselle" Some("44"); "55" "Meuse" Some("44");
    "56" "Morbihan" Some("53"); "57" "Moselle" Some("44"); "58" "Nièvre" Some("27");
    "59" "Nord" Some("32"); "60" "Oise" Some("32"); "61" "Orne" Some("28");
    "62" "Pas-de-Calais" Some("32"); "63" "Puy-de-Dôme" Some("84");
    "64" "Pyrénées-Atlantiques" Some("75"); "65" "Hautes-Pyrénées" Some("76");
    "66" "Pyrénées-Orientales" Some("76"); "67" "Bas-Rhin" Some("44"); "68" "Haut-Rhin" Some("44");
    "69" "Rhône" Some("84"); "70" "Haute-Saône" Some("27"); "71" "Saône-et-Loire" Some("27");
    "72" "Sarthe" Some("52"); "73" "Savoie" Some("84"); "74" "Haute-Savoie" Some("84");
    "75" "Paris" Some("11"); "76" "Seine-Maritime" Some("28"); "77" "Seine-et-Marne" Some("11");
    "78" "Yvelines" Some("11"); "79" "Deux-Sèvres" Some("75"); "80" "Somme" Some("32");
    "81" "Tarn" Some("76"); "82" "Tarn-et-Garonne" Some("76"); "83" "Var" Some("93");
    "84" "Vaucluse" Some("93"); "85" "Vendée" Some("52"); "86" "Vienne" Some("75");
    "87" "Haute-Vienne" Some("75"); "88" "Vosges" Some("44"); "89" "Yonne" Some("27");
    "90" "Territoire de Belfort" Some("27"); "91" "Essonne" Some("11");
    "92" "Hauts-de-Seine" Some("11"); "93" "Seine-Saint-Denis" Some("11");
    "94" "Val-de-Marne" Some("11"); "95" "Val-d'Oise" Some("11");
    "971" "Guadeloupe" Some("01"); "972" "Martinique" Some("02"); "973" "Guyane" Some("03");
    "974" "La Réunion" Some("04"); "976" "Mayotte" Some("06");
    "975" "Saint-Pierre-et-Miquelon" None; "977" "Saint-Barthélemy" None;
    "978" "Saint-Martin" None; "984" "Terres australes et antarctiques françaises" None;
    "986" "Wallis et Futuna" None; "987" "Polynésie française" None;
    "988" "Nouvelle-Calédonie" None; "989" "Île de Clipperton" None;
}

/// The région with this INSEE code (`84`, `11`, `04`…); a one-digit code such as `4` is read as
/// `04`.
pub fn region(code: &str) -> Option<&'static Region> {
    let code = normalise_code(code);
    REGIONS.iter().find(|r| r.code == code)
}

/// The département or overseas collectivity with this code (`38`, `2A`, `974`, `987`); `1` is
/// read as `01`, and `2a` as `2A`.
pub fn departement(code: &str) -> Option<&'static Departement> {
    // A code in its normal form is found without allocating; others are normalised first.
    match slot(trim(code).as_bytes()) {
        Some(slot) => by_slot(slot),
        None => slot(normalise_code(code).as_bytes()).and_then(by_slot),
    }
}

/// `code` without the white space around it; a code that starts and ends with a printable
/// ASCII character, as codes almost always do, without looking further (the territory of
/// every place of an index is looked up).
fn trim(code: &str) -> &str {
    let printable = |b: Option<&u8>| b.is_some_and(|&b| b > b' ' && b < 0x7f);
    let b = code.as_bytes();
    if printable(b.first()) && printable(b.last()) {
        code
    } else {
        code.trim()
    }
}

/// The number of [`slot`]s: two digits, 2A and 2B, and 970 to 989.
const SLOTS: usize = 122;

/// The slot of a code in its normal form: `00`–`99`, `2A`, `2B`, `970`–`989`.
fn slot(code: &[u8]) -> Option<usize> {
    let digit = |b: u8| usize::from(b - b'0');
    match *code {
        [a @ b'0'..=b'9', b @ b'0'..=b'9'] => Some(digit(a) * 10 + digit(b)),
        [b'2', b'A'] => Some(100),
        [b'2', b'B'] => Some(101),
        [b'9', b @ (b'7' | b'8'), c @ b'0'..=b'9'] => Some(102 + digit(b - 7) * 10 + digit(c)),
        _ => None,
    }
}

/// The département of a code in its normal form (see [`slot`]).
fn of_normal(code: &[u8]) -> Option<&'static Departement> {
    slot(code).and_then(by_slot)
}

/// The département of a slot, by a table of the slots built once: the territory of every
/// place of an index is looked up, and a scan of the codes with an allocation cost 315
/// instructions per place (13 % of building an index of 100,000 places, callgrind).
fn by_slot(slot: usize) -> Option<&'static Departement> {
    static TABLE: std::sync::OnceLock<[u8; SLOTS]> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table = [0; SLOTS];
        for (i, d) in DEPARTEMENTS.iter().enumerate() {
            if let (Some(s), Ok(i)) = (self::slot(d.code.as_bytes()), u8::try_from(i + 1)) {
                table[s] = i;
            }
        }
        table
    });
    let i = usize::from(*table.get(slot)?).checked_sub(1)?;
    DEPARTEMENTS.get(i)
}

/// The région of a département; `None` for an overseas collectivity or an unknown code.
pub fn region_of_departement(code: &str) -> Option<&'static Region> {
    departement(code)?.region.and_then(region)
}

impl Departement {
    /// The département (or overseas collectivity) of a code INSEE (COG commune code): its
    /// first two characters (`38`, `2A`, `2B`), or three for the codes `97x` and `98x`.
    /// `None` when the code is not 5 characters of the standard's pattern
    /// (`^([013-9]\d|2[AB1-9])\d{3}$`) or names no current département or collectivity.
    pub fn of_insee(code: &str) -> Option<&'static Departement> {
        let b = trim(code).as_bytes();
        if b.len() != 5 || !b[2..].iter().all(u8::is_ascii_digit) {
            return None;
        }
        // The prefix is in its normal form but for a lowercase 2a / 2b.
        match (b[0], b[1]) {
            (b'2', b'A' | b'a') => of_normal(b"2A"),
            (b'2', b'B' | b'b') => of_normal(b"2B"),
            (b'9', b'7' | b'8') => of_normal(&b[..3]),
            _ => of_normal(&b[..2]),
        }
    }

    /// The département (or overseas collectivity) a 5-digit postcode belongs to. Postcodes
    /// follow the département with these exceptions: `200xx`–`201xx` are Corse-du-Sud (2A) and
    /// `202xx`–`206xx` Haute-Corse (2B); `97133` is Saint-Barthélemy (977) and `97150`
    /// Saint-Martin (978); Monaco's `980xx` and the military `00xxx` belong to none. Cedex and
    /// a few border postcodes cross a département line: prefer [`Departement::of_insee`] when
    /// a code INSEE is known.
    pub fn of_postcode(postcode: &str) -> Option<&'static Departement> {
        let code = trim(postcode);
        let b = code.as_bytes();
        if b.len() != 5 || !b.iter().all(u8::is_ascii_digit) {
            return None;
        }
        match code {
            "97133" => return of_normal(b"977"),
            "97150" => return of_normal(b"978"),
            _ => {}
        }
        match (b[0], b[1]) {
            (b'2', b'0') => of_normal(if b[2] <= b'1' { b"2A" } else { b"2B" }),
            (b'9', b'7' | b'8') => of_normal(&b[..3]),
            _ => of_normal(&b[..2]),
        }
    }

    /// The département of an address: of its code INSEE when that is a well-formed code of a
    /// current département or collectivity, otherwise of its postcode.
    ///
    /// ```
    /// use inclusion_territory::admin::Departement;
    /// assert_eq!(Departement::of_codes("97150", Some("97801")).unwrap().code, "978");
    /// assert_eq!(Departement::of_codes("38000", None).unwrap().code, "38");
    /// assert_eq!(Departement::of_codes("20200", Some("2X")).unwrap().code, "2B");
    /// assert!(Departement::of_codes("98000", None).is_none()); // Monaco
    /// ```
    pub fn of_codes(postcode: &str, insee: Option<&str>) -> Option<&'static Departement> {
        insee
            .and_then(Departement::of_insee)
            .or_else(|| Departement::of_postcode(postcode))
    }

    /// Whether a postcode is consistent with this département: the postcode's own
    /// département, or any Corsican postcode (`20xxx`) for 2A and 2B (some communes of one
    /// have a postcode of the other's range), or a Guadeloupe postcode (`971xx`) for
    /// Saint-Barthélemy and Saint-Martin.
    ///
    /// ```
    /// use inclusion_territory::admin::Departement;
    /// let d = |insee| Departement::of_insee(insee).unwrap();
    /// assert!(d("51454").accepts_postcode("51100"));
    /// assert!(d("2A004").accepts_postcode("20000"));
    /// assert!(d("97701").accepts_postcode("97133"));
    /// assert!(!d("51454").accepts_postcode("75001"));
    /// assert!(!d("97411").accepts_postcode("97200"));
    /// ```
    pub fn accepts_postcode(&self, postcode: &str) -> bool {
        let postcode = postcode.trim();
        match self.code {
            "2A" | "2B" => postcode.starts_with("20"),
            "977" | "978" => postcode.starts_with("971"),
            code => postcode.starts_with(code),
        }
    }

    /// The région of this département; `None` for an overseas collectivity.
    pub fn region(&self) -> Option<&'static Region> {
        self.region.and_then(region)
    }
}

/// `4` -> `04`, `2a` -> `2A`, surrounding spaces removed.
fn normalise_code(code: &str) -> String {
    let code = code.trim().to_ascii_uppercase();
    if code.len() == 1 {
        format!("0{code}")
    } else {
        code
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`Departement::of_insee`] and [`Departement::of_postcode`] as they read before they
    /// went by slot, through [`departement`] and the standard library's `trim`: the oracle.
    fn of_codes_by_name(postcode: &str, insee: Option<&str>) -> Option<&'static Departement> {
        let of_insee = |code: &str| {
            let code = code.trim();
            let b = code.as_bytes();
            if b.len() != 5 || !b[2..].iter().all(u8::is_ascii_digit) {
                return None;
            }
            let prefix = match (b[0], b[1]) {
                (b'2', b'A' | b'B' | b'a' | b'b') => &code[..2],
                (b'9', b'7' | b'8') => &code[..3],
                (x, y) if x.is_ascii_digit() && y.is_ascii_digit() => &code[..2],
                _ => return None,
            };
            departement(prefix)
        };
        let of_postcode = |code: &str| {
            let code = code.trim();
            let b = code.as_bytes();
            if b.len() != 5 || !b.iter().all(u8::is_ascii_digit) {
                return None;
            }
            match code {
                "97133" => return departement("977"),
                "97150" => return departement("978"),
                _ => {}
            }
            match (b[0], b[1]) {
                (b'2', b'0') => departement(if b[2] <= b'1' { "2A" } else { "2B" }),
                (b'9', b'7' | b'8') => departement(&code[..3]),
                _ => departement(&code[..2]),
            }
        };
        insee.and_then(of_insee).or_else(|| of_postcode(postcode))
    }

    proptest::proptest! {
        /// Codes of every shape: digits, 2A/2b, 97x and 98x, with white space (ASCII, the
        /// vertical tab, a no-break space) around or inside, and other characters.
        #[test]
        fn codes_find_the_departement_they_found_by_name(
            postcode in "[ \t\x0b\u{a0}]?(97133|97150|20[0-9]{3}|9[78][0-9]{3}|[0-9]{5}|[0-9 A-Ba-bé]{1,6})[ \n\u{a0}]?",
            insee in proptest::option::of(
                "[ \x0b\u{a0}]?(2[ABab1-9][0-9]{3}|9[78][0-9]{3}|[0-9]{5}|[0-9 A-Ba-bé]{1,6})[ \r\u{a0}]?"
            ),
        ) {
            proptest::prop_assert_eq!(
                Departement::of_codes(&postcode, insee.as_deref()).map(|d| d.code),
                of_codes_by_name(&postcode, insee.as_deref()).map(|d| d.code)
            );
        }
    }

    #[test]
    fn the_table_of_codes_finds_what_a_scan_finds() {
        // Every code has a slot of its own.
        let mut slots: Vec<usize> = DEPARTEMENTS
            .iter()
            .map(|d| slot(d.code.as_bytes()).unwrap())
            .collect();
        slots.sort_unstable();
        slots.dedup();
        assert_eq!(slots.len(), DEPARTEMENTS.len());
        // Every one- to three-character text of digits and letters, with spaces and cases.
        let chars: Vec<char> = ('0'..='9').chain('A'..='D').chain('a'..='b').collect();
        let mut texts = vec![String::new(), " 38 ".to_owned(), "2A ".to_owned()];
        for &a in &chars {
            texts.push(a.to_string());
            for &b in &chars {
                texts.push(format!("{a}{b}"));
                for &c in &chars {
                    texts.push(format!("{a}{b}{c}"));
                }
            }
        }
        for text in &texts {
            let normal = normalise_code(text);
            let scan = DEPARTEMENTS.iter().find(|d| d.code == normal);
            assert_eq!(
                departement(text).map(|d| d.code),
                scan.map(|d| d.code),
                "{text:?}"
            );
        }
        assert_eq!(departement("2a").unwrap().code, "2A");
        assert_eq!(departement("4").unwrap().code, "04");
        assert_eq!(departement("976").unwrap().code, "976");
        assert!(departement("20").is_none() && departement("96").is_none());
    }

    #[test]
    fn every_departement_of_a_region_points_back_to_it() {
        for r in REGIONS {
            for d in r.departements {
                assert_eq!(departement(d).and_then(|d| d.region), Some(r.code), "{d}");
            }
        }
        for d in DEPARTEMENTS {
            if let Some(code) = d.region {
                let r = region(code).unwrap();
                assert!(
                    r.departements.contains(&d.code),
                    "{} not in {}",
                    d.code,
                    r.code
                );
            }
        }
    }

    #[test]
    fn counts_match_the_administrative_map() {
        assert_eq!(REGIONS.len(), 18);
        // 96 metropolitan départements (01–95 without 20, plus 2A and 2B), 5 overseas.
        let with_region = DEPARTEMENTS.iter().filter(|d| d.region.is_some()).count();
        assert_eq!(with_region, 101);
        assert_eq!(DEPARTEMENTS.len(), 109);
        let metro = REGIONS.iter().filter(|r| r.code.as_bytes()[0] != b'0');
        assert_eq!(metro.count(), 13);
        // Codes are unique.
        let mut codes: Vec<&str> = DEPARTEMENTS.iter().map(|d| d.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), DEPARTEMENTS.len());
        assert_eq!(region("84").unwrap().departements.len(), 12);
        assert_eq!(region("76").unwrap().departements.len(), 13);
    }

    #[test]
    fn departement_of_every_commune_code_shape() {
        let code = |c: &str| Departement::of_insee(c).map(|d| d.code);
        assert_eq!(code("01001"), Some("01"));
        assert_eq!(code("2b033"), Some("2B"));
        assert_eq!(code("97411"), Some("974"));
        assert_eq!(code("98818"), Some("988"));
        assert_eq!(code(" 75056 "), Some("75"));
        assert_eq!(code("20004"), None); // 20 is no longer a département
        assert_eq!(code("96001"), None);
        assert_eq!(code("9741"), None);
        assert_eq!(code("2C004"), None);
        let post = |c: &str| Departement::of_postcode(c).map(|d| d.code);
        assert_eq!(post("20190"), Some("2A"));
        assert_eq!(post("20200"), Some("2B"));
        assert_eq!(post("20600"), Some("2B"));
        assert_eq!(post("97400"), Some("974"));
        assert_eq!(post("98714"), Some("987"));
        assert_eq!(post("98000"), None); // Monaco
        assert_eq!(post("0100"), None);
        assert_eq!(post("abcde"), None);
    }

    #[test]
    fn postcode_consistency() {
        let d = |insee| Departement::of_insee(insee).unwrap();
        assert!(d("51454").accepts_postcode("51100"));
        assert!(d("2B033").accepts_postcode("20200"));
        assert!(d("97411").accepts_postcode("97400"));
        assert!(d("97801").accepts_postcode("97150"));
        assert!(d("98818").accepts_postcode("98800"));
        assert!(!d("51454").accepts_postcode("75001"));
        assert!(!d("97411").accepts_postcode("97200"));
    }

    #[test]
    fn codes_are_normalised() {
        assert_eq!(region("4").unwrap().name, "La Réunion");
        assert_eq!(region(" 84 ").unwrap().code, "84");
        assert_eq!(departement("2a").unwrap().name, "Corse-du-Sud");
        assert_eq!(departement("1").unwrap().name, "Ain");
        assert!(region("05").is_none());
        assert!(region("").is_none());
        assert!(departement("20").is_none());
        assert!(region_of_departement("99").is_none());
    }
}
