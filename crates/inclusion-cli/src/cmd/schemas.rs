//! `inclusion schemas [--out DIR [--check]]` and `inclusion completions SHELL`.

use clap::CommandFactory;
use inclusion::model::Lang;
use inclusion::schema::{check_dir, generate, write_dir};

use crate::context::Context;
use crate::error::{CliError, Outcome};
use crate::flags::{Cli, Completions, Schemas};
use crate::output::{Output, eprintln};

/// The bundle on the standard output, or every file into `--out` (checked with `--check`:
/// exit 1 when the folder differs).
pub fn run(f: &Schemas, ctx: Context) -> Result<Outcome, CliError> {
    let lang = ctx.lang;
    let Some(dir) = &f.out else {
        let bundle = generate()
            .into_iter()
            .find(|g| g.name == "inclusion.schema.json")
            .ok_or_else(|| CliError::input("no bundle among the schemas"))?;
        let mut out = Output::stdout(lang);
        out.write_str(&bundle.contents)?;
        out.finish()?;
        return Ok(Outcome::Success);
    };
    if f.check {
        return match check_dir(dir) {
            Ok(()) => Ok(Outcome::Success),
            Err(e) => {
                eprintln(&e.to_string());
                Ok(Outcome::Problems)
            }
        };
    }
    let written = write_dir(dir).map_err(|e| {
        CliError::Write(match lang {
            Lang::Fr => format!("impossible d'écrire les schémas : {e}"),
            Lang::En => format!("cannot write the schemas: {e}"),
        })
    })?;
    let mut out = Output::stdout(lang);
    for p in written {
        out.write_str(&format!("{}\n", p.display()))?;
    }
    out.finish()?;
    Ok(Outcome::Success)
}

/// The completion script of a shell.
pub fn completions(f: &Completions, ctx: Context) -> Result<Outcome, CliError> {
    let mut script = Vec::new();
    clap_complete::generate(f.shell, &mut Cli::command(), "inclusion", &mut script);
    let mut out = Output::stdout(ctx.lang);
    out.write_with(|w| w.write_all(&script), |e: std::io::Error| e.to_string())?;
    out.finish()?;
    Ok(Outcome::Success)
}
