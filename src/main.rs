//! The `aura` binary: parses the command line and hands over to [`aura::cli`].

use clap::Parser;

fn main() -> std::process::ExitCode {
    aura::cli::run(aura::cli::Cli::parse())
}
