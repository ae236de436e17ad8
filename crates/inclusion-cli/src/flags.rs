//! The flags of every command, as data (clap derive): names, values, defaults, help texts and
//! the relations between flags. Nothing here reads a file or calls a library: the commands
//! (`cmd`) turn these values into calls, through `args` for what several commands share.

use std::num::NonZeroUsize;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use inclusion::model::DEFAULT_MAX_DIAGNOSTICS_PER_CODE;

/// Tools for the lieux de médiation numérique: check and convert files of the national
/// standard, find the help in and around a commune, find and merge duplicates, read opening
/// hours, orient after a skills diagnostic, measure where help is missing.
#[derive(Debug, Parser)]
#[command(
    name = "inclusion",
    version,
    propagate_version = true,
    max_term_width = 100,
    after_help = "Exit status: 0 success, 1 problems found (rows with errors, no faithful value), 2 error (bad usage, unreadable input, output that cannot be written).\nFILE may be - for the standard input; output goes to the standard output unless -o is given."
)]
pub struct Cli {
    /// What every command accepts.
    #[command(flatten)]
    pub global: Global,
    /// The command.
    #[command(subcommand)]
    pub command: Command,
}

/// Flags of every command.
#[derive(Debug, Args)]
pub struct Global {
    /// Language of messages and labels [default: fr, or en when LANG starts with en]
    #[arg(
        long,
        global = true,
        value_enum,
        value_name = "LANG",
        display_order = 900
    )]
    pub lang: Option<LangFlag>,
    /// Print nothing but the output and errors (no notes, no progress bar)
    #[arg(short, long, global = true, display_order = 901)]
    pub quiet: bool,
    /// When to colour messages
    #[arg(
        long,
        global = true,
        value_enum,
        default_value_t = ColorFlag::Auto,
        value_name = "WHEN",
        display_order = 902
    )]
    pub color: ColorFlag,
}

/// `--lang`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangFlag {
    /// Français
    Fr,
    /// English
    En,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorFlag {
    /// Colour when the output is a terminal
    Auto,
    /// Always colour
    Always,
    /// Never colour
    Never,
}

/// `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Format {
    /// Text for people
    #[default]
    Text,
    /// JSON for programs (see schemas/)
    Json,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a file (CSV or JSON, standard v0.1 or v1) against the standard
    Validate(Validate),
    /// Convert a file to canonical CSV v1.0.2, JSON, GeoJSON or data·inclusion
    Convert(Convert),
    /// The places that help around a commune (all of its places, then those around it), or
    /// the nearest to a position
    Near(Near),
    /// Is it open, when does it change: opening hours at an instant
    Hours(Hours),
    /// From a skills diagnostic to the help to look for, and the nearest places that give it
    Orient(Orient),
    /// Where help is missing: the distance from every commune to the nearest place
    Coverage(Coverage),
    /// Find the duplicates across files of places, explain each decision, merge them
    Dedup(Dedup),
    /// Print or write the JSON Schemas of every JSON document the tool reads or writes
    Schemas(Schemas),
    /// Print a shell completion script
    Completions(Completions),
}

/// `inclusion validate`.
#[derive(Debug, Args)]
pub struct Validate {
    /// The file to check (- for the standard input)
    #[arg(value_name = "FILE|-")]
    pub input: String,
    /// standard: the official validator's verdicts; strict: also territory, SIRET, e-mail,
    /// URL and opening-hours syntax (with an OSM value suggested for hours written in French)
    #[arg(long, value_enum, default_value_t = LevelFlag::Standard)]
    pub level: LevelFlag,
    /// Output format (JSON: schemas/validation-report.schema.json)
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
    /// Keep places whose errors are all in optional fields (the values are dropped)
    #[arg(long)]
    pub lenient: bool,
    /// List at most N problems of each code in rows; the others are counted ("… and 999,000
    /// more errors with code pattern")
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_DIAGNOSTICS_PER_CODE)]
    pub max_per_code: usize,
    /// On how many threads.
    #[command(flatten)]
    pub threads: Threads,
}

/// `--threads`, of the commands that read a file of places.
#[derive(Debug, Args)]
pub struct Threads {
    /// Work on N threads (default: as many as the system gives this process): a CSV file of
    /// 4 MB or more is read in parts, an index of 8,192 places or more is built in two
    /// halves (near, coverage), the communes' nearest places are found in N parts (coverage);
    /// the results are those of one thread. `--threads 1` works on one
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
}

