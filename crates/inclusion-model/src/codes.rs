//! The stable, machine-readable codes of [`Diagnostic`](crate::Diagnostic)s.
//!
//! Codes never change meaning; new ones may be added. Codes without a dot come from the
//! standard's own schema (the Standard level: what the official validator checks); codes
//! with a dot are checks the standard forgot (the Strict level) or concern the file itself.
//! Each check is documented, with an example, in the [catalogue](crate::validate::checks);
//! each message (some codes have a few variants) in [`messages`](crate::messages).
//!
//! | code | level | severity | meaning |
//! |---|---|---|---|
//! | `required` | Standard | error | a required column is empty |
//! | `unique` | Standard | error | an `id` already used by an earlier row |
//! | `pattern` | Standard | error | a value does not match the column's pattern (`pivot`, `code_postal`, `code_insee`, `telephone`) |
//! | `label` | Standard | error | a list item is not a label of the column's vocabulary |
//! | `number` | Standard | error | `latitude`/`longitude` is not a number |
//! | `date` | Standard | error | `date_maj` is not a `YYYY-MM-DD` date |
//! | `max_length` | Standard | error | `presentation_resume` is longer than 280 characters |
//! | `cell_count` | Standard | error | a row has more or fewer cells than the header |
//! | `blank_row` | Standard | error | a row whose cells are all empty |
//! | `coordinates.incomplete` | both | warning | only one of `latitude`/`longitude` is given |
//! | `coordinates.out_of_range` | both | warning (Standard) / error (Strict) | not a finite latitude in [-90, 90] and longitude in [-180, 180] |
//! | `coordinates.outside_france` | Strict | warning | the position is far (more than 100 km) from any French land, and in no neighbouring country |
//! | `coordinates.swapped` | Strict | warning | the position is not where the address says, but would be with latitude and longitude swapped (the corrected position is given) |
//! | `coordinates.sign_lost` | Strict | warning | the position is not where the address says, but would be with the sign of the longitude (or latitude) restored (the corrected position is given) |
//! | `coordinates.at_sea` | Strict | warning | the position is at sea, farther than the tolerance (3.5 km; 40 km in the Pacific) from French land but within 100 km |
//! | `coordinates.neighbour_country` | Strict | warning | the position is in a neighbouring country, farther than the tolerance from French land |
//! | `coordinates.other_territory` | Strict | warning | the position is on the land of another French territory than the one `code_postal` / `code_insee` name |
//! | `pivot.siret_checksum` | Strict | warning | a 14-digit SIRET whose Luhn checksum fails (La Poste's rule applied to its SIREN 356000000) |
//! | `pivot.placeholder` | Strict | warning | the placeholder `00000000000000` |
//! | `pivot.format` | Strict | warning | neither a SIRET (14 digits) nor an RNA number ([`syntax::is_rna`](crate::syntax::is_rna)) |
//! | `code_postal.insee_mismatch` | Strict | warning | the postcode is not in the département of `code_insee` |
//! | `courriels.syntax` | Strict | warning | an item of `courriels` that is not an e-mail address ([`syntax::is_email`](crate::syntax::is_email): ASCII, RFC 5322) |
//! | `url.syntax` | Strict | warning | a URL of `site_web`, `fiche_acces_libre` or `prise_rdv` that is not a web address ([`syntax::is_web_url`](crate::syntax::is_web_url): `http(s)://host/...`, RFC 3986 characters) |
//! | `typologie.unlisted` | Strict | warning | a `typologie` code outside the 92 codes of the reference library |
//! | `formations_labels.ordi_variant` | Strict | warning | `ORDI 3X0`-like spelling accepted by the standard's unescaped pattern |
//! | `formations_labels.etapes_spelling` | Standard | error | `Étapes numériques (La Poste)` (with a space): the standard's pattern requires `Étapes numériques(La Poste)` |
//! | `date_maj.future` | Strict | warning | `date_maj` is after today |
//! | `date_maj.too_old` | Strict | warning | `date_maj` is before 2000-01-01 (often a 1970-01-01 placeholder) |
//! | `horaires.syntax` | Strict | warning | `horaires` is not valid OpenStreetMap `opening_hours` syntax |
//! | `horaires.too_long` | both | warning | `horaires` longer than 255 characters (OpenStreetMap's limit for a value): kept, not evaluated |
//! | `horaires.french` | Strict | warning | `horaires` is French text, not OSM syntax, that converts faithfully: the message gives the OSM value to write ([`hours_fix`](crate::hours_fix)) |
//! | `migration.version` | file | warning | the file follows schema v0.1; its rows are migrated to v1.0.2 |
//! | `migration.approximate` | migration | warning | a v0.1 value became the closest v1 value |
//! | `migration.no_equivalent` | migration | warning | a v0.1 value has no v1 equivalent (where it went is said) |
//! | `migration.summary_moved` | migration | warning | a v0.1 summary longer than 280 characters was cut; the full text starts `presentation_detail` |
//! | `file.unreadable` | file | error | the file cannot be read at all |
//! | `file.missing_column` | file | error | a required column is missing from the header: no row can be read |
//! | `file.missing_optional_column` | file | warning | an optional column of the standard is missing from the header |
//! | `file.unknown_column` | file | warning | a column that is not in the standard (kept in [`Place::extra`](crate::Place::extra)) |
//! | `file.duplicate_column` | file | error | a column name appears more than once in the header (the first one is read; once per name); in a row, a later one holds a different value (not read: the row is invalid); in a JSON record, a key repeated (the last value is read; a warning when the values are the same) |
//! | `file.legacy_column` | file | warning | a v0.1 column in a v1 file: its values are read into their v1 columns, as the migration does |
//! | `file.unclosed_quote` | file | error | a quote opened in a row runs over lines that read as rows: the row is reported, the lines skipped are named, and reading resumes at the next line that reads as a row |
//! | `file.bom` | file | warning | the file starts with a UTF-8 byte-order mark |
//! | `file.windows_1252` | file | warning | the file is not UTF-8; it was decoded as Windows-1252 |
//! | `file.utf16` | file | warning | the file is UTF-16 (with or without a byte-order mark); it was decoded as such |
//! | `file.invalid_utf8` | file | warning (the file: how many, where the first is) / error (each cell that holds one) | a UTF-8 file with invalid byte sequences, each replaced by `�` |
//! | `file.semicolon_delimiter` | file | warning | columns are separated by `;` instead of `,` |
//! | `json.type` | file | error | a JSON record is not an object, or a value is an object, an array, or a string with an escape that is no character (`"\ud800"`) |
//! | `json.number` | file | warning | a JSON value for a text column is a number or a boolean (converted to text) |

