//! kenes's own HTTPS: a self-signed certificate kept in the data directory, Secure session cookies, and handshakes
//! that a silent client cannot hold up.

use std::time::Duration;

use kenes_store::{Location, Node, Store};
use kenes_web::{AppState, Config, tls};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn https_with_a_self_signed_certificate_and_secure_cookies() {
    let dir = tempfile::tempdir().unwrap();
    let node = Node::open(Store::open(&Location::data_dir(dir.path())).unwrap(), || [3; 32]).unwrap();
    let setup_path = kenes_web::first_admin_link(&node).unwrap().unwrap();
    let state = AppState::new(node, Config { secure_cookies: true, ..Config::default() }).unwrap();
    let names = vec!["localhost".to_owned(), "127.0.0.1".to_owned()];
    let made = tls::self_signed(&dir.path().join("tls"), &names).unwrap();
    // The certificate is kept: a restart shows the same fingerprint, and the key is readable by its owner only.
    let again = tls::self_signed(&dir.path().join("tls"), &names).unwrap();
    assert_eq!(made.fingerprint, again.fingerprint);
    assert_eq!(made.fingerprint.len(), 32 * 3 - 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join("tls/key.pem")).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let cert_pem = std::fs::read(dir.path().join("tls/cert.pem")).unwrap();

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let listener = tls::TlsListener::new(listener, &made).unwrap();
    tokio::spawn(async move { axum::serve(listener, kenes_web::router(state)).await.unwrap() });

    // A client that opens a connection and says nothing does not hold up anyone else.
    let _silent = tokio::net::TcpStream::connect(("127.0.0.1", port)).await.unwrap();

    let trusting = reqwest::Client::builder()
        .add_root_certificate(reqwest::Certificate::from_pem(&cert_pem).unwrap())
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap();
    let base = format!("https://localhost:{port}");
    let health = trusting.get(format!("{base}/healthz")).send().await.unwrap();
    assert_eq!(health.text().await.unwrap(), "ok");

    // The first administrator signs up over HTTPS; the session cookie is Secure, HttpOnly and SameSite.
    let created = trusting
        .post(format!("{base}{setup_path}"))
        .form(&[("username", "amina"), ("password", "long enough pass")])
        .send()
        .await
        .unwrap();
    assert_eq!(created.status().as_u16(), 303);
    let cookie = created.headers().get("set-cookie").unwrap().to_str().unwrap().to_owned();
    for attribute in ["HttpOnly", "SameSite=Lax", "Secure"] {
        assert!(cookie.contains(attribute), "{attribute} missing from {cookie}");
    }

    // A client that does not trust the certificate refuses it; plain HTTP to the HTTPS port gets no page.
    let wary = reqwest::Client::builder().timeout(Duration::from_secs(20)).build().unwrap();
    let refused = wary.get(format!("{base}/healthz")).send().await.unwrap_err();
    assert!(refused.is_connect(), "{refused:?}");
    let plain = wary.get(format!("http://127.0.0.1:{port}/healthz")).send().await;
    assert!(plain.is_err() || !plain.unwrap().status().is_success());
}

#[test]
fn a_file_that_is_not_a_certificate_or_key_is_named_in_the_error() {
    let error = tls::from_pem(b"not a certificate", b"", "site.crt", "site.key").unwrap_err().to_string();
    assert_eq!(error, "site.crt holds no PEM certificate");
    let dir = tempfile::tempdir().unwrap();
    let made = tls::self_signed(dir.path(), &["localhost".to_owned()]).unwrap();
    let cert = std::fs::read(dir.path().join("cert.pem")).unwrap();
    let error = tls::from_pem(&cert, b"-----BEGIN NOTHING-----", "site.crt", "site.key").unwrap_err().to_string();
    assert_eq!(error, "site.key holds no PEM private key (PKCS#8, PKCS#1 or SEC1)");
    // Another certificate's key does not fit.
    let other = tempfile::tempdir().unwrap();
    tls::self_signed(other.path(), &["localhost".to_owned()]).unwrap();
    let other_key = std::fs::read(other.path().join("key.pem")).unwrap();
    let error = tls::from_pem(&cert, &other_key, "site.crt", "site.key").unwrap_err().to_string();
    assert!(error.starts_with("the certificate and key do not make a TLS configuration"), "{error}");
    let missing = tls::from_files(&dir.path().join("absent.pem"), &dir.path().join("key.pem")).unwrap_err();
    assert!(missing.to_string().contains("absent.pem"), "{missing}");
    assert!(!made.fingerprint.is_empty());
}
