//! Reading a file of standard v0.1 (migrated to v1.0.2, every loss reported), removing the
//! contacts that may be personal, and writing canonical CSV v1.0.2.
//!
//! ```sh
//! cargo run --example convert               # a small v0.1 record
//! cargo run --example convert -- FILE       # any CSV or JSON file
//! ```
//!
//! The command line: `inclusion convert FILE --to csv|json|geojson|data-inclusion
//! [-o OUT] [--redact-contacts] [--fix-hours]`.

use inclusion::model::redact::redact_contacts;
use inclusion::model::{ReadOptions, read_bytes, write_csv};

const V01: &str = r#"[{"id":"p1","pivot":"43493312300029","nom":"Mairie","commune":"Reims",
  "code_postal":"51100","adresse":"1 rue X","date_maj":"2022-06-02","latitude":49.25,
  "longitude":4.03,"services":"Prendre en main un ordinateur;Accompagner les démarches de santé",
  "courriel":"jean.dupont@exemple.fr","telephone":"+33612345678"}]"#;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let bytes = match std::env::args().nth(1) {
        Some(path) => std::fs::read(path)?,
        None => V01.as_bytes().to_vec(),
    };
    let report = read_bytes(&bytes, &ReadOptions::default());
    eprintln!("read as standard {}", report.version);
    for d in &report.diagnostics {
        eprintln!("{d}");
    }
    let mut places = report.places;
    let removed = redact_contacts(&mut places);
    eprintln!(
        "removed {} e-mail address(es), {} mobile number(s)",
        removed.emails, removed.mobile_phones
    );
    write_csv(&places, std::io::stdout().lock())?;
    Ok(())
}
