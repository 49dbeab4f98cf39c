//! REST calls Aura makes on its own (editing a reply after the fact), honouring Discord's
//! answers: a 429 is waited out for its `retry_after` and retried; a 5xx is retried with
//! backoff; after a few tries, or on any other error, the failure is reported, never a crash.

use std::time::Duration;

use serde_json::Value;

/// How many times a call is tried in all.
const ATTEMPTS: u32 = 4;
/// The longest wait Aura accepts from a 429 before giving up.
const MAX_WAIT: Duration = Duration::from_secs(30);

#[derive(Debug, thiserror::Error)]
pub enum RestError {
    #[error("HTTP: {0}")]
    Transport(#[from] reqwest::Error),
    #[error("Discord answered {status}: {body}")]
    Refused { status: u16, body: String },
    #[error("rate limited for {0:?}, longer than Aura waits")]
    TooLong(Duration),
}

/// A small REST client for Discord's interaction webhooks.
#[derive(Debug, Clone)]
pub struct Rest {
    client: reqwest::Client,
    base: String,
}

impl Rest {
    /// `api_url` as for serenity's proxy: the base without `/api/v10`; `None` for Discord.
    pub fn new(api_url: Option<&str>) -> Rest {
        let base = api_url
            .unwrap_or("https://discord.com")
            .trim_end_matches('/');
        Rest {
            client: reqwest::Client::new(),
            base: format!("{base}/api/v10"),
        }
    }

    /// Replaces the message an interaction answered with (valid for 15 minutes).
    pub async fn edit_original(
        &self,
        application: u64,
        token: &str,
        body: &Value,
    ) -> Result<(), RestError> {
        let url = format!(
            "{}/webhooks/{application}/{token}/messages/@original",
            self.base
        );
        self.send(reqwest::Method::PATCH, &url, body).await
    }

    async fn send(
        &self,
        method: reqwest::Method,
        url: &str,
        body: &Value,
    ) -> Result<(), RestError> {
        let mut attempt = 0;
        loop {
            attempt += 1;
            let response = self
                .client
                .request(method.clone(), url)
                .json(body)
                .send()
                .await;
            let wait = match response {
                Ok(r) if r.status().is_success() => return Ok(()),
                Ok(r) if r.status().as_u16() == 429 => {
                    let header = r
                        .headers()
                        .get("retry-after")
                        .and_then(|v| v.to_str().ok())
                        .and_then(|v| v.parse::<f64>().ok());
                    let json: Value = r.json().await.unwrap_or(Value::Null);
                    let seconds = json["retry_after"].as_f64().or(header).unwrap_or(1.0);
                    let wait = Duration::from_secs_f64(seconds.clamp(0.0, 3600.0));
                    if wait > MAX_WAIT {
                        return Err(RestError::TooLong(wait));
                    }
                    tracing::warn!(?wait, url, "rate limited by Discord; waiting");
                    wait
                }
                Ok(r) if r.status().is_server_error() => {
                    tracing::warn!(
                        status = r.status().as_u16(),
                        attempt,
                        url,
                        "Discord error; retrying"
                    );
                    if attempt >= ATTEMPTS {
                        let status = r.status().as_u16();
                        let body = r.text().await.unwrap_or_default();
                        return Err(RestError::Refused { status, body });
                    }
                    Duration::from_millis(250 * 2u64.pow(attempt - 1))
                }
                Ok(r) => {
                    let status = r.status().as_u16();
                    let body = r.text().await.unwrap_or_default();
                    return Err(RestError::Refused { status, body });
                }
                Err(e) if attempt >= ATTEMPTS => return Err(e.into()),
                Err(e) => {
                    tracing::warn!(error = %e, attempt, url, "cannot reach Discord; retrying");
                    Duration::from_millis(250 * 2u64.pow(attempt - 1))
                }
            };
            if attempt >= ATTEMPTS {
                return Err(RestError::Refused {
                    status: 429,
                    body: "still rate limited".into(),
                });
            }
            tokio::time::sleep(wait).await;
        }
    }
}
