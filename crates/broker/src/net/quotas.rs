//! Connection counts: `max.connections` for the broker and `max.connections.per.ip` (with
//! Kafka's `max.connections.per.ip.overrides`) for each client address.
//!
//! As in Kafka, a connection past either limit is accepted and closed at once, without a
//! response: the client sees its connection closed and retries later. Addresses are compared
//! in canonical form, so an IPv4 client reaching an IPv6 listener (`::ffff:a.b.c.d`) counts
//! against its IPv4 address.

use std::collections::HashMap;
use std::net::{IpAddr, ToSocketAddrs};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use crate::config::{BrokerConfig, ConfigError};

/// Why a new connection was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// `max.connections` are open.
    Broker { limit: usize },
    /// The address has its `max.connections.per.ip` (or override) open.
    Address { limit: usize },
}

#[derive(Debug, Default)]
struct Counts {
    total: usize,
    per_ip: HashMap<IpAddr, usize>,
}

/// Open connections, overall and per client address.
#[derive(Debug)]
pub struct ConnectionQuotas {
    max_connections: usize,
    per_ip_default: usize,
    per_ip_overrides: HashMap<IpAddr, usize>,
    counts: Mutex<Counts>,
}

impl ConnectionQuotas {
    /// Limits from `config`; override host names are resolved here, once.
    pub fn from_config(config: &BrokerConfig) -> Result<Arc<ConnectionQuotas>, ConfigError> {
        let mut per_ip_overrides = HashMap::new();
        for (host, count) in &config.max_connections_per_ip_overrides {
            for ip in resolve(host)? {
                per_ip_overrides.insert(ip.to_canonical(), *count);
            }
        }
        Ok(Arc::new(ConnectionQuotas {
            max_connections: config.max_connections,
            per_ip_default: config.max_connections_per_ip,
            per_ip_overrides,
            counts: Mutex::new(Counts::default()),
        }))
    }

    /// The limit that applies to `ip`.
    pub fn limit_for(&self, ip: IpAddr) -> usize {
        let ip = ip.to_canonical();
        self.per_ip_overrides
            .get(&ip)
            .copied()
            .unwrap_or(self.per_ip_default)
    }

    /// Counts a new connection from `ip`, or says which limit refuses it.
    pub fn try_open(self: &Arc<Self>, ip: IpAddr) -> Result<ConnectionSlot, Refused> {
        let ip = ip.to_canonical();
        let limit = self.limit_for(ip);
        let mut counts = self.lock();
        if counts.total >= self.max_connections {
            return Err(Refused::Broker {
                limit: self.max_connections,
            });
        }
        let open = counts.per_ip.get(&ip).copied().unwrap_or(0);
        if open >= limit {
            return Err(Refused::Address { limit });
        }
        counts.total += 1;
        *counts.per_ip.entry(ip).or_insert(0) += 1;
        Ok(ConnectionSlot {
            quotas: self.clone(),
            ip,
        })
    }

    /// Connections open now, overall.
    pub fn open(&self) -> usize {
        self.lock().total
    }

    fn lock(&self) -> MutexGuard<'_, Counts> {
        self.counts.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// One counted connection; dropping it frees its place.
#[derive(Debug)]
pub struct ConnectionSlot {
    quotas: Arc<ConnectionQuotas>,
    ip: IpAddr,
}

impl Drop for ConnectionSlot {
    fn drop(&mut self) {
        let mut counts = self.quotas.lock();
        assert!(counts.total > 0, "connection count went below zero");
        counts.total -= 1;
        if let Some(n) = counts.per_ip.get_mut(&self.ip) {
            *n -= 1;
            if *n == 0 {
                counts.per_ip.remove(&self.ip);
            }
        }
    }
}

/// The addresses `host` names: itself when it is an address, else what it resolves to.
fn resolve(host: &str) -> Result<Vec<IpAddr>, ConfigError> {
    if let Ok(ip) = host.parse::<IpAddr>() {
        return Ok(vec![ip]);
    }
    let invalid = |reason: String| ConfigError::Invalid {
        name: "max.connections.per.ip.overrides".into(),
        value: host.to_string(),
        reason,
    };
    let addrs: Vec<IpAddr> = (host, 0)
        .to_socket_addrs()
        .map_err(|e| invalid(format!("does not resolve: {e}")))?
        .map(|a| a.ip())
        .collect();
    if addrs.is_empty() {
        return Err(invalid("resolves to no address".into()));
    }
    Ok(addrs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotas(max: usize, per_ip: usize, overrides: &[(&str, usize)]) -> Arc<ConnectionQuotas> {
        let config = BrokerConfig {
            max_connections: max,
            max_connections_per_ip: per_ip,
            max_connections_per_ip_overrides: overrides
                .iter()
                .map(|(h, n)| (h.to_string(), *n))
                .collect(),
            ..BrokerConfig::default()
        };
        ConnectionQuotas::from_config(&config).unwrap()
    }

    #[test]
    fn each_address_has_its_own_limit_and_overrides_win() {
        // The default per-address limit refuses the third connection from one address while
        // another address still connects; an override raises (or lowers) one address's
        // limit; closing a connection frees its place.
        let q = quotas(100, 2, &[("10.0.0.9", 3), ("::1", 0)]);
        let a: IpAddr = "10.0.0.1".parse().unwrap();
        let b: IpAddr = "10.0.0.9".parse().unwrap();
        let first = q.try_open(a).unwrap();
        let _second = q.try_open(a).unwrap();
        assert_eq!(q.try_open(a).unwrap_err(), Refused::Address { limit: 2 });
        let _b: Vec<_> = (0..3).map(|_| q.try_open(b).unwrap()).collect();
        assert_eq!(q.try_open(b).unwrap_err(), Refused::Address { limit: 3 });
        assert!(q.try_open("::1".parse().unwrap()).is_err());
        drop(first);
        assert!(q.try_open(a).is_ok());
        // IPv4-mapped IPv6 counts as its IPv4 address.
        let mapped: IpAddr = "::ffff:10.0.0.9".parse().unwrap();
        assert_eq!(
            q.try_open(mapped).unwrap_err(),
            Refused::Address { limit: 3 }
        );
    }

    #[test]
    fn the_broker_limit_applies_across_addresses() {
        // max.connections counts every address together.
        let q = quotas(2, 10, &[]);
        let _a = q.try_open("10.0.0.1".parse().unwrap()).unwrap();
        let _b = q.try_open("10.0.0.2".parse().unwrap()).unwrap();
        assert_eq!(
            q.try_open("10.0.0.3".parse().unwrap()).unwrap_err(),
            Refused::Broker { limit: 2 }
        );
        assert_eq!(q.open(), 2);
    }
}
