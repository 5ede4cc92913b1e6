//! Finding nodes on the local network (mDNS/DNS-SD, `_kenes._tcp.local.`) without typing addresses.
//!
//! Off until an administrator turns it on (Nodes page, or `kenes serve --discover`): announcing tells everyone on
//! the network that a kenes node is here, which in some places is itself a danger. When on, the node announces its
//! address and node key and lists the nodes it hears. What it hears is unauthenticated: nothing syncs with a node
//! found this way until a person compares its key with the one its own Nodes page shows and adds it, and adding
//! checks the node's signed hello against that key as for an address typed by hand.

use std::collections::BTreeMap;
use std::net::IpAddr;
use std::sync::Mutex;

use mdns_sd::{ServiceDaemon, ServiceEvent, ServiceInfo};
use serde::Serialize;

use kenes_record::NodeId;

/// The DNS-SD service type kenes nodes announce.
pub const SERVICE: &str = "_kenes._tcp.local.";
/// The most nodes kept in the list at once (the oldest heard is forgotten first).
pub const MAX_NEARBY: usize = 64;

/// A node heard on the local network.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Nearby {
    /// Where it says it answers, e.g. `http://192.168.1.20:8080`.
    pub url: String,
    /// The node key it announces (hex): to compare, not to trust.
    pub node: String,
    pub heard_ms: i64,
    #[serde(skip)]
    fullname: String,
}

/// Where this node answers, for its announcement, and the mDNS port (5353 but in tests).
#[derive(Clone, Copy, Debug)]
pub struct Listening {
    /// The address it listens on; `None` for every interface (all their addresses are announced).
    pub ip: Option<IpAddr>,
    pub http_port: u16,
    pub https: bool,
    pub mdns_port: u16,
}

/// The discovery of one node: off, or a running mDNS daemon and what it heard.
#[derive(Default)]
pub struct Discovery {
    listening: Mutex<Option<Listening>>,
    daemon: Mutex<Option<ServiceDaemon>>,
    heard: std::sync::Arc<Mutex<BTreeMap<String, Nearby>>>,
}

impl std::fmt::Debug for Discovery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Discovery").field("on", &self.is_on()).finish()
    }
}

/// The URL of an address and port heard.
fn url_of(ip: IpAddr, port: u16, https: bool) -> String {
    let scheme = if https { "https" } else { "http" };
    match ip {
        IpAddr::V4(ip) => format!("{scheme}://{ip}:{port}"),
        IpAddr::V6(ip) => format!("{scheme}://[{ip}]:{port}"),
    }
}

/// Reads one resolved announcement: a kenes node other than `own`, at one address (IPv4 first, as most Wi-Fi is).
fn read_announcement(service: &mdns_sd::ResolvedService, own: &NodeId, now_ms: i64) -> Option<Nearby> {
    let node = service.get_property_val_str("node")?;
    let mut bytes = [0u8; 32];
    hex::decode_to_slice(node, &mut bytes).ok()?;
    let key = NodeId(bytes);
    if key == *own {
        return None;
    }
    let https = service.get_property_val_str("scheme") == Some("https");
    let mut addresses: Vec<IpAddr> = service.get_addresses().iter().map(|a| a.to_ip_addr()).collect();
    addresses.sort_by_key(|ip| (ip.is_ipv6(), ip.is_loopback(), *ip));
    let ip = *addresses.first()?;
    Some(Nearby {
        url: url_of(ip, service.port, https),
        node: key.to_hex(),
        heard_ms: now_ms,
        fullname: service.fullname.clone(),
    })
}

impl Discovery {
    /// Says where this node answers; until then discovery cannot be turned on (a node that is not serving).
    pub fn set_listening(&self, listening: Listening) {
        if let Ok(mut slot) = self.listening.lock() {
            *slot = Some(listening);
        }
    }

    /// Whether it could be turned on here (the node is serving).
    pub fn available(&self) -> bool {
        self.listening.lock().map(|l| l.is_some()).unwrap_or(false)
    }

    pub fn is_on(&self) -> bool {
        self.daemon.lock().map(|d| d.is_some()).unwrap_or(false)
    }

