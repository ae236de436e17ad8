//! The messages of this crate's diagnostics: one [`Template`] per code, or per variant of a
//! code (each with a stable key), in French and in English.
//!
//! This is the one table of the crate's messages: the validator, the readers and the
//! migration refer to these `static`s, and a [`Diagnostic`](crate::Diagnostic) renders its
//! message from its template when it is printed (see
//! [the placeholders](crate::diagnostic#placeholders)). [`ALL`] lists them; a test checks that
//! every code of [`codes`] has a message and every message a documented code.
//!
//! ```
//! use inclusion_model::{messages, read_csv_str, ReadOptions};
//!
//! let csv = "id,pivot,nom,commune,code_postal,adresse,date_maj,frais_a_charge\n\
//!            p1,43493312300029,Mairie,Reims,51100,1 rue X,2024-04-02,gratuit\n";
//! let report = read_csv_str(csv, &ReadOptions::default());
//! let d = report.errors().next().unwrap();
//! assert_eq!(d.template(), &messages::LABEL_CASE);
//! assert_eq!(d.template().key(), "label.case");
//! assert_eq!(messages::LABEL_CASE.en(), "'{0}' is not a valid value; letters are case-sensitive: '{1}'. Valid values: {labels}.");
//! assert_eq!(d.message_en(), "'gratuit' is not a valid value; letters are case-sensitive: 'Gratuit'. Valid values: Gratuit | Gratuit sous condition | Payant.");
//! ```

use crate::codes;
use crate::diagnostic::Template;