impl Threads {
    /// The number of threads: `--threads`, else as many as the system gives this process (its
    /// CPUs, or its share of them under a quota), or one when it cannot tell. Below the sizes
    /// where a second thread pays (a file of 4 MB, an index of 8,192 places, 512 communes a
    /// thread), the work stays on one whatever this says.
    pub fn get(&self) -> NonZeroUsize {
        match self.threads.and_then(|n| NonZeroUsize::new(usize::from(n))) {
            Some(n) => n,
            None => std::thread::available_parallelism().unwrap_or(NonZeroUsize::MIN),
        }
    }
}

/// `--level`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LevelFlag {
    /// Exactly the official validator's verdicts
    Standard,
    /// What the standard forgot, as warnings or errors
    Strict,
}

/// `inclusion convert`.
#[derive(Debug, Args)]
pub struct Convert {
    /// The file to convert (- for the standard input)
    #[arg(value_name = "FILE|-")]
    pub input: String,
    /// The format to write
    #[arg(long, value_enum)]
    pub to: Target,
    /// Write to this file instead of the standard output
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Keep places whose errors are all in optional fields (the values are dropped)
    #[arg(long)]
    pub lenient: bool,
    /// Remove e-mail addresses and mobile phone numbers (often personal) from the output
    #[arg(long)]
    pub redact_contacts: bool,
    /// Write the OSM value suggested for opening hours written in French, reporting each change
    #[arg(long)]
    pub fix_hours: bool,
    /// Complete the missing code_insee from the postcode and the commune's name when they name
    /// exactly one commune, reporting what was completed and why the others were not
    #[arg(long)]
    pub complete_insee: bool,
    /// Write the standard's columns only: leave out the columns outside the standard that the
    /// file had (by default they follow the standard's, as read)
    #[arg(long)]
    pub drop_unknown_columns: bool,
    /// List at most N problems of each code in rows; the others are counted
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_DIAGNOSTICS_PER_CODE)]
    pub max_per_code: usize,
    /// With --to data-inclusion: the data·inclusion source of the places that give none (each
    /// place's own `source` is kept)
    #[arg(long, value_name = "NAME", default_value = "inclusion")]
    pub source: String,
    /// On how many threads.
    #[command(flatten)]
    pub threads: Threads,
}

/// `--to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Target {
    /// Canonical CSV of the standard v1.0.2
    Csv,
    /// JSON records (schemas/place.schema.json)
    Json,
    /// GeoJSON points
    Geojson,
    /// data·inclusion v1 structures and services
    DataInclusion,
}

/// Where to search from: `--near` or `--lat`/`--lon`.
#[derive(Debug, Clone, Args)]
pub struct Position {
    /// A commune name (Valence (26) for homonyms), a postcode or a code INSEE
    #[arg(long, value_name = "NAME|POSTCODE|INSEE", conflicts_with_all = ["lat", "lon"])]
    pub near: Option<String>,
    /// Latitude, WGS84 decimal degrees
    #[arg(long, requires = "lon", allow_hyphen_values = true, value_name = "LAT")]
    pub lat: Option<f64>,
    /// Longitude, WGS84 decimal degrees
    #[arg(long, requires = "lat", allow_hyphen_values = true, value_name = "LON")]
    pub lon: Option<f64>,
}

/// The help to look for, in the standard's labels (French, or English; case ignored). Each
/// flag may be repeated: a place matches when it has any of the values of each flag given.
#[derive(Debug, Clone, Default, Args)]
pub struct CriteriaFlags {
    /// A service (services)
    #[arg(long = "service", value_name = "LABEL")]
    pub services: Vec<String>,
    /// A public the place welcomes (publics_specifiquement_adresses)
    #[arg(long = "public", value_name = "LABEL")]
    pub publics: Vec<String>,
    /// A way help is given (modalites_accompagnement)
    #[arg(long = "support", value_name = "LABEL")]
    pub support_modes: Vec<String>,
    /// A specific support (prise_en_charge_specifique)
    #[arg(long = "specific-support", value_name = "LABEL")]
    pub specific_support: Vec<String>,
    /// A national programme (dispositif_programmes_nationaux)
    #[arg(long = "programme", value_name = "LABEL")]
    pub programmes: Vec<String>,
    /// A fee (frais_a_charge)
    #[arg(long = "fee", value_name = "LABEL")]
    pub fees: Vec<String>,
    /// Leave out places that say they do not receive the public
    #[arg(long)]
    pub receives_public: bool,
}

