//! Statement pieces shared by the kept totals (the fold and the rolling windows): how a
//! new row adds to a member's row of a period, and how a server's instant for a period (a
//! reset, a window's edge) is set.

/// The `ON CONFLICT` clause that adds a new row's `columns` to a member's row of a period's
/// kept totals in `table` (keyed by server, period and member) when there is one:
/// `added!(quiz_homework_totals: attempts, points)`.
macro_rules! added {
    ($table:ident: $first:ident $(, $column:ident)*) => {
        concat!(
            "ON CONFLICT (guild_id, period, user_id) DO UPDATE SET ",
            stringify!($first), " = ", stringify!($table), ".", stringify!($first),
            " + excluded.", stringify!($first)
            $(, ", ", stringify!($column), " = ", stringify!($table), ".", stringify!($column),
              " + excluded.", stringify!($column))*
        )
    };
}
pub(super) use added;

/// What a member's rows of `quiz_member_totals` become when the rows `excluded` are added.
macro_rules! totals_added {
    () => {
        $crate::store::kept::added!(quiz_member_totals: points, correct, answered, games, wins)
    };
}
pub(super) use totals_added;

/// Sets a server's instant for a period in `$table` (its column `$column`), through `$tx`,
/// replacing the one there: a reset (`quiz_resets`), a rolling window's edge
/// (`quiz_window_edges`).
macro_rules! set_instant {
    ($tx:expr, $table:literal, $column:literal, $guild:expr, $period:expr, $at:expr) => {
        sqlx::query(concat!(
            "INSERT INTO ",
            $table,
            " (guild_id, period, ",
            $column,
            ") VALUES ($1, $2, $3)
             ON CONFLICT (guild_id, period) DO UPDATE SET ",
            $column,
            " = excluded.",
            $column
        ))
        .bind($guild)
        .bind($period)
        .bind($at)
        .execute(&mut *$tx)
        .await?
    };
}
pub(super) use set_instant;
