//! Random requests at random versions: no panic, and everything emitted encodes.

use strom_protocol::generated::{
    ConsumerGroupHeartbeatRequest, DeleteGroupsRequest, HeartbeatRequest, JoinGroupRequest,
    LeaveGroupRequest, OffsetCommitRequest, OffsetDeleteRequest, OffsetFetchRequest,
    SyncGroupRequest,
};
use strom_protocol::wire::testing::{Random, TestRng};

use super::Harness;
use super::consumer::topics;
use crate::{GroupCoordinator, GroupCoordinatorConfig, encode_record};

#[test]
fn random_requests_never_panic_and_emit_encodable_records() {
    // Whatever clients send, at any version, the coordinator answers without panicking,
    // every reply encodes at its version and every record encodes and replays.
    let lookup = topics();
    for seed in 0..40u64 {
        let mut rng = TestRng::new(seed);
        let mut h = Harness::new();
        for _ in 0..300 {
            let kind = rng.below(10);
            let version = rng.below(10) as i16;
            let mut ctx = h.ctx(version);
            ctx.client_id = rng.string();
            // Steer some requests at one group so that state builds up.
            let group = if rng.chance(2) {
                "g".to_string()
            } else {
                rng.string()
            };
            let fx = match kind {
                0 => {
                    let mut r = JoinGroupRequest::random(&mut rng, version.min(9), 0);
                    r.group_id = group;
                    if rng.chance(2) {
                        r.session_timeout_ms = 10_000;
                    }
                    if rng.chance(2) {
                        r.protocol_type = "consumer".into();
                    }
                    ctx.api_version = version.min(9);
                    Some(h.c.join_group(&ctx, &r, h.now))
                }
                1 => {
                    let mut r = SyncGroupRequest::random(&mut rng, version.min(5), 0);
                    r.group_id = group;
                    ctx.api_version = version.min(5);
                    Some(h.c.sync_group(&ctx, &r, h.now))
                }
                2 => {
                    let mut r = HeartbeatRequest::random(&mut rng, version.min(4), 0);
                    r.group_id = group;
                    let _ = h.c.heartbeat(&ctx, &r, h.now);
                    None
                }
                3 => {
                    let mut r = LeaveGroupRequest::random(&mut rng, version.min(5), 0);
                    r.group_id = group;
                    ctx.api_version = version.min(5);
                    Some(h.c.leave_group(&ctx, &r, h.now))
                }
                4 => {
                    // OffsetCommit starts at v2 since Kafka 4; v10 (topic ids) is translated
                    // to names by the broker before it reaches the coordinator.
                    let mut r = OffsetCommitRequest::random(&mut rng, version.clamp(2, 9), 0);
                    r.group_id = group;
                    ctx.api_version = version.clamp(2, 9);
                    Some(h.c.offset_commit(&ctx, &r, h.now))
                }
                5 => {
                    let r = OffsetFetchRequest::random(&mut rng, version.clamp(1, 9), 0);
                    ctx.api_version = version.clamp(1, 9);
                    let _ = h.c.offset_fetch(&ctx, &r);
                    None
                }
                6 => {
                    let mut r = DeleteGroupsRequest::random(&mut rng, version.min(2), 0);
                    r.groups_names.push(group);
                    ctx.api_version = version.min(2);
                    Some(h.c.delete_groups(&ctx, &r, h.now))
                }
                7 => {
                    let mut r = OffsetDeleteRequest::random(&mut rng, 0, 0);
                    r.group_id = group;
                    ctx.api_version = 0;
                    Some(h.c.offset_delete(&ctx, &r, h.now))
                }
                8 => {
                    let mut r = ConsumerGroupHeartbeatRequest::random(&mut rng, version.min(1), 0);
                    r.group_id = format!("k{group}");
                    ctx.api_version = version.min(1);
                    Some(h.c.consumer_group_heartbeat(&ctx, &r, &lookup, h.now))
                }
                _ => {
                    h.now += rng.below(20_000) as i64;
                    Some(h.c.tick(h.now))
                }
            };
            if let Some(fx) = fx {
                h.absorb(fx);
            }
        }
        let mut fresh = GroupCoordinator::new(GroupCoordinatorConfig::default());
        for r in &h.log {
            let (key, value) = encode_record(&r.record).expect("record encodes");
            fresh.replay(&key, value.as_ref()).expect("record replays");
        }
        assert_eq!(fresh.all_offsets(), h.c.all_offsets());
    }
}
