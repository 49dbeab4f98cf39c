//! The slash commands as thin poise functions, one module per command group: typed options in,
//! the feature's function called, its outcome sent. Names and descriptions in both languages
//! come from the catalog and the Fluent files.

mod course;
mod daily;
mod debate;
mod kit;
mod language;
mod lookup;
mod pick;
mod privacy;
mod quiz;
mod responses;

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
        language::language(),
        privacy::audit(),
        lookup::lookups(),
        course::course(),
        responses::responses(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::help::{Who, who};
    use poise::serenity_prelude as serenity;

    /// `/help command:` says "server staff" exactly for the commands Discord shows only to
    /// members with Manage Server (`default_member_permissions`), so the two cannot drift.
    #[test]
    fn help_names_server_staff_where_discord_requires_manage_server() {
        let staff = serenity::Permissions::MANAGE_GUILD;
        for command in all() {
            let subs: Vec<_> = command.subcommands.iter().collect();
            let entries: Vec<(String, serenity::Permissions)> = if subs.is_empty() {
                vec![(command.name.to_string(), command.default_member_permissions)]
            } else {
                subs.iter()
                    .map(|s| {
                        let path = format!("{} {}", command.name, s.name);
                        (
                            path,
                            s.default_member_permissions | command.default_member_permissions,
                        )
                    })
                    .collect()
            };
            for (path, perms) in entries {
                let told = who(&path);
                if perms.contains(staff) {
                    assert_eq!(told, Who::Staff, "{path} needs Manage Server");
                }
            }
        }
    }
}
