//! What the server logs: each request by its route's pattern, and never a token, a password or a credential.

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

use kenes_testkit::web::{Server, admin_with_council, api_session};

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Every log line of this test binary from here on, at every level (other tests' lines included).
fn capture() -> Captured {
    static CAPTURED: OnceLock<Captured> = OnceLock::new();
    CAPTURED
        .get_or_init(|| {
            let captured = Captured::default();
            let writer = captured.clone();
            tracing_subscriber::fmt()
                .with_env_filter("trace")
                .with_ansi(false)
                .with_writer(move || writer.clone())
                .init();
            captured
        })
        .clone()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logs_name_routes_never_secrets() {
    let captured = capture();
    let server = Server::start().await;
    let setup_token = server.setup_path.rsplit('/').next().unwrap().to_owned();
    let admin = server.browser("en");
    let council = admin_with_council(&server, &admin).await;
    let csrf = admin.get(&council).await.csrf();
    let invitation = admin.post(&format!("{council}/invitations"), &[("csrf", &csrf), ("role", "member")]).await;
    let invitation = invitation.shown_link();
    let joined = server.browser("en");
    assert_eq!(joined.get(&invitation).await.status, 200);
    let done = joined
        .post(&invitation, &[("display_name", "Nurlan"), ("username", "nurlan"), ("password", "nurlan's secret pass")])
        .await;
    assert_eq!(done.status, 303, "{}", done.body);
    let added =
        admin.post(&format!("{council}/members"), &[("csrf", &csrf), ("name", "Gulnara"), ("role", "member")]).await;
    let link = added.shown_link();
    let gulnara = server.browser("en");
    assert_eq!(gulnara.post(&link, &[]).await.status, 303);
    let wrong =
        server.browser("en").post("/signin", &[("username", "amina"), ("password", "a wrong guess here")]).await;
    assert_eq!(wrong.status, 401);
    let session = api_session(&server, "amina", "long enough pass").await;
    let (bearer, api_csrf) = (session.token, session.csrf);
    let listed = reqwest::Client::new().get(server.url("/api/councils")).bearer_auth(&bearer).send().await.unwrap();
    assert_eq!(listed.status().as_u16(), 200);

    let logs = String::from_utf8_lossy(&captured.0.lock().unwrap()).into_owned();
    // Requests are logged by their route's pattern, with method and status.
    for route in ["/setup/{token}", "/join/{token}", "/link/{token}", "/c/{id}/invitations", "/api/session"] {
        assert!(
            logs.contains(&format!("route=\"{route}\"")) || logs.contains(&format!("route={route}")),
            "no request logged for {route}"
        );
    }
    assert!(logs.contains("status=303") && logs.contains("status=401"));
    // No token, password or CSRF token appears anywhere.
    let secrets = [
        ("the setup token", setup_token.as_str()),
        ("the invitation token", invitation.rsplit('/').next().unwrap()),
        ("the sign-in link token", link.rsplit('/').next().unwrap()),
        ("the API session token", bearer.as_str()),
        ("the API CSRF token", api_csrf.as_str()),
        ("a page's CSRF token", csrf.as_str()),
        ("a password", "long enough pass"),
        ("a password", "nurlan's secret pass"),
        ("a wrong password", "a wrong guess here"),
    ];
    for (what, secret) in secrets {
        assert!(secret.len() >= 10, "{what} is long enough to look for");
        assert!(!logs.contains(secret), "{what} reached the logs");
    }
}
