//! The requests, through the browser's fetch (gloo-net). Same origin only (the app's CSP
//! says `connect-src 'self'`), so the sign-in cookie CouchDB sets travels by itself and no
//! password is ever kept.

use super::couch::Problem;
use gloo_net::http::{Request, RequestBuilder};

/// A request's status and body; no answer at all is `Unreachable`.
async fn send(request: RequestBuilder, body: Option<&str>) -> Result<(u16, String), Problem> {
    let request = request.header("Accept", "application/json");
    let request = match body {
        Some(b) => request.header("Content-Type", "application/json").body(b.to_owned()),
        None => request.build(),
    }
    .map_err(|_| Problem::BadAddress)?;
    let response = request.send().await.map_err(|_| Problem::Unreachable)?;
    let status = response.status();
    let text = response.text().await.map_err(|_| Problem::Unreachable)?;
    Ok((status, text))
}

pub async fn get(url: &str) -> Result<(u16, String), Problem> {
    send(Request::get(url), None).await
}

pub async fn post(url: &str, body: &str) -> Result<(u16, String), Problem> {
    send(Request::post(url), Some(body)).await
}

pub async fn put(url: &str, body: &str) -> Result<(u16, String), Problem> {
    send(Request::put(url), Some(body)).await
}

pub async fn delete(url: &str) -> Result<(u16, String), Problem> {
    send(Request::delete(url), None).await
}
