//! The `data-assets` command: surveys public data catalogs, writes and checks ledger
//! workbooks, runs the whole pipeline on a ledger and lists the pilot's deadlines.
//!
//! Exit status: 0 on success, 1 when the input is invalid (every error is printed with its
//! code, location and what is allowed), 2 on usage errors.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

#[macro_use]
mod output;
mod deadlines;
mod ledger;
mod run;
mod survey;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use data_assets_core::calendar::UnitKind;

/// Whole-process management of data assets (数据资产全过程管理) for government units and SOEs.
#[derive(Debug, Parser)]
#[command(name = "data-assets", version)]
struct Cli {
    /// Print machine-readable JSON on stdout instead of text.
    #[arg(long, global = true)]
    json: bool,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Survey (摸底) a public data catalog: writes summary.json, summary.md and
    /// draft-ledger.xlsx, one row per resource, to be completed by the unit.
    Survey {
        /// Catalog CSV file (columns dataset_name, department, open_type, record_count,
        /// update_frequency, formats, has_api, published_date, updated_date, description).
        catalog: PathBuf,
        /// Output directory; created when missing, existing files of the same names replaced.
        #[arg(long)]
        out: PathBuf,
        /// Date the timeliness scores are measured against, YYYY-MM-DD (default: today, UTC).
        #[arg(long, value_parser = parse_date)]
        as_of: Option<NaiveDate>,
    },
    /// Write a blank ledger workbook (sheets 单位, 台账, 事项, 授权, 收益) with drop-downs.
    Template {
        /// Path of the xlsx file to write; an existing file is replaced.
        out: PathBuf,
    },
    /// Check a ledger (xlsx workbook, directory of CSV files, or JSON) and list every error
    /// with its sheet, row and column. Exits with 1 when anything is invalid.
    Check {
        /// Ledger file or CSV directory.
        file: PathBuf,
    },
    /// Run the whole pipeline on a ledger: writes results.xlsx, result.json and report.md.
    Run {
        /// Ledger file (xlsx, JSON) or directory of CSV files.
        file: PathBuf,
        /// Date the run is as of, YYYY-MM-DD: vouchers and amortization are posted through it.
        #[arg(long, value_parser = parse_date)]
        as_of: NaiveDate,
        /// Output directory; created when missing, existing files of the same names replaced.
        #[arg(long)]
        out: PathBuf,
        /// JSON holiday schedule to add: a State Council notice of a year not built in, or a
        /// region's own holidays (format: docs/cli/deadlines.md). May be repeated.
        #[arg(long, value_name = "FILE")]
        holidays: Vec<PathBuf>,
    },
    /// Run the pipeline on the sample ledgers built into the binary (three Guilin units,
    /// illustrative amounts), as of 2026-09-30.
    Demo {
        /// Output directory; one subdirectory per unit, named by its credit code.
        #[arg(long)]
        out: PathBuf,
    },
    /// List the pilot obligations due on or after a date, soonest first.
    Deadlines {
        /// Date to count from, YYYY-MM-DD.
        #[arg(long, value_parser = parse_date)]
        as_of: NaiveDate,
        /// 行政区划代码 whose regional holidays apply, such as 450300.
        #[arg(long, value_parser = parse_region)]
        region: Option<String>,
        /// Kind of pilot unit: city_department (市直部门), district_finance_bureau
        /// (县（区）财政局) or city_soe (市属国有企业); all kinds when omitted.
        #[arg(long, value_parser = parse_unit_kind)]
        unit_kind: Option<UnitKind>,
        /// JSON holiday schedule to add: a State Council notice of a year not built in, or a
        /// region's own holidays (format: docs/cli/deadlines.md). May be repeated.
        #[arg(long, value_name = "FILE")]
        holidays: Vec<PathBuf>,
    },
}

fn parse_unit_kind(text: &str) -> Result<UnitKind, String> {
    text.parse::<UnitKind>().map_err(|error| error.to_string())
}

fn parse_region(text: &str) -> Result<String, String> {
    data_assets_core::entity::RegionCode::new(text)
        .map(|code| code.as_str().to_owned())
        .map_err(|error| error.to_string())
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("invalid date {text:?}: expected YYYY-MM-DD, such as 2024-12-31"))
}

/// Exit status for invalid input.
const EXIT_INVALID: u8 = 1;
/// Exit status for usage errors, as clap uses.
const EXIT_USAGE: u8 = 2;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // Help and version requests print to stdout and succeed; usage errors exit with 2.
            let _ = error.print();
            return if error.use_stderr() {
                ExitCode::from(EXIT_USAGE)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let outcome = match &cli.command {
        Command::Survey {
            catalog,
            out,
            as_of,
        } => survey::run(catalog, out, as_of.unwrap_or_else(output::today), cli.json),
        Command::Template { out } => ledger::run_template(out, cli.json),
        Command::Run {
            file,
            as_of,
            out,
            holidays,
        } => run::run(file, *as_of, out, holidays, cli.json),
        Command::Demo { out } => run::demo(out, cli.json),
        Command::Check { file } => {
            return if ledger::run_check(file, cli.json) {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(EXIT_INVALID)
            };
        }
        Command::Deadlines {
            as_of,
            region,
            unit_kind,
            holidays,
        } => deadlines::run(*as_of, region.as_deref(), *unit_kind, holidays, cli.json),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(errors) => {
            output::print_errors(&errors, cli.json);
            ExitCode::from(EXIT_INVALID)
        }
    }
}
