//! Finding one of Aura's posts again in a channel's recent messages (after a crash or a lost
//! answer): by the nonce it was sent with, or by Aura's authorship and a few words of it.

use serde_json::Value;

/// Is `m` Aura's message sent with `nonce`, or Aura's with `marker` in its text?
pub fn is_the_post(m: &Value, me: u64, nonce: &str, marker: Option<&str>) -> bool {
    let sent_with = match &m["nonce"] {
        Value::String(n) => n == nonce,
        Value::Number(n) => n.to_string() == nonce,
        _ => false,
    };
    if sent_with {
        return true;
    }
    let Some(marker) = marker.filter(|m| !m.is_empty()) else {
        return false;
    };
    if m["author"]["id"]
        .as_str()
        .and_then(|x| x.parse::<u64>().ok())
        .unwrap_or(0)
        != me
    {
        return false;
    }
    let mut texts = vec![m["content"].as_str().unwrap_or("")];
    for e in m["embeds"].as_array().into_iter().flatten() {
        texts.push(e["title"].as_str().unwrap_or(""));
        texts.push(e["description"].as_str().unwrap_or(""));
    }
    texts.iter().any(|t| t.contains(marker))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_post_is_known_by_its_nonce_or_by_aura_and_its_words() {
        let by_nonce = json!({ "id": "1", "nonce": "d1.20260302", "author": { "id": "9" } });
        assert!(is_the_post(&by_nonce, 7, "d1.20260302", None));
        assert!(!is_the_post(&by_nonce, 7, "d1.20260303", None));
        let numeric = json!({ "id": "1", "nonce": 42, "author": { "id": "9" } });
        assert!(is_the_post(&numeric, 7, "42", None));
        let aura = json!({ "id": "2", "author": { "id": "7" }, "content": "",
            "embeds": [{ "title": "Discussion prompt", "description": "**Is aura lost?**" }] });
        assert!(is_the_post(&aura, 7, "x", Some("Is aura lost?")));
        assert!(!is_the_post(&aura, 7, "x", Some("Something else")));
        assert!(!is_the_post(&aura, 7, "x", None));
        // Someone else's message with the same words is not Aura's post.
        let member = json!({ "id": "3", "author": { "id": "8" }, "content": "Is aura lost?" });
        assert!(!is_the_post(&member, 7, "x", Some("Is aura lost?")));
    }
}
