//! Accepting connections within limits, so that a crowd of silent or slow clients cannot keep the node from
//! answering: at most `Limits::max_connections` open at once (past that the listener stops accepting until one
//! closes), a time limit on reading each request's headers, and a connection closed when nothing has been read from
//! it or written to it for `Limits::idle` (the live streams write a comment every 15 s, so they stay open).
//!
//! HTTP/1.1 only, served by hyper's own connection code with its timer set, which axum's `serve` leaves unset.

use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use axum::serve::Listener;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::time::{Instant, Sleep};
use tower::ServiceExt;

use crate::auth::Peer;

/// How many connections, and how slow a client may be.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Open connections at most; each costs a file descriptor and a little memory.
    pub max_connections: usize,
    /// How long a client has to send a request's headers once it starts one.
    pub header_read: Duration,
    /// A connection with nothing read or written for this long is closed.
    pub idle: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_connections: 4096, header_read: Duration::from_secs(10), idle: Duration::from_secs(60) }
    }
}

/// Serves `router` on connections from `listener` within `limits`, until the listener fails.
pub async fn serve<L>(mut listener: L, router: Router, limits: Limits) -> std::io::Result<()>
where
    L: Listener<Addr = SocketAddr>,
    L::Io: Unpin,
{
    let permits = Arc::new(tokio::sync::Semaphore::new(limits.max_connections.max(1)));
    loop {
        let permit = permits.clone().acquire_owned().await.map_err(std::io::Error::other)?;
        let (io, address) = listener.accept().await;
        let service = router.clone().map_request(move |mut request: axum::extract::Request<hyper::body::Incoming>| {
            request.extensions_mut().insert(axum::extract::ConnectInfo(Peer(address)));
            request
        });
        let io = TokioIo::new(Idle::new(io, limits.idle));
        tokio::spawn(async move {
            let connection = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(limits.header_read)
                .serve_connection(io, hyper_util::service::TowerToHyperService::new(service))
                .with_upgrades();
            if let Err(error) = connection.await {
                tracing::trace!(%error, "a connection ended with an error");
            }
            drop(permit);
        });
    }
}

/// A connection that fails with `TimedOut` once nothing has been read from it or written to it for `idle`.
struct Idle<T> {
    inner: T,
    idle: Duration,
    deadline: Pin<Box<Sleep>>,
}

impl<T> Idle<T> {
    fn new(inner: T, idle: Duration) -> Self {
        Idle { inner, idle, deadline: Box::pin(tokio::time::sleep(idle)) }
    }

    fn active(&mut self) {
        let next = Instant::now() + self.idle;
        self.deadline.as_mut().reset(next);
    }

    /// When the inner stream is not ready: whether the connection has now been idle too long (and if not, a wake-up
    /// is set for when it will have been).
    fn expired(&mut self, context: &mut Context<'_>) -> bool {
        self.deadline.as_mut().poll(context).is_ready()
    }

    /// A write's outcome: bytes written count as activity; a write that waits fails once the connection has idled.
    fn written(
        &mut self,
        context: &mut Context<'_>,
        outcome: Poll<std::io::Result<usize>>,
    ) -> Poll<std::io::Result<usize>> {
        match outcome {
            Poll::Ready(Ok(written)) => {
                if written > 0 {
                    self.active();
                }
                Poll::Ready(Ok(written))
            }
            Poll::Ready(error) => Poll::Ready(error),
            Poll::Pending if self.expired(context) => Poll::Ready(Err(timed_out())),
            Poll::Pending => Poll::Pending,
        }
    }
}

fn timed_out() -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::TimedOut, "the connection was idle too long")
}

impl<T: AsyncRead + Unpin> AsyncRead for Idle<T> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        context: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        match Pin::new(&mut self.inner).poll_read(context, buf) {
            Poll::Ready(result) => {
                if buf.filled().len() > before {
                    self.active();
                }
                Poll::Ready(result)
            }
            Poll::Pending if self.expired(context) => Poll::Ready(Err(timed_out())),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for Idle<T> {
    fn poll_write(mut self: Pin<&mut Self>, context: &mut Context<'_>, buf: &[u8]) -> Poll<std::io::Result<usize>> {
        let outcome = Pin::new(&mut self.inner).poll_write(context, buf);
        self.written(context, outcome)
    }

    fn poll_flush(mut self: Pin<&mut Self>, context: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(context)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, context: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(context)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        context: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        let outcome = Pin::new(&mut self.inner).poll_write_vectored(context, bufs);
        self.written(context, outcome)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }
}