crate::message_table! {
    // --- The standard's checks (Standard level) ---

    /// A required column is empty.
    REQUIRED = codes::REQUIRED, "required",
        "La colonne obligatoire {column} (« {title} ») est vide : renseignez-la.",
        "The required column {column} ('{title}') is empty: fill it in.";
    /// An `id` already used.
    UNIQUE = codes::UNIQUE, "unique",
        "L'identifiant « {value} » est déjà utilisé par une ligne précédente : chaque lieu doit avoir un id unique.",
        "The id '{value}' is already used by an earlier row: every place needs a unique id.";
    /// A `pivot` outside the pattern.
    PATTERN_PIVOT = codes::PATTERN, "pattern.pivot",
        "La valeur « {value} » de {column} ne respecte pas le format du standard : 9 à 14 lettres ou chiffres sans espace (SIRET de 14 chiffres, ou RNA W + 9 caractères).",
        "The value '{value}' of {column} does not match the standard's format: 9 to 14 letters or digits without spaces (a 14-digit SIRET, or an RNA number W + 9 characters).";
    /// A `code_postal` outside the pattern.
    PATTERN_POSTCODE = codes::PATTERN, "pattern.code_postal",
        "La valeur « {value} » de {column} ne respecte pas le format du standard : 5 chiffres, par exemple 51100.",
        "The value '{value}' of {column} does not match the standard's format: 5 digits, e.g. 51100.";
    /// A `code_insee` outside the pattern.
    PATTERN_INSEE = codes::PATTERN, "pattern.code_insee",
        "La valeur « {value} » de {column} ne respecte pas le format du standard : 5 caractères : 2 chiffres (ou 2A/2B en Corse) puis 3 chiffres, par exemple 51454 ou 2A004.",
        "The value '{value}' of {column} does not match the standard's format: 5 characters: 2 digits (or 2A/2B in Corsica) then 3 digits, e.g. 51454 or 2A004.";
    /// A `telephone` outside the pattern.
    PATTERN_PHONE = codes::PATTERN, "pattern.telephone",
        "La valeur « {value} » de {column} ne respecte pas le format du standard : un seul numéro au format international sans espace ni 0 initial, par exemple +33180059880 (indicatifs +33, +590, +594, +262, +596, +269, +687, +689, +508, +681).",
        "The value '{value}' of {column} does not match the standard's format: one number in international form without spaces or leading 0, e.g. +33180059880 (codes +33, +590, +594, +262, +596, +269, +687, +689, +508, +681).";
    /// An empty item in a list: `{0}` unused.
    LABEL_EMPTY = codes::LABEL, "label.empty",
        "Élément vide dans la liste : pas de « | » en fin de liste ni de « || ». Valeurs admises : {labels}.",
        "Empty item in the list: no trailing '|' and no '||'. Valid values: {labels}.";
    /// A label written with a typographic apostrophe: `{0}` the item, `{1}` the label.
    LABEL_APOSTROPHE = codes::LABEL, "label.apostrophe",
        "« {0} » n'est pas une valeur admise ; utilisez l'apostrophe droite (') : « {1} ». Valeurs admises : {labels}.",
        "'{0}' is not a valid value; use the straight apostrophe ('): '{1}'. Valid values: {labels}.";
    /// A label with spaces around it: `{0}` the item, `{1}` the label.
    LABEL_SPACES = codes::LABEL, "label.spaces",
        "« {0} » n'est pas une valeur admise ; retirez les espaces autour des « | » : « {1} ». Valeurs admises : {labels}.",
        "'{0}' is not a valid value; remove the spaces around '|': '{1}'. Valid values: {labels}.";
    /// A label in the wrong case: `{0}` the item, `{1}` the label.
    LABEL_CASE = codes::LABEL, "label.case",
        "« {0} » n'est pas une valeur admise ; les majuscules comptent : « {1} ». Valeurs admises : {labels}.",
        "'{0}' is not a valid value; letters are case-sensitive: '{1}'. Valid values: {labels}.";
    /// A label with decomposed accents: `{0}` the item, `{1}` the label.
    LABEL_NFC = codes::LABEL, "label.nfc",
        "« {0} » n'est pas une valeur admise ; les accents doivent être composés (Unicode NFC) : « {1} ». Valeurs admises : {labels}.",
        "'{0}' is not a valid value; accents must be precomposed (Unicode NFC): '{1}'. Valid values: {labels}.";
    /// A v0.1 label in a v1 file: `{0}` the item.
    LABEL_V01 = codes::LABEL, "label.v01",
        "« {0} » est une valeur de la v0.1 du standard, pas de la v1 : ce fichier mélange les deux versions. Convertissez la ligne en v1 (la lecture en v0.1 migre ces valeurs). Valeurs admises : {labels}.",
        "'{0}' is a value of the standard's v0.1, not v1: this file mixes both versions. Convert the row to v1 (reading it as v0.1 migrates these values). Valid values: {labels}.";
    /// Items separated by `;`: `{0}` the item.
    LABEL_SEPARATOR = codes::LABEL, "label.separator",
        "« {0} » n'est pas une valeur admise ; en v1 les valeurs se séparent par « | », pas par « ; ». Valeurs admises : {labels}.",
        "'{0}' is not a valid value; in v1 values are separated by '|', not ';'. Valid values: {labels}.";
    /// Any other item that is not a label: `{0}` the item.
    LABEL_UNKNOWN = codes::LABEL, "label.unknown",
        "« {0} » n'est pas une valeur admise pour {column}. Valeurs admises : {labels}.",
        "'{0}' is not a valid value for {column}. Valid values: {labels}.";
    /// Not a number.
    NUMBER = codes::NUMBER, "number",
        "« {value} » n'est pas un nombre : écrivez des degrés décimaux avec un point, par exemple 43.52609.",
        "'{value}' is not a number: write decimal degrees with a dot, e.g. 43.52609.";
    /// Not a date.
    DATE = codes::DATE, "date",
        "« {value} » n'est pas une date au format AAAA-MM-JJ (par exemple 2024-04-02).",
        "'{value}' is not a date in the YYYY-MM-DD format (e.g. 2024-04-02).";
    /// A summary too long: `{0}` its length in characters.
    MAX_LENGTH = codes::MAX_LENGTH, "max_length",
        "La présentation résumée fait {0} caractères ; le standard en autorise 280 au plus. Raccourcissez-la ou déplacez la suite dans presentation_detail.",
        "The summary is {0} characters long; the standard allows at most 280. Shorten it or move the rest to presentation_detail.";
    /// A row whose cell count is not the header's: `{0}` cells, `{1}` columns.
    CELL_COUNT = codes::CELL_COUNT, "cell_count",
        "La ligne a {0} cellules alors que l'en-tête a {1} colonnes : vérifiez les guillemets et les séparateurs.",
        "The row has {0} cells but the header has {1} columns: check quotes and separators.";
    /// A blank row.
    BLANK_ROW = codes::BLANK_ROW, "blank_row",
        "Ligne vide : toutes les cellules sont vides. Supprimez-la.",
        "Blank row: every cell is empty. Remove it.";
    /// The spaced spelling of « Étapes numériques(La Poste) ».
    ETAPES_SPELLING = codes::ETAPES_SPELLING, "formations_labels.etapes_spelling",
        "« Étapes numériques (La Poste) » s'écrit « Étapes numériques(La Poste) », sans espace, dans le motif du standard v1.0.2 : le validateur officiel refuse la forme avec espace.",
        "'Étapes numériques (La Poste)' is spelled 'Étapes numériques(La Poste)', without a space, in the pattern of standard v1.0.2: the official validator rejects the spaced form.";

    // --- Coordinates ---

    /// One coordinate only.
    COORDINATES_INCOMPLETE = codes::COORDINATES_INCOMPLETE, "coordinates.incomplete",
        "Une seule des deux coordonnées (latitude, longitude) est renseignée : le lieu est gardé sans coordonnées.",
        "Only one of latitude and longitude is given: the place is kept without coordinates.";
    /// Out of range: `{0}` latitude, `{1}` longitude.
    COORDINATES_OUT_OF_RANGE = codes::COORDINATES_OUT_OF_RANGE, "coordinates.out_of_range",
        "Les coordonnées ({0}, {1}) sont hors limites (latitude entre -90 et 90, longitude entre -180 et 180) : le lieu est gardé sans coordonnées.",
        "The coordinates ({0}, {1}) are out of range (latitude in [-90, 90], longitude in [-180, 180]): the place is kept without coordinates.";
    /// In no French territory: `{0}` latitude, `{1}` longitude.
    COORDINATES_OUTSIDE_FRANCE = codes::COORDINATES_OUTSIDE_FRANCE, "coordinates.outside_france",
        "Les coordonnées ({0}, {1}) ne sont dans aucun territoire français : vérifiez-les.",
        "The coordinates ({0}, {1}) are in no French territory: check them.";
    /// Probably swapped: `{0}` latitude, `{1}` longitude, `{2}` the territory once swapped.
    COORDINATES_SWAPPED = codes::COORDINATES_SWAPPED, "coordinates.swapped",
        "Les coordonnées ({0}, {1}) ne sont pas en France, mais le seraient ({2}) en inversant latitude et longitude : vérifiez leur ordre.",
        "The coordinates ({0}, {1}) are not in France, but would be ({2}) with latitude and longitude swapped: check their order.";
    /// Swapped, found with the land outlines: `{0}` latitude, `{1}` longitude, `{2}` and `{3}`
    /// the corrected latitude and longitude.
    COORDINATES_SWAPPED_CORRECTED = codes::COORDINATES_SWAPPED, "coordinates.swapped.corrected",
        "Les coordonnées ({0}, {1}) ne correspondent pas à l'adresse, mais ({2}, {3}) y correspondent en inversant latitude et longitude : vérifiez leur ordre.",
        "The coordinates ({0}, {1}) do not match the address, but ({2}, {3}) do with latitude and longitude swapped: check their order.";
    /// A lost sign: `{0}` latitude, `{1}` longitude, `{2}` and `{3}` the corrected ones.
    COORDINATES_SIGN_LOST = codes::COORDINATES_SIGN_LOST, "coordinates.sign_lost",
        "Les coordonnées ({0}, {1}) ne correspondent pas à l'adresse ; avec le signe moins rétabli, ({2}, {3}) y correspondent : vérifiez le signe.",
        "The coordinates ({0}, {1}) do not match the address; with the minus sign restored, ({2}, {3}) do: check the sign.";
    /// At sea: `{0}` latitude, `{1}` longitude, `{2}` the distance in km, `{3}` the nearest
    /// territory.
    COORDINATES_AT_SEA = codes::COORDINATES_AT_SEA, "coordinates.at_sea",
        "Les coordonnées ({0}, {1}) sont en mer, à {2} km de la terre la plus proche ({3}) : vérifiez-les.",
        "The coordinates ({0}, {1}) are at sea, {2} km from the nearest land ({3}): check them.";
    /// In a neighbouring country: `{0}` latitude, `{1}` longitude, `{2}` the country, `{3}` the
    /// distance to France in km.
    COORDINATES_NEIGHBOUR_COUNTRY = codes::COORDINATES_NEIGHBOUR_COUNTRY, "coordinates.neighbour_country",
        "Les coordonnées ({0}, {1}) sont dans un pays voisin ({2}), à {3} km de la France : vérifiez-les.",
        "The coordinates ({0}, {1}) are in a neighbouring country ({2}), {3} km from France: check them.";
    /// In another territory: `{0}` latitude, `{1}` longitude, `{2}` the territory found, `{3}`
    /// the one of the codes.
    COORDINATES_OTHER_TERRITORY = codes::COORDINATES_OTHER_TERRITORY, "coordinates.other_territory",
        "Les coordonnées ({0}, {1}) sont en {2}, alors que le code postal ou le code INSEE indique {3} : vérifiez les coordonnées ou les codes.",
        "The coordinates ({0}, {1}) are in {2}, but the postcode or code INSEE says {3}: check the coordinates or the codes.";

    // --- Identifiers, address, contact, dates, vocabularies, hours (Strict level) ---

    /// A SIRET with a bad checksum.
    PIVOT_SIRET_CHECKSUM = codes::PIVOT_SIRET_CHECKSUM, "pivot.siret_checksum",
        "Le SIRET {value} a une clé de contrôle (Luhn) invalide : vérifiez-le sur annuaire-entreprises.data.gouv.fr.",
        "SIRET {value} has an invalid (Luhn) checksum: check it on annuaire-entreprises.data.gouv.fr.";
    /// The placeholder pivot.
    PIVOT_PLACEHOLDER = codes::PIVOT_PLACEHOLDER, "pivot.placeholder",
        "Le pivot 00000000000000 est une valeur de remplissage : renseignez le vrai SIRET ou RNA de la structure.",
        "The pivot 00000000000000 is a placeholder: give the structure's real SIRET or RNA number.";
    /// Neither SIRET nor RNA.
    PIVOT_FORMAT = codes::PIVOT_FORMAT, "pivot.format",
        "Le pivot {value} n'est ni un SIRET (14 chiffres) ni un numéro RNA (W suivi de 9 caractères).",
        "The pivot {value} is neither a SIRET (14 digits) nor an RNA number (W followed by 9 characters).";
    /// Postcode and code INSEE of different départements: `{0}` the code INSEE.
    POSTCODE_INSEE_MISMATCH = codes::POSTCODE_INSEE_MISMATCH, "code_postal.insee_mismatch",
        "Le code postal {value} n'est pas dans le département du code INSEE {0} : vérifiez l'un des deux.",
        "Postcode {value} is not in the département of INSEE code {0}: check both.";
    /// An implausible e-mail address.
    EMAIL_SYNTAX = codes::EMAIL_SYNTAX, "courriels.syntax",
        "« {value} » n'est pas une adresse électronique valide (attendu : nom@domaine.fr).",
        "'{value}' is not a valid e-mail address (expected: name@domain.fr).";
    /// An implausible web address.
    URL_SYNTAX = codes::URL_SYNTAX, "url.syntax",
        "« {value} » n'est pas une adresse web valide (attendu : https://exemple.fr/...).",
        "'{value}' is not a valid web address (expected: https://example.fr/...).";
    /// A `typologie` code outside the reference list.
    TYPOLOGY_UNLISTED = codes::TYPOLOGY_UNLISTED, "typologie.unlisted",
        "« {value} » n'est pas l'un des 92 codes de typologie de la bibliothèque de référence (data·inclusion) ; il est gardé tel quel.",
        "'{value}' is not one of the 92 typologie codes of the reference library (data·inclusion); it is kept as written.";
    /// `ORDI 3X0`: `{0}` the item.
    ORDI_VARIANT = codes::ORDI_VARIANT, "formations_labels.ordi_variant",
        "« {0} » est accepté par le motif du standard (point non échappé) mais le label s'écrit « ORDI 3.0 ».",
        "'{0}' is accepted by the standard's pattern (unescaped dot) but the label is spelled 'ORDI 3.0'.";
    /// `date_maj` in the future: `{0}` the date, `{1}` today.
    DATE_FUTURE = codes::DATE_FUTURE, "date_maj.future",
        "La date de mise à jour {0} est dans le futur (nous sommes le {1}).",
        "The update date {0} is in the future (today is {1}).";
    /// `date_maj` before 2000: `{0}` the date.
    DATE_TOO_OLD = codes::DATE_TOO_OLD, "date_maj.too_old",
        "La date de mise à jour {0} est antérieure à 2000 : c'est sans doute une valeur de remplissage (1970-01-01). Indiquez la vraie date.",
        "The update date {0} is before 2000: probably a placeholder (1970-01-01). Give the real date.";
    /// `horaires` that do not parse: `{0}` why.
    HOURS_SYNTAX = codes::HOURS_SYNTAX, "horaires.syntax",
        "Les horaires ne suivent pas la syntaxe OpenStreetMap opening_hours ({0}) : le texte est gardé mais ne peut pas être évalué.",
        "The opening hours are not valid OpenStreetMap opening_hours syntax ({0}): the text is kept but cannot be evaluated.";
    /// `horaires` in French with a faithful OSM value: `{0}` the value.
    HOURS_FRENCH = codes::HOURS_FRENCH, "horaires.french",
        "Les horaires sont écrits en français, pas dans la syntaxe OpenStreetMap opening_hours : valeur suggérée, à vérifier, « {0} ». Le texte est gardé tel quel.",
        "The opening hours are written in French, not in OpenStreetMap opening_hours syntax: suggested value, to check, '{0}'. The text is kept as it is.";

    /// `horaires` too long to evaluate: `{0}` its length in characters.
    HOURS_TOO_LONG = codes::HOURS_TOO_LONG, "horaires.too_long",
        "Les horaires font {0} caractères : ils sont gardés mais pas évalués au-delà de 255 caractères (la limite d'OpenStreetMap pour une valeur) ; les horaires du lieu sont inconnus. Raccourcissez-les.",
        "The opening hours are {0} characters long: they are kept but not evaluated beyond 255 characters (OpenStreetMap's limit for a value); the place's hours are unknown. Shorten them.";

    // --- The file ---

    /// The file is empty.
    FILE_EMPTY = codes::FILE_UNREADABLE, "file.unreadable.empty",
        "Le fichier est vide (ou ne contient que des espaces et des fins de ligne) : il n'y a rien à lire.",
        "The file is empty (or holds only spaces and line ends): there is nothing to read.";
    /// The CSV header cannot be parsed: `{0}` the parser's error.
    FILE_HEADER_UNREADABLE = codes::FILE_UNREADABLE, "file.unreadable.header",
        "L'en-tête CSV ne peut pas être lu : {0}.",
        "The CSV header cannot be read: {0}.";
    /// A CSV row cannot be parsed: `{0}` the parser's error.
    FILE_ROW_UNREADABLE = codes::FILE_UNREADABLE, "file.unreadable.row",
        "Ligne {row} illisible : {0}. La lecture s'arrête là.",
        "Row {row} cannot be read: {0}. Reading stops there.";
    /// A header with too many cells: `{0}` how many, `{1}` the limit.
    FILE_TOO_MANY_COLUMNS = codes::FILE_UNREADABLE, "file.unreadable.too_many_columns",
        "L'en-tête a {0} cellules : un fichier du standard a 32 colonnes, et au plus {1} sont lues. Vérifiez le séparateur et que le fichier est bien un fichier de lieux.",
        "The header has {0} cells: a file of the standard has 32 columns, and at most {1} are read. Check the delimiter and that this is a file of places.";
    /// Not JSON: `{0}` the parser's error.
    FILE_INVALID_JSON = codes::FILE_UNREADABLE, "file.unreadable.json",
        "Le JSON est invalide : {0}.",
        "Invalid JSON: {0}.";
    /// Required columns missing: `{0}` their names.
    FILE_MISSING_COLUMN = codes::FILE_MISSING_COLUMN, "file.missing_column",
        "Colonnes obligatoires absentes de l'en-tête : {0}. Aucune ligne ne peut être lue ; les noms de colonnes doivent être exactement ceux du standard.",
        "Required columns missing from the header: {0}. No row can be read; column names must be exactly those of the standard.";
    /// Optional columns missing: `{0}` their names.
    FILE_MISSING_OPTIONAL_COLUMN = codes::FILE_MISSING_OPTIONAL_COLUMN, "file.missing_optional_column",
        "Colonnes facultatives absentes de l'en-tête : {0}. Le standard demande toutes les colonnes, même vides.",
        "Optional columns missing from the header: {0}. The standard asks for every column, even empty.";
    /// A column outside the standard: `{0}` its name.
    FILE_UNKNOWN_COLUMN = codes::FILE_UNKNOWN_COLUMN, "file.unknown_column",
        "La colonne « {0} » ne fait pas partie du standard : ses valeurs sont gardées à part.",
        "Column '{0}' is not part of the standard: its values are kept aside.";
    /// A column outside the standard, a standard one but for the case: `{0}` its name, `{1}`
    /// the standard's.
    FILE_UNKNOWN_COLUMN_HINT = codes::FILE_UNKNOWN_COLUMN, "file.unknown_column.hint",
        "La colonne « {0} » ne fait pas partie du standard (vouliez-vous dire {1} ?) : ses valeurs sont gardées à part.",
        "Column '{0}' is not part of the standard (did you mean {1}?): its values are kept aside.";
    /// A column outside v0.1 in a v0.1 file: `{0}` its name.
    FILE_UNKNOWN_COLUMN_V01 = codes::FILE_UNKNOWN_COLUMN, "file.unknown_column.v01",
        "La colonne « {0} » ne fait pas partie du standard v0.1 : elle est lue comme une colonne v1 si elle en est une, sinon gardée à part.",
        "Column '{0}' is not part of standard v0.1: it is read as a v1 column if it is one, otherwise kept aside.";
    /// A JSON key outside the standard: `{0}` the key.
    FILE_UNKNOWN_KEY = codes::FILE_UNKNOWN_COLUMN, "file.unknown_column.json",
        "La clé « {0} » ne fait pas partie du standard : ses valeurs sont gardées à part.",
        "Key '{0}' is not part of the standard: its values are kept aside.";
    /// A column more than once in the header: `{0}` its name, `{1}` how many times.
    FILE_DUPLICATE_COLUMN = codes::FILE_DUPLICATE_COLUMN, "file.duplicate_column",
        "La colonne « {0} » apparaît {1} fois dans l'en-tête : seule la première est lue, et une ligne dont une autre de ces colonnes a une autre valeur est en erreur. Renommez ou supprimez les colonnes en double.",
        "Column '{0}' appears {1} times in the header: only the first one is read, and a row where another of them holds a different value is an error. Rename or remove the repeated columns.";
    /// A row whose repeated column holds a value the first one does not.
    CELL_DUPLICATE_COLUMN = codes::FILE_DUPLICATE_COLUMN, "file.duplicate_column.value",
        "La colonne {column} apparaît plusieurs fois dans l'en-tête et cette ligne a dans une colonne suivante une autre valeur, qui n'est pas lue : « {value} ».",
        "Column {column} appears more than once in the header, and this row holds a different value in a later one, which is not read: '{value}'.";
    /// A JSON key repeated in a record with different values (the last is read).
    JSON_DUPLICATE_KEY = codes::FILE_DUPLICATE_COLUMN, "file.duplicate_column.key",
        "La clé {column} apparaît plusieurs fois dans cet enregistrement : la dernière valeur est lue, « {value} » ne l'est pas.",
        "Key {column} appears more than once in this record: the last value is read, '{value}' is not.";
    /// A JSON key repeated in a record with the same value.
    JSON_DUPLICATE_KEY_SAME = codes::FILE_DUPLICATE_COLUMN, "file.duplicate_column.key_same",
        "La clé {column} apparaît plusieurs fois dans cet enregistrement, avec la même valeur « {value} ».",
        "Key {column} appears more than once in this record, with the same value '{value}'.";
    /// A v0.1 column in a v1 file: `{0}` its name, `{1}` the v1 columns it goes to.
    FILE_LEGACY_COLUMN = codes::FILE_LEGACY_COLUMN, "file.legacy_column",
        "La colonne « {0} » est une colonne de la v0.1 du standard : ses valeurs sont lues dans {1}, comme le fait la migration depuis la v0.1 (chaque valeur approchée est signalée ; un élément sans règle reste à part, sous « {0} »).",
        "Column '{0}' is a column of the standard's v0.1: its values are read into {1}, as the migration from v0.1 does (each approximate value is reported; an item without a rule is kept aside, under '{0}').";
    /// A stray quote: `{0}` the line where it opened, `{1}` how many lines it runs over that
    /// read as rows, `{2}` the last line skipped, `{3}` where reading resumes.
    FILE_UNCLOSED_QUOTE = codes::FILE_UNCLOSED_QUOTE, "file.unclosed_quote",
        "Un guillemet ouvert ligne {0} n'est pas fermé où il devrait l'être : la cellule court sur {1} lignes qui se lisent comme des lignes du fichier. Les lignes {0} à {2} sont ignorées ; la lecture reprend ligne {3}. Doublez un guillemet dans une cellule (\"\") et mettez la cellule entre guillemets.",
        "A quote opened on line {0} is not closed where it should be: the cell runs over {1} lines that read as rows. Lines {0} to {2} are skipped; reading resumes at line {3}. Write a quote inside a cell twice (\"\") and quote the cell.";
    /// A stray quote with no row after it: `{0}` the line where it opened, `{1}` how many
    /// lines it runs over that read as rows, `{2}` the last line.
    FILE_UNCLOSED_QUOTE_END = codes::FILE_UNCLOSED_QUOTE, "file.unclosed_quote.end",
        "Un guillemet ouvert ligne {0} n'est pas fermé où il devrait l'être : la cellule court sur {1} lignes qui se lisent comme des lignes du fichier. Les lignes {0} à {2} (la fin du fichier) sont ignorées. Doublez un guillemet dans une cellule (\"\") et mettez la cellule entre guillemets.",
        "A quote opened on line {0} is not closed where it should be: the cell runs over {1} lines that read as rows. Lines {0} to {2} (the end of the file) are skipped. Write a quote inside a cell twice (\"\") and quote the cell.";
    /// A byte-order mark before bytes decoded as UTF-8.
    FILE_BOM = codes::FILE_BOM, "file.bom",
        "Le fichier commence par une marque d'ordre des octets (BOM) UTF-8 : elle est ignorée, mais le standard demande de l'UTF-8 sans BOM.",
        "The file starts with a UTF-8 byte-order mark (BOM): it is ignored, but the standard asks for UTF-8 without a BOM.";
    /// A byte-order mark at the start of a text.
    FILE_BOM_TEXT = codes::FILE_BOM, "file.bom.text",
        "Le fichier commence par une marque d'ordre des octets (BOM) : elle est ignorée.",
        "The file starts with a byte-order mark (BOM): it is ignored.";
    /// Not UTF-8: `{0}` the offset of the first invalid byte.
    FILE_WINDOWS_1252 = codes::FILE_WINDOWS_1252, "file.windows_1252",
        "Le fichier n'est pas en UTF-8 (octet invalide à la position {0}) : il a été lu comme du Windows-1252. Enregistrez-le en UTF-8.",
        "The file is not UTF-8 (invalid byte at offset {0}): it was read as Windows-1252. Save it as UTF-8.";
    /// UTF-16: `{0}` the encoding (`UTF-16LE`, `UTF-16BE`).
    FILE_UTF16 = codes::FILE_UTF16, "file.utf16",
        "Le fichier est en {0} : il a été décodé comme tel. Le standard demande de l'UTF-8 ; enregistrez-le en UTF-8.",
        "The file is {0}: it was decoded as such. The standard asks for UTF-8; save it as UTF-8.";
    /// Invalid sequences in a UTF-8 file: `{0}` how many, `{1}` the byte offset of the first,
    /// `{2}` its line.
    FILE_INVALID_UTF8 = codes::FILE_INVALID_UTF8, "file.invalid_utf8",
        "Le fichier est en UTF-8 mais contient {0} suite(s) d'octets invalide(s) (la première à l'octet {1}, ligne {2}) : chacune est remplacée par « � » et signalée dans sa cellule. Corrigez ces caractères.",
        "The file is UTF-8 but holds {0} invalid byte sequence(s) (the first at byte {1}, line {2}): each is replaced by '�' and reported in its cell. Fix these characters.";
    /// A cell that holds an invalid UTF-8 sequence.
    CELL_INVALID_UTF8 = codes::FILE_INVALID_UTF8, "file.invalid_utf8.cell",
        "La valeur de {column} contient des octets qui ne sont pas de l'UTF-8 valide, remplacés par « � » : « {value} ». Corrigez le caractère dans le fichier.",
        "The value of {column} holds bytes that are not valid UTF-8, replaced by '�': '{value}'. Fix the character in the file.";
    /// `;` as delimiter.
    FILE_SEMICOLON = codes::FILE_SEMICOLON, "file.semicolon_delimiter",
        "Les colonnes sont séparées par « ; » : le standard demande « , ». Le fichier est lu quand même.",
        "Columns are separated by ';': the standard asks for ','. The file is read anyway.";
    /// A JSON document that is not an array.
    JSON_NOT_ARRAY = codes::JSON_TYPE, "json.type",
        "Le fichier JSON doit être un tableau d'objets (un objet par lieu).",
        "The JSON file must be an array of objects (one object per place).";
    /// An element of the array that is not an object.
    JSON_NOT_OBJECT = codes::JSON_TYPE, "json.type.record",
        "Cet élément du tableau n'est pas un objet JSON : il est ignoré.",
        "This array element is not a JSON object: it is ignored.";
    /// A value that is an array or an object.
    JSON_NESTED = codes::JSON_TYPE, "json.type.value",
        "La valeur de « {column} » est un tableau ou un objet : le standard attend du texte (listes séparées par « | »).",
        "The value of '{column}' is an array or an object: the standard expects text (lists separated by '|').";
    /// A string with an escape that is no character.
    JSON_BAD_ESCAPE = codes::JSON_TYPE, "json.type.escape",
        "La valeur de « {column} » contient un échappement qui n'est pas un caractère (une moitié de paire UTF-16 seule, comme \\ud800) : elle ne peut pas être lue.",
        "The value of '{column}' holds an escape that is no character (half of a UTF-16 pair alone, such as \\ud800): it cannot be read.";
    /// A number or boolean where text is expected.
    JSON_NUMBER = codes::JSON_NUMBER, "json.number",
        "La valeur de « {column} » n'est pas une chaîne de caractères : elle est lue comme le texte « {value} ».",
        "The value of '{column}' is not a string: it is read as the text '{value}'.";

    // --- Migration from v0.1 ---

    /// A v0.1 file.
    MIGRATION_VERSION = codes::MIGRATION_VERSION, "migration.version",
        "Fichier au format v0.1 du standard (listes séparées par « ; », publics_accueillis, conditions_acces, labels_nationaux...) : chaque ligne est migrée vers la v1.0.2, et chaque valeur sans équivalent exact est signalée.",
        "File in the standard's v0.1 format (';' lists, publics_accueillis, conditions_acces, labels_nationaux...): every row is migrated to v1.0.2, and every value without an exact equivalent is reported.";
    /// A v0.1 value mapped to the closest v1 value: `{0}` that value.
    MIGRATION_APPROXIMATE = codes::MIGRATION_APPROXIMATE, "migration.approximate",
        "La valeur v0.1 « {value} » n'a pas d'équivalent exact en v1 : elle devient « {0} », la valeur la plus proche.",
        "The v0.1 value '{value}' has no exact v1 equivalent: it becomes '{0}', the closest value.";
    /// `cle_ban`, removed in v1.
    MIGRATION_CLE_BAN = codes::MIGRATION_NO_EQUIVALENT, "migration.no_equivalent.cle_ban",
        "La clé d'interopérabilité BAN (cle_ban) n'existe plus en v1 : la valeur est gardée à part, hors des colonnes du standard.",
        "The BAN interoperability key (cle_ban) no longer exists in v1: the value is kept aside, outside the standard's columns.";
    /// « Adultes », a public v1 does not name.
    MIGRATION_ADULTS = codes::MIGRATION_NO_EQUIVALENT, "migration.no_equivalent.adultes",
        "« {value} » n'a pas d'équivalent en v1 (en v1 un lieu accueille tous les publics par défaut) : la valeur n'est pas reprise.",
        "'{value}' has no v1 equivalent (in v1 a place is open to every public by default): the value is not carried over.";
    /// A national label without v1 equivalent.
    MIGRATION_OTHER_LABEL = codes::MIGRATION_NO_EQUIVALENT, "migration.no_equivalent.label",
        "Le label national « {value} » n'a pas d'équivalent dans les dispositifs et labels de la v1 : il est reporté dans autres_formations_labels.",
        "The national label '{value}' has no equivalent among v1 programmes and labels: it is moved to autres_formations_labels.";
    /// A v0.1 summary longer than 280 characters.
    MIGRATION_SUMMARY_MOVED = codes::MIGRATION_SUMMARY_MOVED, "migration.summary_moved",
        "La présentation résumée dépasse les 280 caractères de la v1 (la v0.1 en permettait 500) : elle est copiée en tête de presentation_detail et coupée à 279 caractères suivis de « … ».",
        "The summary is longer than the 280 characters of v1 (v0.1 allowed 500): it is copied to the start of presentation_detail and cut at 279 characters followed by '…'.";
}

