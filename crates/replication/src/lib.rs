//! Replication state without I/O: what one broker knows about one partition's leadership and
//! replicas, and the rules that follow from it.
//!
//! A [`Partition`] holds the partition's leader epoch and partition epoch as the metadata last
//! gave them, this broker's role (leader, with every replica's progress and the in-sync
//! replica set, or follower of a leader), and the high watermark. It takes events (a new
//! assignment from the metadata, the local log's end and durable offsets after an append or a
//! flush, a follower's fetch) and answers with decisions (the role changed, the high watermark
//! moved, a request's epoch is fenced). It never touches a file, a socket or a clock: the
//! broker's replica manager carries out what it decides, and tests and the simulation step it
//! directly.
//!
//! The high watermark is the minimum, over the in-sync replicas, of each replica's durable
//! offset: the offset below which that replica has the log on disk. A record is visible to
//! consumers, and acknowledged to acks=all producers, only once every in-sync replica has
//! fsync'd it. On a single node the ISR is the node itself, so the high watermark follows the
//! local flush. This is stronger than Kafka, whose high watermark follows the followers' log
//! end offsets (their page cache).

mod partition;
mod truncation;

pub use partition::{
    Assignment, EpochError, IsrProposal, LocalLog, Partition, ReplicaState, Role, StateError,
    Transition,
};
pub use truncation::truncation_point;
