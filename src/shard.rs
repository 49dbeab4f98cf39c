//! Which guilds this process serves when Aura runs as several processes, each holding a range
//! of Discord's shards: a guild belongs to shard `(guild_id >> 22) % total_shards` (Discord's
//! rule), and direct messages to shard 0. Work no interaction started (daily posts, closing
//! debates, speeches' clocks, ending rounds a crash left open) is done only by the process
//! that holds the guild's shard. Plain values, parsed from `--shards 0-3 --total-shards 16`
//! or the `shards` / `total_shards` settings.

use std::fmt;

/// The shards this process holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Shards {
    /// Not sharded across processes: every guild is this process's.
    #[default]
    All,
    /// Shards `first..=last` of `total`.
    Range { first: u32, last: u32, total: u32 },
}

/// The shard that holds `guild` among `total` shards (no guild: shard 0).
pub fn shard_of(guild: Option<u64>, total: u32) -> u32 {
    match guild {
        Some(id) if total > 0 => ((id >> 22) % u64::from(total)) as u32,
        _ => 0,
    }
}

/// Why a shard setting cannot be used; the caller names the flag or key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ShardError {
    #[error("`{0}` is not a shard range: use one shard (`2`) or a range (`0-3`)")]
    Syntax(String),
    #[error("the range {first}-{last} is backwards: the first shard comes first")]
    Backwards { first: u32, last: u32 },
    #[error("{0} is not a shard count: use 1 or more")]
    NoShards(u32),
    #[error("shard {last} is outside {total} shards (shards are numbered 0 to {})", total - 1)]
    Outside { last: u32, total: u32 },
    #[error("the shards to hold are given without the total number of shards")]
    NoTotal,
    #[error("the total number of shards is given without the shards to hold")]
    NoRange,
}

impl ShardError {
    /// Which of the two values is wrong: the range (`true`) or the total (`false`).
    pub fn about_range(&self) -> bool {
        matches!(
            self,
            ShardError::Syntax(_)
                | ShardError::Backwards { .. }
                | ShardError::Outside { .. }
                | ShardError::NoRange
        )
    }
}

/// `"2"` or `"0-3"` (inclusive) as `(first, last)`.
pub fn parse_range(text: &str) -> Result<(u32, u32), ShardError> {
    let syntax = || ShardError::Syntax(text.to_string());
    let number = |s: &str| s.trim().parse::<u32>().map_err(|_| syntax());
    let (first, last) = match text.trim().split_once('-') {
        Some((a, b)) => (number(a)?, number(b)?),
        None => {
            let n = number(text)?;
            (n, n)
        }
    };
    if first > last {
        return Err(ShardError::Backwards { first, last });
    }
    Ok((first, last))
}

impl Shards {
    /// The shards from a range and a total, both given or neither.
    pub fn from_parts(range: Option<&str>, total: Option<u32>) -> Result<Shards, ShardError> {
        match (range, total) {
            (None, None) => Ok(Shards::All),
            (Some(_), None) => Err(ShardError::NoTotal),
            (None, Some(_)) => Err(ShardError::NoRange),
            (Some(range), Some(total)) => {
                let (first, last) = parse_range(range)?;
                if total == 0 {
                    return Err(ShardError::NoShards(total));
                }
                if last >= total {
                    return Err(ShardError::Outside { last, total });
                }
                Ok(Shards::Range { first, last, total })
            }
        }
    }

    /// Does this process do the background work of `guild` (`None`: a DM, or no guild)?
    pub fn owns(&self, guild: Option<u64>) -> bool {
        match *self {
            Shards::All => true,
            Shards::Range { first, last, total } => {
                (first..=last).contains(&shard_of(guild, total))
            }
        }
    }

    /// The range claimed in the database: `(first, last, total)`; holding every guild is
    /// holding the one shard of one.
    pub fn claimed(&self) -> (u32, u32, u32) {
        match *self {
            Shards::All => (0, 0, 1),
            Shards::Range { first, last, total } => (first, last, total),
        }
    }

    /// Does this process hold shard 0 (work that belongs to no guild: pruning old rows)?
    pub fn holds_first(&self) -> bool {
        self.owns(None)
    }
}