/// The template of a key, if any.
///
/// ```
/// use inclusion_model::messages;
/// assert_eq!(messages::find("label.case"), Some(&messages::LABEL_CASE));
/// assert_eq!(messages::find("label.nope"), None);
/// ```
pub fn find(key: &str) -> Option<&'static Template> {
    ALL.iter().copied().find(|t| t.key() == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `pub const` code of `codes.rs`, read from its source.
    fn documented_codes() -> Vec<&'static str> {
        let source = include_str!("codes.rs");
        let codes: Vec<&str> = source
            .lines()
            .filter_map(|l| l.strip_prefix("pub const "))
            .filter_map(|l| l.split('"').nth(1))
            .collect();
        assert!(codes.len() >= 30, "{codes:?}");
        codes
    }

    #[test]
    fn every_code_has_a_message_and_every_message_a_documented_code() {
        let table = include_str!("codes.rs");
        let codes = documented_codes();
        for code in &codes {
            assert!(
                ALL.iter().any(|t| t.code() == *code),
                "code {code} has no message"
            );
            assert!(
                table.contains(&format!("//! | `{code}` |")),
                "code {code} is not in the table of codes.rs"
            );
        }
        for t in ALL {
            assert!(
                codes.contains(&t.code()),
                "{} has no documented code",
                t.key()
            );
        }
    }

    #[test]
    fn the_table_is_well_formed() {
        assert_eq!(crate::diagnostic::table_problems(ALL), Vec::<String>::new());
    }
}
