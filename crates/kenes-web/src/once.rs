//! Forms that cannot be submitted twice. A form that creates something (a meeting, an election, a council, a
//! member, a link) carries a random `once` value; the first submission of that value, in that session, runs, and
//! every later one (a double click, a reload of the result page) gets the first one's answer instead of a second
//! meeting or a second link. A submission that arrives while the first is still running waits for its answer.
//!
//! The answers are kept in memory only, for `KEEP`, at most `MAX_ENTRIES` of them; a form whose value is unknown
//! (expired, or the server restarted) simply runs. A failed submission is forgotten, so the corrected form can be
//! sent again.

use std::collections::HashMap;
use std::future::Future;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::response::{Html, IntoResponse, Response};
use maud::{Markup, html};
use sha2::{Digest, Sha256};

use crate::auth::Ctx;
use crate::error::WebError;

/// How long an answer is kept for a repeated submission.
const KEEP: Duration = Duration::from_secs(10 * 60);
/// The most answers kept at once, across all sessions.
const MAX_ENTRIES: usize = 10_000;
/// How long a repeated submission waits for the first to finish.
const WAIT: Duration = Duration::from_secs(15);

/// The answer to a form, kept to give again.
#[derive(Clone, Debug)]
pub enum Replay {
    SeeOther(String),
    Page(String),
}

impl IntoResponse for Replay {
    fn into_response(self) -> Response {
        match self {
            Replay::SeeOther(location) => crate::ui::see_other(&location),
            Replay::Page(html) => Html(html).into_response(),
        }
    }
}

#[derive(Debug)]
enum Entry {
    Running(Instant),
    Done(Instant, Replay),
}

impl Entry {
    fn since(&self) -> Instant {
        match self {
            Entry::Running(at) | Entry::Done(at, _) => *at,
        }
    }
}

#[derive(Debug, Default)]
pub struct Once {
    entries: Mutex<HashMap<[u8; 32], Entry>>,
}

/// The hidden field that makes a form's submission happen once.
pub fn field() -> Markup {
    let (value, _) = crate::auth::new_token();
    html! { input type="hidden" name="once" value=(value); }
}

enum Start {
    Run,
    Replay(Replay),
    Wait,
}

impl Once {
    /// Runs `work` for the first submission of `token` in this session; gives its answer to the later ones.
    pub async fn run<F, Fut>(&self, ctx: &Ctx, token: &str, work: F) -> Result<Response, WebError>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<Replay, WebError>>,
    {
        // An empty or odd value (an API client, an old page) runs as it always did.
        if token.is_empty() || token.len() > 64 {
            return Ok(work().await?.into_response());
        }
        let key: [u8; 32] =
            Sha256::new().chain_update(ctx.csrf()).chain_update([0]).chain_update(token).finalize().into();
        let started = Instant::now();
        loop {
            match self.start(key) {
                Start::Run => break,
                Start::Replay(replay) => return Ok(replay.into_response()),
                Start::Wait if started.elapsed() < WAIT => tokio::time::sleep(Duration::from_millis(100)).await,
                Start::Wait => return Err(WebError::Busy),
            }
        }
        let result = work().await;
        let mut entries = self.entries.lock().map_err(|_| WebError::Internal("once: poisoned".to_owned()))?;
        match result {
            Ok(replay) => {
                if let Some(entry) = entries.get_mut(&key) {
                    *entry = Entry::Done(Instant::now(), replay.clone());
                }
                Ok(replay.into_response())
            }
            Err(error) => {
                entries.remove(&key);
                Err(error)
            }
        }
    }

    fn start(&self, key: [u8; 32]) -> Start {
        let Ok(mut entries) = self.entries.lock() else { return Start::Run };
        let now = Instant::now();
        match entries.get(&key) {
            Some(Entry::Done(at, replay)) if now.duration_since(*at) < KEEP => return Start::Replay(replay.clone()),
            Some(Entry::Running(at)) if now.duration_since(*at) < KEEP => return Start::Wait,
            _ => {}
        }
        if entries.len() >= MAX_ENTRIES {
            entries.retain(|_, entry| now.duration_since(entry.since()) < KEEP);
        }
        // Still full of fresh answers: this one runs without the guard rather than pushing out another's.
        if entries.len() < MAX_ENTRIES {
            entries.insert(key, Entry::Running(now));
        }
        Start::Run
    }
}
