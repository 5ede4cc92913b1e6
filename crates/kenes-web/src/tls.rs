//! HTTPS without a proxy: kenes serves TLS itself (rustls, with the `ring` provider), from a certificate the
//! operator gives or from a self-signed one it makes and keeps in the data directory.
//!
//! A laptop running a meeting on an open Wi-Fi has no domain name and no certificate authority to ask. A self-signed
//! certificate still keeps passwords, session cookies and ballots away from everyone else on the network, and a
//! browser's warning can be checked against the SHA-256 fingerprint `kenes serve` prints (and the secretary can read
//! out or pin to the wall).
//!
//! Handshakes run in their own tasks with a time limit, so a client that connects and says nothing holds up nobody.

use std::io;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use rustls::ServerConfig;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use sha2::{Digest, Sha256};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::server::TlsStream;

/// The longest a client may take to finish its TLS handshake.
const HANDSHAKE_TIME: Duration = Duration::from_secs(10);
/// Finished handshakes waiting for the server to take them.
const QUEUE: usize = 256;

/// Why TLS could not be set up; says which file and what is wrong with it.
#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    #[error("reading {path}")]
    Read { path: String, source: io::Error },
    #[error("writing {path}")]
    Write { path: String, source: io::Error },
    #[error("{path} holds no PEM certificate")]
    NoCertificate { path: String },
    #[error("{path} holds no PEM private key (PKCS#8, PKCS#1 or SEC1)")]
    NoKey { path: String },
    #[error("the certificate and key do not make a TLS configuration: {0}")]
    Config(String),
    #[error("making a self-signed certificate: {0}")]
    Generate(String),
}

/// A server certificate ready to serve: the rustls configuration and the certificate's SHA-256 fingerprint.
#[derive(Clone)]
pub struct Tls {
    pub config: Arc<ServerConfig>,
    /// SHA-256 of the leaf certificate's DER bytes, as colon-separated upper-case hex (the form browsers show).
    pub fingerprint: String,
}

impl std::fmt::Debug for Tls {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tls").field("fingerprint", &self.fingerprint).finish_non_exhaustive()
    }
}

/// The fingerprint browsers show for a certificate: SHA-256 of its DER bytes, hex pairs joined by colons.
pub fn fingerprint(der: &[u8]) -> String {
    Sha256::digest(der).iter().map(|b| format!("{b:02X}")).collect::<Vec<_>>().join(":")
}

fn read(path: &Path) -> Result<Vec<u8>, TlsError> {
    std::fs::read(path).map_err(|source| TlsError::Read { path: path.display().to_string(), source })
}

/// Builds the TLS configuration from PEM bytes: a certificate chain (leaf first) and its private key.
pub fn from_pem(cert_pem: &[u8], key_pem: &[u8], cert_path: &str, key_path: &str) -> Result<Tls, TlsError> {
    let chain: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(cert_pem).filter_map(Result::ok).collect();
    let Some(leaf) = chain.first() else {
        return Err(TlsError::NoCertificate { path: cert_path.to_owned() });
    };
    let fingerprint = fingerprint(leaf.as_ref());
    let key = PrivateKeyDer::from_pem_slice(key_pem).map_err(|_| TlsError::NoKey { path: key_path.to_owned() })?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| TlsError::Config(e.to_string()))?
        .with_no_client_auth()
        .with_single_cert(chain, key)
        .map_err(|e| TlsError::Config(e.to_string()))?;
    // HTTP/1.1 only: the server is built without HTTP/2.
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(Tls { config: Arc::new(config), fingerprint })
}

/// Reads a certificate chain and key from PEM files.
pub fn from_files(cert: &Path, key: &Path) -> Result<Tls, TlsError> {
    from_pem(&read(cert)?, &read(key)?, &cert.display().to_string(), &key.display().to_string())
}

/// The node's self-signed certificate in `dir` (`cert.pem`, `key.pem`), made on first use for `names` (host names
/// or IP addresses) and kept, so its fingerprint stays the same from one start to the next.
pub fn self_signed(dir: &Path, names: &[String]) -> Result<Tls, TlsError> {
    let cert_path = dir.join("cert.pem");
    let key_path = dir.join("key.pem");
    if !cert_path.exists() || !key_path.exists() {
        let generated =
            rcgen::generate_simple_self_signed(names.to_vec()).map_err(|e| TlsError::Generate(e.to_string()))?;
        fn write_error(path: &Path) -> impl FnOnce(io::Error) -> TlsError + '_ {
            move |source| TlsError::Write { path: path.display().to_string(), source }
        }
        std::fs::create_dir_all(dir).map_err(write_error(dir))?;
        write_private(&key_path, generated.signing_key.serialize_pem().as_bytes()).map_err(write_error(&key_path))?;
        std::fs::write(&cert_path, generated.cert.pem()).map_err(write_error(&cert_path))?;
    }
    from_files(&cert_path, &key_path)
}

/// Writes a file only its owner can read, durably.
fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// A listener that hands axum connections whose TLS handshake has finished.
///
/// At most `QUEUE` connections are shaking hands or waiting to be taken at once (each holds a place from before its
/// TCP accept until `listen::serve` takes it, and a finished handshake that cannot be handed on within
/// `HANDSHAKE_TIME` is dropped): silent clients cannot pile up past the node's own connection limit.
pub struct TlsListener {
    ready: mpsc::Receiver<(TlsStream<TcpStream>, SocketAddr, tokio::sync::OwnedSemaphorePermit)>,
    local: SocketAddr,
}

impl TlsListener {
    /// Starts accepting TCP connections on `listener` and shaking hands with each in its own task.
    pub fn new(listener: TcpListener, tls: &Tls) -> io::Result<TlsListener> {
        let local = listener.local_addr()?;
        let acceptor = TlsAcceptor::from(tls.config.clone());
        let (sender, ready) = mpsc::channel(QUEUE);
        let places = std::sync::Arc::new(tokio::sync::Semaphore::new(QUEUE));
        tokio::spawn(async move {
            loop {
                let Ok(place) = places.clone().acquire_owned().await else { break };
                let (stream, peer) = match listener.accept().await {
                    Ok(accepted) => accepted,
                    Err(error) => {
                        // Out of file descriptors and the like: wait a little rather than spin.
                        tracing::warn!(%error, "accepting a connection");
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                };
                if sender.is_closed() {
                    break;
                }
                let (acceptor, sender) = (acceptor.clone(), sender.clone());
                tokio::spawn(async move {
                    match tokio::time::timeout(HANDSHAKE_TIME, acceptor.accept(stream)).await {
                        Ok(Ok(tls)) => {
                            if tokio::time::timeout(HANDSHAKE_TIME, sender.send((tls, peer, place))).await.is_err() {
                                tracing::debug!(%peer, "no room to serve a connection; it was closed");
                            }
                        }
                        Ok(Err(error)) => tracing::debug!(%peer, %error, "TLS handshake failed"),
                        Err(_) => tracing::debug!(%peer, "TLS handshake timed out"),
                    }
                });
            }
        });
        Ok(TlsListener { ready, local })
    }
}

impl axum::serve::Listener for TlsListener {
    type Io = TlsStream<TcpStream>;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        match self.ready.recv().await {
            // The place is given back here: from now on the connection counts against `listen::serve`'s limit.
            Some((stream, peer, _place)) => (stream, peer),
            // The accepting task only stops once this listener is gone, so this is not reached while serving.
            None => std::future::pending().await,
        }
    }

    fn local_addr(&self) -> io::Result<Self::Addr> {
        Ok(self.local)
    }
}
