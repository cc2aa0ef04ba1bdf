//! `meta.properties`: which cluster and which node a data directory belongs to.
//!
//! The file is Kafka's: Java properties text, one `key=value` a line, `#` starting a comment.
//! Strom writes exactly three lines, in this order, on a node's first start:
//!
//! ```text
//! version=1
//! cluster.id=<22 characters: a random UUID as unpadded URL-safe base64>
//! node.id=<this node's node.id, decimal>
//! ```
//!
//! and never rewrites it afterwards (an existing file, whoever wrote it, is only read). A
//! directory that names another cluster or another node id is refused at start: opening it
//! would mix one cluster's logs and metadata into another's, or make two nodes claim the
//! same partitions. The file is written to a temporary file, fsync'd and renamed, so a crash
//! leaves either no file or a whole one.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// File name inside the data directory.
pub const META_PROPERTIES: &str = "meta.properties";
/// The only format version Strom reads and writes (Kafka's KRaft format).
const VERSION: &str = "1";
/// Largest `meta.properties` read; anything larger is not one.
const META_PROPERTIES_BYTES_MAX: u64 = 64 * 1024;

/// What `meta.properties` says about its directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetaProperties {
    pub cluster_id: String,
    pub node_id: i32,
}

/// Why a data directory's identity could not be established or was refused.
#[derive(Debug, thiserror::Error)]
pub enum MetaPropertiesError {
    #[error("reading {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("writing {path}: {reason}")]
    Write { path: PathBuf, reason: String },
    #[error("{path} is not a meta.properties file Strom can use: {reason}")]
    Malformed { path: PathBuf, reason: String },
    #[error(
        "data directory {dir} belongs to cluster.id {found} (its meta.properties), but this \
         node was started with cluster.id {configured}: refusing to mix two clusters' data; \
         point log.dirs at this cluster's directory or start with cluster.id {found}"
    )]
    OtherCluster {
        dir: PathBuf,
        found: String,
        configured: String,
    },
    #[error(
        "data directory {dir} belongs to node.id {found} (its meta.properties), but this node \
         was started with node.id {configured}: refusing to let two node ids share one \
         directory; start with node.id {found} or use another directory"
    )]
    OtherNode {
        dir: PathBuf,
        found: i32,
        configured: i32,
    },
}

/// Reads `dir`'s `meta.properties` and checks it names `node_id` and (when given)
/// `cluster_id`; on a first start (no file) writes one, with `cluster_id` or a fresh id.
pub fn ensure_meta_properties(
    dir: &Path,
    node_id: i32,
    cluster_id: Option<&str>,
) -> Result<MetaProperties, MetaPropertiesError> {
    let path = dir.join(META_PROPERTIES);
    if let Some(found) = check_meta_properties(dir, node_id, cluster_id)? {
        return Ok(found);
    }
    let props = MetaProperties {
        cluster_id: cluster_id.map_or_else(fresh_cluster_id, str::to_string),
        node_id,
    };
    write_meta_properties(&path, &props)?;
    Ok(props)
}

/// Reads `dir`'s `meta.properties`, if there is one, and checks it names `node_id` and
/// (when given) `cluster_id`; writes nothing.
pub fn check_meta_properties(
    dir: &Path,
    node_id: i32,
    cluster_id: Option<&str>,
) -> Result<Option<MetaProperties>, MetaPropertiesError> {
    let Some(found) = read_meta_properties(&dir.join(META_PROPERTIES))? else {
        return Ok(None);
    };
    if let Some(configured) = cluster_id
        && configured != found.cluster_id
    {
        return Err(MetaPropertiesError::OtherCluster {
            dir: dir.to_path_buf(),
            found: found.cluster_id,
            configured: configured.to_string(),
        });
    }
    if found.node_id != node_id {
        return Err(MetaPropertiesError::OtherNode {
            dir: dir.to_path_buf(),
            found: found.node_id,
            configured: node_id,
        });
    }
    Ok(Some(found))
}

