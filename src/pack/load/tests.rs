//! Tests of loading: encoding debris, and naming the item a TOML error sits in.

use super::*;
use crate::pack::check::has_debris;

#[test]
fn debris_is_the_stray_a_circumflex_not_a_real_word() {
    assert!(has_debris("kultus bintang:Â"));
    assert!(has_debris("sebelumnya. Â"));
    assert!(!has_debris("Âme is a French word"));
    assert!(!has_debris("clean text"));
}

#[test]
fn enclosing_id_finds_the_table_id() {
    let text = "[[concept]]\nid = \"aura\"\nname = 3\n";
    assert_eq!(enclosing_id(text, 30).as_deref(), Some("aura"));
}