    /// Announces this node and listens for others. Idempotent.
    pub fn start(&self, own: NodeId) -> Result<(), String> {
        let listening = self.listening.lock().map_err(|_| "poisoned")?.ok_or("this node is not serving")?;
        let mut slot = self.daemon.lock().map_err(|_| "poisoned")?;
        if slot.is_some() {
            return Ok(());
        }
        let daemon = ServiceDaemon::new_with_port(listening.mdns_port).map_err(|e| format!("mDNS: {e}"))?;
        let short = &own.to_hex()[..16];
        let key = own.to_hex();
        let scheme = if listening.https { "https" } else { "http" };
        let properties = [("node", key.as_str()), ("scheme", scheme), ("v", "1")];
        let address = listening.ip.map(|ip| ip.to_string()).unwrap_or_default();
        let info = ServiceInfo::new(
            SERVICE,
            &format!("kenes-{short}"),
            &format!("kenes-{short}.local."),
            address.as_str(),
            listening.http_port,
            &properties[..],
        )
        .map_err(|e| format!("mDNS: {e}"))?;
        let info = if listening.ip.is_none() { info.enable_addr_auto() } else { info };
        daemon.register(info).map_err(|e| format!("mDNS: {e}"))?;
        let events = daemon.browse(SERVICE).map_err(|e| format!("mDNS: {e}"))?;
        let heard = self.heard.clone();
        tokio::spawn(async move {
            // Ends when the daemon shuts down and closes the channel.
            while let Ok(event) = events.recv_async().await {
                let Ok(mut heard) = heard.lock() else { return };
                match event {
                    ServiceEvent::ServiceResolved(service) => {
                        if let Some(found) = read_announcement(&service, &own, crate::auth::now_ms()) {
                            heard.insert(found.node.clone(), found);
                            while heard.len() > MAX_NEARBY {
                                let oldest = heard.values().min_by_key(|n| n.heard_ms).map(|n| n.node.clone());
                                if let Some(oldest) = oldest {
                                    heard.remove(&oldest);
                                }
                            }
                        }
                    }
                    ServiceEvent::ServiceRemoved(_, fullname) => heard.retain(|_, n| n.fullname != fullname),
                    _ => {}
                }
            }
        });
        *slot = Some(daemon);
        Ok(())
    }

    /// Stops announcing and listening, and forgets what was heard.
    pub fn stop(&self) {
        if let Some(daemon) = self.daemon.lock().ok().and_then(|mut d| d.take()) {
            let _ = daemon.shutdown();
        }
        if let Ok(mut heard) = self.heard.lock() {
            heard.clear();
        }
    }

    /// The nodes heard, newest first, leaving out those in `except` (peers already added).
    pub fn heard(&self, except: &[String]) -> Vec<Nearby> {
        let mut out: Vec<Nearby> = self
            .heard
            .lock()
            .map(|h| h.values().filter(|n| !except.contains(&n.node)).cloned().collect())
            .unwrap_or_default();
        out.sort_by_key(|n| std::cmp::Reverse(n.heard_ms));
        out
    }
}

/// Listens on the local network for `seconds` without announcing anything (for `kenes peer nearby`).
pub async fn listen_for(seconds: u64, mdns_port: u16, own: NodeId) -> Result<Vec<Nearby>, String> {
    let daemon = ServiceDaemon::new_with_port(mdns_port).map_err(|e| format!("mDNS: {e}"))?;
    let events = daemon.browse(SERVICE).map_err(|e| format!("mDNS: {e}"))?;
    let mut heard = BTreeMap::new();
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(seconds);
    while let Ok(Ok(event)) = tokio::time::timeout_at(deadline, events.recv_async()).await {
        if let ServiceEvent::ServiceResolved(service) = event
            && let Some(found) = read_announcement(&service, &own, crate::auth::now_ms())
            && heard.len() < MAX_NEARBY
        {
            heard.insert(found.node.clone(), found);
        }
    }
    let _ = daemon.shutdown();
    Ok(heard.into_values().collect())
}