/// The file's identity, or `None` when there is no file yet.
pub fn read_meta_properties(path: &Path) -> Result<Option<MetaProperties>, MetaPropertiesError> {
    let read_err = |source| MetaPropertiesError::Read {
        path: path.to_path_buf(),
        source,
    };
    let len = match std::fs::metadata(path) {
        Ok(m) => m.len(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(read_err(e)),
    };
    let malformed = |reason: String| MetaPropertiesError::Malformed {
        path: path.to_path_buf(),
        reason,
    };
    if len > META_PROPERTIES_BYTES_MAX {
        return Err(malformed(format!(
            "{len} bytes, more than {META_PROPERTIES_BYTES_MAX}"
        )));
    }
    let text = std::fs::read_to_string(path).map_err(read_err)?;
    let props = parse_properties(&text);
    match props.get("version").map(String::as_str) {
        Some(VERSION) => {}
        Some(other) => return Err(malformed(format!("version {other}, expected {VERSION}"))),
        None => return Err(malformed("no version".into())),
    }
    let cluster_id = props
        .get("cluster.id")
        .filter(|id| !id.is_empty())
        .ok_or_else(|| malformed("no cluster.id".into()))?
        .clone();
    let node_id = props
        .get("node.id")
        .ok_or_else(|| malformed("no node.id".into()))?;
    let node_id = node_id
        .parse()
        .map_err(|_| malformed(format!("node.id '{node_id}' is not a number")))?;
    Ok(Some(MetaProperties {
        cluster_id,
        node_id,
    }))
}

/// Java properties, as far as Kafka's tools write them: `key=value` lines, `#` and `!`
/// comments, blank lines, surrounding spaces ignored.
fn parse_properties(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with('!'))
        .filter_map(|l| l.split_once('='))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

fn write_meta_properties(path: &Path, props: &MetaProperties) -> Result<(), MetaPropertiesError> {
    let text = format!(
        "version={VERSION}\ncluster.id={}\nnode.id={}\n",
        props.cluster_id, props.node_id
    );
    strom_storage::write_atomically(path, text.as_bytes()).map_err(|e| {
        MetaPropertiesError::Write {
            path: path.to_path_buf(),
            reason: e.to_string(),
        }
    })?;
    tracing::info!(path = %path.display(), cluster_id = %props.cluster_id,
        node_id = props.node_id, "wrote meta.properties");
    Ok(())
}

/// A new cluster id in Kafka's form: a random UUID, unpadded URL-safe base64.
pub fn fresh_cluster_id() -> String {
    // An id starting with '-' reads as a flag on a command line: Kafka draws again then.
    loop {
        let id = crate::replica_manager::base64_url_encode(uuid::Uuid::new_v4().as_bytes());
        if !id.starts_with('-') {
            return id;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_start_writes_kafkas_three_lines_and_later_starts_read_them() {
        // A fresh directory gets version, a 22-character cluster id and the node id; the next
        // start with the same node id reads the same identity back.
        let dir = tempfile::tempdir().unwrap();
        let first = ensure_meta_properties(dir.path(), 3, None).unwrap();
        assert_eq!(first.cluster_id.len(), 22);
        let text = std::fs::read_to_string(dir.path().join(META_PROPERTIES)).unwrap();
        assert_eq!(
            text,
            format!("version=1\ncluster.id={}\nnode.id=3\n", first.cluster_id)
        );
        let again = ensure_meta_properties(dir.path(), 3, Some(&first.cluster_id)).unwrap();
        assert_eq!(again, first);
    }

    #[test]
    fn a_directory_of_another_cluster_is_refused_naming_both_ids() {
        // Starting with a cluster.id that differs from the directory's fails, and the message
        // names the directory's id and the configured one.
        let dir = tempfile::tempdir().unwrap();
        let found = ensure_meta_properties(dir.path(), 1, None)
            .unwrap()
            .cluster_id;
        let configured = "AAAAAAAAAAAAAAAAAAAAAA";
        let err = ensure_meta_properties(dir.path(), 1, Some(configured)).unwrap_err();
        assert!(matches!(err, MetaPropertiesError::OtherCluster { .. }));
        let message = err.to_string();
        assert!(
            message.contains(&found) && message.contains(configured),
            "{message}"
        );
    }

    #[test]
    fn a_directory_of_another_node_id_is_refused_naming_both_ids() {
        // A directory written by node 1 cannot be opened as node 2, and the message says so.
        let dir = tempfile::tempdir().unwrap();
        ensure_meta_properties(dir.path(), 1, None).unwrap();
        let err = ensure_meta_properties(dir.path(), 2, None).unwrap_err();
        assert!(matches!(
            err,
            MetaPropertiesError::OtherNode {
                found: 1,
                configured: 2,
                ..
            }
        ));
        let message = err.to_string();
        assert!(message.contains("node.id 1") && message.contains("node.id 2"));
    }

    #[test]
    fn an_existing_single_node_file_opens_unchanged() {
        // A file as the single node has always written it (and one as Kafka's tools write it,
        // with a comment header and another key order) is accepted with no flags and left
        // byte for byte as it was.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(META_PROPERTIES);
        for text in [
            "version=1\ncluster.id=MkU3OEVBNTcwNTJENDM2Qg\nnode.id=1\n",
            "#\n#Tue Jan 01 00:00:00 UTC 2030\nnode.id=1\nversion=1\ncluster.id=MkU3OEVBNTcwNTJENDM2Qg\n",
        ] {
            std::fs::write(&path, text).unwrap();
            let props = ensure_meta_properties(dir.path(), 1, None).unwrap();
            assert_eq!(props.cluster_id, "MkU3OEVBNTcwNTJENDM2Qg");
            assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
        }
    }

    #[test]
    fn an_unreadable_identity_is_refused() {
        // A file without a version, without a node id, or of another version is refused
        // rather than overwritten.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(META_PROPERTIES);
        for text in [
            "cluster.id=x\nnode.id=1\n",
            "version=1\ncluster.id=x\n",
            "version=0\ncluster.id=x\nnode.id=1\n",
        ] {
            std::fs::write(&path, text).unwrap();
            let err = ensure_meta_properties(dir.path(), 1, None).unwrap_err();
            assert!(
                matches!(err, MetaPropertiesError::Malformed { .. }),
                "{err}"
            );
            assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
        }
    }
}
