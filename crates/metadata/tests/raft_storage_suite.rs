//! openraft's own storage conformance suite run against the durable log store and the
//! metadata state machine: every behaviour openraft relies on from storage (log state after
//! appends, truncation and purges, vote round trips, membership from the log and from the
//! state machine, snapshots) holds for ours.

use std::sync::Arc;

use openraft::testing::{StoreBuilder, Suite};
use strom_metadata::MetadataImage;
use strom_metadata::quorum::{
    MetadataRaftConfig, MetadataStateMachine, RaftLogStore, RaftStorageError,
};
use tokio::sync::watch;

struct TempStores;

impl StoreBuilder<MetadataRaftConfig, RaftLogStore, MetadataStateMachine, tempfile::TempDir>
    for TempStores
{
    async fn build(
        &self,
    ) -> Result<(tempfile::TempDir, RaftLogStore, MetadataStateMachine), RaftStorageError> {
        let dir = tempfile::tempdir().expect("temp dir");
        let log = RaftLogStore::open(dir.path(), 1 << 20, 1 << 20).expect("log opens");
        let (published, _) = watch::channel(Arc::new(MetadataImage::default()));
        let machine = MetadataStateMachine::open(dir.path(), 1 << 20, Arc::new(published))
            .expect("state machine opens");
        Ok((dir, log, machine))
    }
}

#[test]
fn the_log_store_and_state_machine_pass_openraft_storage_suite() {
    // Every case of openraft's storage suite passes on a fresh directory.
    Suite::test_all(TempStores).expect("suite passes");
}
