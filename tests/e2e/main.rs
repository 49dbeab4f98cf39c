//! The end-to-end suite. The real serenity/poise client connects to a fake Discord on loopback
//! (`fake`: REST and a gateway websocket) and is driven as members and staff would drive it;
//! `app::TestApp` starts the bot in-process; `support` holds what the tests repeat (a command or a
//! click as a member, what Aura showed, a message's buttons, waiting for posts). One module per
//! feature:
//!
//! - `discord`: every command in both languages, autocomplete, buttons and menus, deleting a
//!   reply, cooldowns, a class voting, restarts, a dropped gateway, 429 and 500 answers, and
//!   command registration against Discord's rules;
//! - `quiz`: quiz rounds with a class of 200, exact scores, the board and report, edit rates,
//!   restarts, SIGTERM, crashes and deleted channels;
//! - `quiz_teams`: team rounds: forty members in four teams scored by their mean, dealing,
//!   switching refused after the first question, the team podium and report;
//! - `learning`: practice bringing back a missed question on the bot's clock, the class
//!   insights against hand-computed shares, the term gradebook and report read as CSV;
//! - `quiz_typed`: typed answers through the question's form, judged, confirmed and stored;
//! - `debates`: a class debate of thirty from dealt sides to the summary, the moderator's
//!   controls, a restart mid-speech, quick votes closed by a teacher and open for hours;
//! - `daily`: daily posts, their schedules across restarts, suggestions, role pings, archive;
//! - `responses`: thirty members respond to a daily prompt, their quotations checked; the
//!   teacher reviews, releases (DMs, or `/responses mine`) and shares with the author's consent;
//!   the gradebook's participation columns; `/privacy` erasing responses;
//! - `fair`: boards that name nobody (or keep one member's name off), the server's default
//!   flat scoring stated in plain words and giving equal points for equal right answers, extra
//!   time and a later due time for one member on homework, a round in both languages;
//! - `untimed`: a teacher-mode question without a timer open past two minutes of real time;
//! - `language`: a member's own language for private replies, not for shared posts; a server's
//!   shared posts in both languages for new rounds, debates and schedules;
//! - `privacy`: `/privacy` (seeing and deleting a member's rows) and the staff audit channel;
//! - `charts`: the pictures a reveal and the board carry, as PNG attachments with alt text;
//! - `cli`: the `aura` binary as an operator runs it, its settings checks and its logs;
//! - `faults_security`: forged ids, members at staff buttons, the ping role, hostile input;
//! - `faults_daily`: daily posts through 500s, 429s, lost answers, crashes and hung channels
//!   (exactly one post, no prompt skipped, no server holding another), and per-server limits;
//! - `faults_reliability`: the fault suite's reliability part: every interaction answered, hung
//!   REST calls, a gateway drop mid-question, a refused token, SIGTERM and SIGKILL;
//! - `shards`: two shard processes over one state and two servers, each server's work done
//!   once, by the process holding its shard;
//! - `shard_processes`: `aura run --shards K --total-shards 2` as processes: SIGKILL loses
//!   nothing acknowledged; SIGTERM ends rounds, tells debates, exits within 10 seconds;
//! - `outage` (PostgreSQL): the database cut mid-round and mid-debate, nothing lost, no restart.

mod app;
mod fake;
mod support;

mod charts;
mod cli;
mod course;
mod course_own;
mod daily;
mod debates;
mod discord;
mod fair;
mod faults_daily;
mod faults_reliability;
mod faults_security;
mod homework;
mod language;
mod learning;
mod lookups;
mod operator;
mod outage;
mod privacy;
mod quiz;
mod quiz_teams;
mod quiz_typed;
mod responses;
mod shard_processes;
mod shards;
mod untimed;
