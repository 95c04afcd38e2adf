//! `cargo run -p pocket-pipeline --release [-- options]`: validate `data/sources` and write
//! `public/data`. See `data/README.md`.
use std::path::PathBuf;
use std::process::ExitCode;

use pocket_pipeline::convert::{ICE_SOURCE, convert};
use pocket_pipeline::update::update;
use pocket_pipeline::{Config, build, default_out, default_sources, geometry, stale_files, write};

const USAGE: &str = "usage: pocket-pipeline [--sources DIR] [--out DIR] [--agreements NEW] [--tolerance PX2] [--check]
       pocket-pipeline convert participatingAgencies<MMDDYYYY>[am|pm].xlsx [--sources DIR] [--source TEXT]

  convert FILE         print ICE's workbook as the cleaned list (287g_agreements.csv columns) on
                       standard output, and on standard error how each row got its county and
                       which rows have none (kept, shown as \"county not known\")
  --sources DIR        validated inputs (default: data/sources)
  --out DIR            where the JSON files go (default: public/data)
  --agreements FILE    make FILE (ICE's .xlsx, or a converted .csv) the current ICE list: convert,
                       validate, refuse it unless newer, keep the current list as
                       287g_agreements_<as_of>.csv, extend the trend, rebuild every output;
                       nothing is written unless every step succeeds
  --source TEXT        the `source` cell of converted rows (default: ICE's page)
  --tolerance PX2      simplification threshold in square map units (default 1.5)
  --check              write nothing; fail if the files in --out are not what would be written";

struct Args {
    sources: PathBuf,
    out: PathBuf,
    agreements: Option<PathBuf>,
    convert: Option<PathBuf>,
    source: String,
    tolerance: f64,
    check: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        sources: default_sources(),
        out: default_out(),
        agreements: None,
        convert: None,
        source: ICE_SOURCE.into(),
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
            "convert" => a.convert = Some(value()?.into()),
            "--source" => a.source = value()?,
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
    let config = Config { sources: args.sources.clone(), tolerance: args.tolerance };
    if let Some(workbook) = &args.convert {
        let (csv, report) = convert(&args.sources, workbook, &args.source).map_err(|e| e.to_string())?;
        print!("{csv}");
        eprint!("{}", report.text());
        return Ok(());
    }
    if let Some(new) = &args.agreements {
        if args.check {
            return Err("--agreements and --check do not go together".into());
        }
        let started = std::time::Instant::now();
        let done = update(&config, &args.out, new, &args.source).map_err(|e| e.to_string())?;
        if let Some(report) = &done.report {
            eprint!("{}", report.text());
        }
        println!(
            "ICE list {} is now current; {} kept as 287g_agreements_{}.csv; {} output files changed ({}) in {:.1} s",
            done.current,
            done.previous,
            done.previous,
            done.changed.len(),
            done.changed.join(", "),
            started.elapsed().as_secs_f64()
        );
        return Ok(());
    }
    let files = build(&config).map_err(|e| e.to_string())?;
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