/// `inclusion near`.
#[derive(Debug, Args)]
#[command(
    after_help = "With COMMUNE or --near: every place of the commune (by code INSEE), whatever -k says, plus at most -k others within --radius-km of its point (default 10 km), each saying whether it is in the commune and its distance.\nFrom --lat --lon: the -k nearest places (within --radius-km if given)."
)]
pub struct Near {
    /// The commune to search around, as with --near (inclusion near Grenoble)
    #[arg(value_name = "COMMUNE", conflicts_with_all = ["near", "lat", "lon"])]
    pub commune: Option<String>,
    /// Where from.
    #[command(flatten)]
    pub position: Position,
    /// How many places (with --near: how many besides the commune's own, which are all listed)
    #[arg(short, default_value_t = 5, value_name = "N")]
    pub k: usize,
    /// Only places within this distance (with --near: of the commune's point, for the places
    /// besides the commune's own) [default with --near: 10]
    #[arg(long, value_name = "KM")]
    pub radius_km: Option<f64>,
    /// What help.
    #[command(flatten)]
    pub criteria: CriteriaFlags,
    /// Only places open now (when none is, the text lists the matching places with when they
    /// open next)
    #[arg(long, conflicts_with = "open_at")]
    pub open_now: bool,
    /// Only places open at this time (Paris time, or RFC 3339 with an offset)
    #[arg(long, value_name = "YYYY-MM-DDTHH:MM")]
    pub open_at: Option<String>,
    /// Say open or closed at this time without filtering [default: now]
    #[arg(long, value_name = "YYYY-MM-DDTHH:MM", conflicts_with_all = ["open_now", "open_at"])]
    pub at: Option<String>,
    /// Also list the places that help at a distance (« À distance », or by phone or online
    /// without receiving the public), after the others and without a distance
    #[arg(long)]
    pub remote: bool,
    /// List the places that help at a distance first (for a person who cannot travel)
    #[arg(long)]
    pub cannot_travel: bool,
    /// Keep one place per cluster of duplicates, the one of best quality (two places of one
    /// source are never taken for duplicates)
    #[arg(long)]
    pub dedup: bool,
    /// Search the places of this file (CSV or JSON) instead of the embedded ones
    #[arg(long, value_name = "FILE")]
    pub data: Option<String>,
    /// On how many threads.
    #[command(flatten)]
    pub threads: Threads,
    /// Output format (JSON: an array of schemas/searched-place.schema.json with --near, --remote
    /// or --cannot-travel, of schemas/nearby-place.schema.json otherwise)
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// `inclusion hours`.
#[derive(Debug, Args)]
pub struct Hours {
    /// Opening hours in the OpenStreetMap syntax (or in French, with --from-french)
    #[arg(value_name = "TEXT")]
    pub text: String,
    /// Read TEXT as French (« du lundi au vendredi de 9h à 12h ») and give its OSM value;
    /// exit 1 when there is no faithful value
    #[arg(long)]
    pub from_french: bool,
    /// Print only the hours in words (in the language of --lang)
    #[arg(long)]
    pub describe: bool,
    /// The time to evaluate, local time of the territory [default: now]
    #[arg(long, value_name = "YYYY-MM-DDTHH:MM")]
    pub at: Option<String>,
    /// Postcode of the place: its time zone, public and school holidays [default: 75001]
    #[arg(long, value_name = "P", conflicts_with = "insee")]
    pub postcode: Option<String>,
    /// Code INSEE of the place, instead of the postcode
    #[arg(long, value_name = "CODE")]
    pub insee: Option<String>,
    /// Output format (JSON: schemas/hours-report.schema.json, or french-hours-report with
    /// --from-french)
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// `inclusion orient`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("mode").required(true).args(["answers", "questionnaire", "eurostat"])))]
pub struct Orient {
    /// A person's answers to the questionnaire (JSON, schemas/answers.schema.json; - for the
    /// standard input)
    #[arg(value_name = "ANSWERS.json|-")]
    pub answers: Option<String>,
    /// Print the built-in questionnaire (JSON) for a user interface
    #[arg(long)]
    pub questionnaire: bool,
    /// Eurostat's digital skills indicator from the survey's variables (JSON)
    #[arg(long, value_name = "FILE")]
    pub eurostat: Option<String>,
    /// Where from, to list the nearest places that give the help recommended.
    #[command(flatten)]
    pub position: Position,
    /// How many places
    #[arg(short, default_value_t = 3, value_name = "N")]
    pub k: usize,
    /// Output format (JSON: schemas/assessment.schema.json, dsi-result with --eurostat)
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// `inclusion coverage`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("territory").args(["region", "departement", "insee", "all"])))]
pub struct Coverage {
    /// A région by its code (84: Auvergne-Rhône-Alpes) [default: 84 on the embedded places,
    /// all of France with --data]
    #[arg(long, value_name = "CODE")]
    pub region: Option<String>,
    /// A département by its code (38, 2A, 974)
    #[arg(long, value_name = "CODE")]
    pub departement: Option<String>,
    /// Communes by their codes INSEE
    #[arg(long, value_name = "CODE,...", value_delimiter = ',')]
    pub insee: Vec<String>,
    /// All of France
    #[arg(long)]
    pub all: bool,
    /// What help.
    #[command(flatten)]
    pub criteria: CriteriaFlags,
    /// Only places open at this time (Paris time, or RFC 3339 with an offset)
    #[arg(long, value_name = "YYYY-MM-DDTHH:MM")]
    pub open_at: Option<String>,
    /// Distances to count communes and population beyond
    #[arg(long, value_name = "KM,...", value_delimiter = ',', default_values_t = [5.0, 10.0, 20.0])]
    pub thresholds_km: Vec<f64>,
    /// List the most populous communes beyond this distance [default: the largest threshold]
    #[arg(long, value_name = "KM")]
    pub rank_km: Option<f64>,
    /// How many communes to list
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Measure from the places of this file (CSV or JSON) instead of the embedded ones
    #[arg(long, value_name = "FILE")]
    pub data: Option<String>,
    /// On how many threads.
    #[command(flatten)]
    pub threads: Threads,
    /// Write the map (SVG)
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,
    /// Write one row per commune (CSV)
    #[arg(long, value_name = "FILE")]
    pub csv: Option<PathBuf>,
    /// Write the communes and places (GeoJSON)
    #[arg(long, value_name = "FILE")]
    pub geojson: Option<PathBuf>,
    /// The date printed on the map [default: today]
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<chrono::NaiveDate>,
    /// Output format (JSON: schemas/coverage-report.schema.json)
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// `inclusion dedup`.
#[derive(Debug, Args)]
#[command(
    after_help = "Each pair of places found near each other or with similar names in one commune is decided duplicate, review or distinct, with the reasons (rules merge-rules-1: duplicate from a score of 95, review from 75; --config changes them). Duplicates are grouped into clusters, never held by one weak link, and each cluster is merged into one place (the most recent value of each field, lists united, the sources listed).\nExit status: 0, 1 when rows of a file were left out (errors in required fields; the other rows take part), 2 when a file cannot be read or written."
)]
pub struct Dedup {
    /// The files of places (CSV or JSON, standard v0.1 or v1; - for the standard input), each
    /// a source named after its file
    #[arg(value_name = "FILE", required = true)]
    pub inputs: Vec<String>,
    /// Write the deduplicated places to this file: each cluster merged into one place, the
    /// others as they were
    #[arg(short, long, value_name = "MERGED")]
    pub output: Option<PathBuf>,
    /// The format of MERGED [default: from its extension: .json, .geojson, else csv]
    #[arg(long, value_enum, requires = "output")]
    pub to: Option<Target>,
    /// Write the pairs found (duplicates and reviews) as CSV, with their reasons
    #[arg(long, value_name = "PAIRS.csv")]
    pub pairs: Option<PathBuf>,
    /// Write the pairs to review as CSV for a person: both records side by side and a verdict
    /// column to fill
    #[arg(long, value_name = "REVIEW.csv")]
    pub review: Option<PathBuf>,
    /// Write the whole report as JSON (schemas/dedup-report.schema.json): the files, pairs,
    /// clusters, and each merged place with the provenance of every value and its conflicts
    #[arg(long, value_name = "REPORT.json")]
    pub report: Option<PathBuf>,
    /// The rules, from a JSON file (schemas/dedup-config.schema.json; values left out keep
    /// their defaults)
    #[arg(long, value_name = "FILE")]
    pub config: Option<String>,
    /// Allow two places of the same source (file) in one cluster
    #[arg(long)]
    pub allow_internal: bool,
    /// Output format (JSON: the pairs, schemas/dedup-pairs.schema.json)
    #[arg(long, value_enum, default_value_t)]
    pub format: Format,
}

/// `inclusion schemas`.
#[derive(Debug, Args)]
pub struct Schemas {
    /// Write every schema file into this folder (otherwise the bundle inclusion.schema.json is
    /// printed)
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// With --out: change nothing, exit 1 when the folder differs from the schemas
    #[arg(long, requires = "out")]
    pub check: bool,
}

/// `inclusion completions`.
#[derive(Debug, Args)]
pub struct Completions {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}
