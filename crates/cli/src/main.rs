//! The `marsad` command: a thin layer that reads arguments, wires the stages together and
//! reports errors with context. All the work is in the library crates.

mod extract;
mod samples;

use anyhow::Result;
use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "marsad", version, about = "Conflict events from Arabic, French and English news.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Find the places, actors, people and outlets each document names (JSON Lines on stdout).
    Extract(extract::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome: Result<bool> = match cli.command {
        Command::Extract(args) => extract::run(args),
    };
    match outcome {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(error) => {
            eprintln!("marsad: {error:#}");
            ExitCode::from(2)
        }
    }
}