impl fmt::Display for Shards {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Shards::All => f.write_str("all shards"),
            Shards::Range { first, last, total } if first == last => {
                write!(f, "shard {first} of {total}")
            }
            Shards::Range { first, last, total } => write!(f, "shards {first}-{last} of {total}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_guild_s_shard_follows_discord_s_formula() {
        // The shard is in the id's timestamp bits (above the low 22).
        assert_eq!(shard_of(Some(197_038_439_483_310_086), 1000), 770);
        assert_eq!(shard_of(Some(4_194_303), 2), 0);
        assert_eq!(shard_of(Some(4_194_304), 2), 1);
        assert_eq!(shard_of(Some(8_388_608), 2), 0);
        // The end-to-end tests' two servers sit on different shards of two.
        assert_eq!(shard_of(Some(290_926_798_626_357_999), 2), 1);
        assert_eq!(shard_of(Some(290_926_798_622_163_695), 2), 0);
        assert_eq!(shard_of(None, 16), 0);
        assert_eq!(shard_of(Some(u64::MAX), 0), 0);
    }

    #[test]
    fn ranges_and_totals_parse_and_bad_ones_say_why() {
        assert_eq!(parse_range("0-3"), Ok((0, 3)));
        assert_eq!(parse_range(" 2 "), Ok((2, 2)));
        assert_eq!(parse_range("4 - 7"), Ok((4, 7)));
        for bad in ["", "a", "1-", "-1", "1-2-3", "0..3", "x-2"] {
            assert!(
                matches!(parse_range(bad), Err(ShardError::Syntax(_))),
                "{bad}"
            );
        }
        assert_eq!(
            parse_range("3-1"),
            Err(ShardError::Backwards { first: 3, last: 1 })
        );
        assert_eq!(Shards::from_parts(None, None), Ok(Shards::All));
        assert_eq!(
            Shards::from_parts(Some("0-3"), Some(16)),
            Ok(Shards::Range {
                first: 0,
                last: 3,
                total: 16
            })
        );
        assert_eq!(
            Shards::from_parts(Some("0"), None),
            Err(ShardError::NoTotal)
        );
        assert_eq!(Shards::from_parts(None, Some(4)), Err(ShardError::NoRange));
        assert_eq!(
            Shards::from_parts(Some("0"), Some(0)),
            Err(ShardError::NoShards(0))
        );
        let outside = Shards::from_parts(Some("2-4"), Some(4)).unwrap_err();
        assert_eq!(outside, ShardError::Outside { last: 4, total: 4 });
        assert!(outside.to_string().contains("0 to 3"), "{outside}");
        assert!(outside.about_range());
        assert!(!ShardError::NoShards(0).about_range());
        assert!(!ShardError::NoTotal.about_range());
    }

    #[test]
    fn direct_messages_belong_to_shard_zero() {
        let zero = Shards::from_parts(Some("0"), Some(2)).expect("shards");
        let one = Shards::from_parts(Some("1"), Some(2)).expect("shards");
        assert!(zero.owns(None) && !one.owns(None));
        assert!(zero.holds_first() && !one.holds_first());
        assert!(Shards::All.owns(None) && Shards::All.owns(Some(42)));
        assert_eq!(one.to_string(), "shard 1 of 2");
    }

    proptest! {
        /// Processes whose ranges split the shards between them: every guild has exactly one.
        #[test]
        fn every_guild_has_exactly_one_owner(
            guild in any::<u64>(),
            total in 1u32..64,
            cuts in proptest::collection::vec(any::<u32>(), 0..6),
        ) {
            let mut bounds: Vec<u32> = cuts.iter().map(|c| c % total).collect();
            bounds.push(0);
            bounds.sort_unstable();
            bounds.dedup();
            let processes: Vec<Shards> = bounds
                .iter()
                .enumerate()
                .map(|(i, &first)| {
                    let last = bounds.get(i + 1).map_or(total - 1, |next| next - 1);
                    Shards::from_parts(Some(&format!("{first}-{last}")), Some(total))
                        .expect("a valid range")
                })
                .collect();
            let owners = processes.iter().filter(|p| p.owns(Some(guild))).count();
            prop_assert_eq!(owners, 1);
            let dm_owners = processes.iter().filter(|p| p.owns(None)).count();
            prop_assert_eq!(dm_owners, 1);
        }

        /// Any range within the total is accepted, and owns exactly its shards' guilds.
        #[test]
        fn a_valid_range_owns_its_shards(first in 0u32..32, len in 0u32..32, extra in 0u32..32, guild in any::<u64>()) {
            let last = first + len;
            let total = last + 1 + extra;
            let shards = Shards::from_parts(Some(&format!("{first}-{last}")), Some(total));
            prop_assert_eq!(shards, Ok(Shards::Range { first, last, total }));
            let shard = ((guild >> 22) % u64::from(total)) as u32;
            prop_assert_eq!(
                Shards::Range { first, last, total }.owns(Some(guild)),
                first <= shard && shard <= last
            );
        }
    }
}
