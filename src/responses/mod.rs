//! Written work: what students write for the class and what Aura can tell them about it. So
//! far the quote check ([`quote_check`]): every passage a student puts in quotation marks,
//! checked against the pack's verified quotes before anything is saved.

pub mod quote_check;
