//! `aura health`: asks a running Aura's `/healthz`, for a container's `HEALTHCHECK` (the
//! runtime image has no curl).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::Duration;

/// Where to ask: the listener's address, with an unspecified IP (`0.0.0.0`, `::`) read as
/// this machine.
fn target(addr: SocketAddr) -> SocketAddr {
    match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => (Ipv4Addr::LOCALHOST, addr.port()).into(),
        IpAddr::V6(ip) if ip.is_unspecified() => (Ipv6Addr::LOCALHOST, addr.port()).into(),
        _ => addr,
    }
}

/// GETs `/healthz` at `addr`: `Ok` with its answer when it is 200, `Err` with the reason
/// otherwise.
pub async fn probe(addr: SocketAddr) -> Result<String, String> {
    let url = format!("http://{}/healthz", target(addr));
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(5))
        .build()
        .map_err(|e| e.to_string())?;
    let answer = client
        .get(&url)
        .send()
        .await
        .map_err(|e| format!("{url}: {}", e.without_url()))?;
    let status = answer.status();
    let body = answer.text().await.unwrap_or_default();
    if status.is_success() {
        Ok(body.trim().to_string())
    } else {
        Err(format!("{url}: {status}: {}", body.trim()))
    }
}

#[cfg(test)]
mod tests {
    use super::target;

    #[test]
    fn an_unspecified_address_is_asked_on_loopback() {
        assert_eq!(
            target("0.0.0.0:9100".parse().expect("addr")).to_string(),
            "127.0.0.1:9100"
        );
        assert_eq!(
            target("[::]:9100".parse().expect("addr")).to_string(),
            "[::1]:9100"
        );
        assert_eq!(
            target("10.0.0.5:9100".parse().expect("addr")).to_string(),
            "10.0.0.5:9100"
        );
    }
}