/// A required column is empty.
pub const REQUIRED: &str = "required";
/// An `id` already used by an earlier row.
pub const UNIQUE: &str = "unique";
/// A value does not match the column's pattern.
pub const PATTERN: &str = "pattern";
/// A list item is not a label of the column's vocabulary.
pub const LABEL: &str = "label";
/// `latitude`/`longitude` is not a number.
pub const NUMBER: &str = "number";
/// `date_maj` is not a date.
pub const DATE: &str = "date";
/// `presentation_resume` is longer than 280 characters.
pub const MAX_LENGTH: &str = "max_length";
/// A row has more or fewer cells than the header.
pub const CELL_COUNT: &str = "cell_count";
/// A row whose cells are all empty.
pub const BLANK_ROW: &str = "blank_row";
/// Only one of `latitude`/`longitude`.
pub const COORDINATES_INCOMPLETE: &str = "coordinates.incomplete";
/// Coordinates not finite or out of range.
pub const COORDINATES_OUT_OF_RANGE: &str = "coordinates.out_of_range";
/// Coordinates in no French territory.
pub const COORDINATES_OUTSIDE_FRANCE: &str = "coordinates.outside_france";
/// Latitude and longitude probably swapped.
pub const COORDINATES_SWAPPED: &str = "coordinates.swapped";
/// The sign of the longitude (or latitude) lost.
pub const COORDINATES_SIGN_LOST: &str = "coordinates.sign_lost";
/// At sea, near French land.
pub const COORDINATES_AT_SEA: &str = "coordinates.at_sea";
/// In a neighbouring country.
pub const COORDINATES_NEIGHBOUR_COUNTRY: &str = "coordinates.neighbour_country";
/// In another French territory than the address's.
pub const COORDINATES_OTHER_TERRITORY: &str = "coordinates.other_territory";
/// A SIRET with a bad checksum.
pub const PIVOT_SIRET_CHECKSUM: &str = "pivot.siret_checksum";
/// The placeholder pivot `00000000000000`.
pub const PIVOT_PLACEHOLDER: &str = "pivot.placeholder";
/// A pivot that is neither a SIRET nor an RNA number.
pub const PIVOT_FORMAT: &str = "pivot.format";
/// Postcode outside the département of the INSEE code.
pub const POSTCODE_INSEE_MISMATCH: &str = "code_postal.insee_mismatch";
/// An implausible e-mail address.
pub const EMAIL_SYNTAX: &str = "courriels.syntax";
/// An implausible URL.
pub const URL_SYNTAX: &str = "url.syntax";
/// A typologie code outside the reference list.
pub const TYPOLOGY_UNLISTED: &str = "typologie.unlisted";
/// `ORDI 3X0`-like spelling.
pub const ORDI_VARIANT: &str = "formations_labels.ordi_variant";
/// `Étapes numériques (La Poste)` with a space.
pub const ETAPES_SPELLING: &str = "formations_labels.etapes_spelling";
/// `date_maj` in the future.
pub const DATE_FUTURE: &str = "date_maj.future";
/// `date_maj` before 2000.
pub const DATE_TOO_OLD: &str = "date_maj.too_old";
/// Invalid `opening_hours` syntax.
pub const HOURS_SYNTAX: &str = "horaires.syntax";
/// `horaires` too long to evaluate.
pub const HOURS_TOO_LONG: &str = "horaires.too_long";
/// `opening_hours` written in French, with a suggested OSM value.
pub const HOURS_FRENCH: &str = "horaires.french";
/// The file cannot be read.
pub const FILE_UNREADABLE: &str = "file.unreadable";
/// A required column is missing.
pub const FILE_MISSING_COLUMN: &str = "file.missing_column";
/// An optional column is missing.
pub const FILE_MISSING_OPTIONAL_COLUMN: &str = "file.missing_optional_column";
/// A column outside the standard.
pub const FILE_UNKNOWN_COLUMN: &str = "file.unknown_column";
/// A column name used twice.
pub const FILE_DUPLICATE_COLUMN: &str = "file.duplicate_column";
/// A v0.1 column in a v1 file, mapped.
pub const FILE_LEGACY_COLUMN: &str = "file.legacy_column";
/// A quote never closed where it should be.
pub const FILE_UNCLOSED_QUOTE: &str = "file.unclosed_quote";
/// A UTF-8 byte-order mark.
pub const FILE_BOM: &str = "file.bom";
/// Decoded as Windows-1252.
pub const FILE_WINDOWS_1252: &str = "file.windows_1252";
/// Decoded as UTF-16.
pub const FILE_UTF16: &str = "file.utf16";
/// Invalid byte sequences in a UTF-8 file.
pub const FILE_INVALID_UTF8: &str = "file.invalid_utf8";
/// `;` column delimiter.
pub const FILE_SEMICOLON: &str = "file.semicolon_delimiter";
/// A JSON record or value of the wrong type.
pub const JSON_TYPE: &str = "json.type";
/// A JSON number or boolean where text is expected.
pub const JSON_NUMBER: &str = "json.number";
/// A v0.1 file migrated to v1.0.2.
pub const MIGRATION_VERSION: &str = "migration.version";
/// A v0.1 value mapped to the closest v1 value.
pub const MIGRATION_APPROXIMATE: &str = "migration.approximate";
/// A v0.1 value without v1 equivalent.
pub const MIGRATION_NO_EQUIVALENT: &str = "migration.no_equivalent";
/// A long v0.1 summary cut and copied to the detailed presentation.
pub const MIGRATION_SUMMARY_MOVED: &str = "migration.summary_moved";
