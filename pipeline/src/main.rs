//! `cargo run -p pocket-pipeline --release [-- options]`: validate `data/sources` and write
//! `public/data`. See `data/README.md`.
use std::path::PathBuf;
use std::process::ExitCode;

use pocket_pipeline::{Config, add_agreements, build, default_out, default_sources, geometry, stale_files, write};

const USAGE: &str =
    "usage: pocket-pipeline [--sources DIR] [--out DIR] [--agreements NEW.csv] [--tolerance PX2] [--check]

  --sources DIR        validated inputs (default: data/sources)
  --out DIR            where the JSON files go (default: public/data)
  --agreements FILE    make FILE the current ICE list: the current one is kept as
                       287g_agreements_<as_of>.csv, FILE is copied in, then all is rebuilt
  --tolerance PX2      simplification threshold in square map units (default 1.5)
  --check              write nothing; fail if the files in --out are not what would be written";

struct Args {
    sources: PathBuf,
    out: PathBuf,
    agreements: Option<PathBuf>,
    tolerance: f64,
    check: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        sources: default_sources(),
        out: default_out(),
        agreements: None,
        tolerance: geometry::DEFAULT_TOLERANCE,
        check: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--sources" => a.sources = value()?.into(),
            "--out" => a.out = value()?.into(),
            "--agreements" => a.agreements = Some(value()?.into()),
            "--tolerance" => {
                a.tolerance =
                    value()?.parse().ok().filter(|t: &f64| *t >= 0.0).ok_or("--tolerance needs a number ≥ 0")?
            }
            "--check" => a.check = true,
            "-h" | "--help" => return Err(USAGE.into()),
            other => return Err(format!("unknown argument {other:?}\n\n{USAGE}")),
        }
    }
    Ok(a)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(msg) => {
            eprintln!("{msg}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("error: {msg}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<(), String> {
    if let Some(new) = &args.agreements {
        let (old, new) = add_agreements(&args.sources, new).map_err(|e| e.to_string())?;
        println!("ICE list {new} is now current; {old} kept as 287g_agreements_{old}.csv");
    }
    let files =
        build(&Config { sources: args.sources.clone(), tolerance: args.tolerance }).map_err(|e| e.to_string())?;
    if args.check {
        let stale = stale_files(&files, &args.out);
        if !stale.is_empty() {
            return Err(format!("out of date in {}: {} (run the pipeline)", args.out.display(), stale.join(", ")));
        }
        println!("{} is up to date", args.out.display());
        return Ok(());
    }
    write(&files, &args.out).map_err(|e| e.to_string())?;
    for (name, text) in &files {
        println!("{:>10} bytes  {}", text.len(), args.out.join(name).display());
    }
    Ok(())
}
