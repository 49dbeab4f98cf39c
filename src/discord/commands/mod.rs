//! The slash commands as thin poise functions, one module per command group: typed options in,
//! the feature's function called, its outcome sent. Names and descriptions in both languages
//! come from the catalog and the Fluent files.

mod daily;
mod debate;
mod kit;
mod lookup;
mod pick;
mod privacy;
mod quiz;

use super::{Data, Error};
use crate::catalog;
use crate::i18n::t;
use crate::pack::Lang;

/// Every command, without localizations.
pub fn all() -> Vec<poise::Command<Data, Error>> {
    vec![
        lookup::quote(),
        lookup::concept(),
        debate::debate(),
        lookup::section(),
        lookup::search(),
        lookup::thinker(),
        lookup::essay(),
        quiz::quiz(),
        daily::daily(),
        privacy::privacy(),
        privacy::audit(),
        lookup::help(),
    ]
}

/// Every command with its Indonesian name and both languages' descriptions, from the catalog
/// and the Fluent files. English is the default; `id` is Discord's Indonesian locale.
pub fn localized() -> Vec<poise::Command<Data, Error>> {
    let mut commands = all();
    for command in &mut commands {
        if let Some(spec) = catalog::command(&command.name) {
            localize(command, spec);
        }
    }
    commands
}

fn localize(command: &mut poise::Command<Data, Error>, spec: &catalog::CommandSpec) {
    command.description = Some(t(Lang::En, spec.desc).into());
    command
        .name_localizations
        .to_mut()
        .push(("id".into(), spec.name_id.into()));
    command
        .description_localizations
        .to_mut()
        .push(("id".into(), t(Lang::Id, spec.desc).into()));
    for parameter in &mut command.parameters {
        let Some(opt) = spec.option(&parameter.name) else {
            continue;
        };
        parameter.description = Some(t(Lang::En, opt.desc).into());
        parameter
            .name_localizations
            .to_mut()
            .push(("id".into(), opt.name_id.into()));
        parameter
            .description_localizations
            .to_mut()
            .push(("id".into(), t(Lang::Id, opt.desc).into()));
    }
    for sub in &mut command.subcommands {
        if let Some(sub_spec) = spec.subcommand(&sub.name) {
            localize(sub, sub_spec);
        }
    }
}
