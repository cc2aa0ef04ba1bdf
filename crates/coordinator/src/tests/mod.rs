//! Tests of the coordinator's state machines; every one steps time explicitly.

mod classic;
mod consumer;
mod hostile;
mod offsets;
mod records;
mod regex_subscriptions;
mod replay;
mod simulation;
mod txn;
mod txn_offsets;
mod txn_simulation;
mod txn_v2;

use bytes::Bytes;
use strom_protocol::ErrorCode;
use strom_protocol::generated::join_group_request::JoinGroupRequestProtocol;
use strom_protocol::generated::sync_group_request::SyncGroupRequestAssignment;
use strom_protocol::generated::{
    HeartbeatRequest, JoinGroupRequest, JoinGroupResponse, SyncGroupRequest, SyncGroupResponse,
};

use crate::{
    Effects, GroupCoordinator, GroupCoordinatorConfig, PartitionRecord, Reply, RequestContext,
    RequestId, Response,
};

/// A coordinator, a clock and a log of every record it emitted.
pub struct Harness {
    pub c: GroupCoordinator,
    pub now: i64,
    next_request: u64,
    pub log: Vec<PartitionRecord>,
    pub replies: Vec<Reply>,
}

impl Harness {
    pub fn new() -> Self {
        Self::with_config(GroupCoordinatorConfig::default())
    }

    pub fn with_config(config: GroupCoordinatorConfig) -> Self {
        Harness {
            c: GroupCoordinator::new(config),
            now: 1_000_000,
            next_request: 1,
            log: Vec::new(),
            replies: Vec::new(),
        }
    }

    pub fn ctx(&mut self, version: i16) -> RequestContext {
        let id = self.next_request;
        self.next_request += 1;
        RequestContext {
            request_id: RequestId(id),
            api_version: version,
            client_id: "client".to_string(),
            client_host: "/127.0.0.1".to_string(),
        }
    }

    /// Records what a call decided and hands it back.
    pub fn absorb(&mut self, fx: Effects) -> Effects {
        self.log.extend(fx.records.iter().cloned());
        self.replies.extend(fx.replies().cloned());
        for reply in fx.replies() {
            assert_encodes(reply);
        }
        fx
    }

    pub fn advance(&mut self, ms: i64) -> Effects {
        self.now += ms;
        let fx = self.c.tick(self.now);
        self.absorb(fx)
    }

    /// Steps time a second at a time until `id` has an answer (at most a minute).
    pub fn settle(&mut self, id: RequestId) {
        for _ in 0..60 {
            if self.reply_to(id).is_some() {
                return;
            }
            self.advance(1_000);
        }
        panic!("request {id:?} was never answered");
    }

    pub fn join(
        &mut self,
        group: &str,
        member: &str,
        instance: Option<&str>,
    ) -> (RequestId, Effects) {
        self.join_v(group, member, instance, 7, &[("range", b"m")])
    }

    pub fn join_v(
        &mut self,
        group: &str,
        member: &str,
        instance: Option<&str>,
        version: i16,
        protocols: &[(&str, &[u8])],
    ) -> (RequestId, Effects) {
        let ctx = self.ctx(version);
        let req = JoinGroupRequest {
            group_id: group.to_string(),
            session_timeout_ms: 10_000,
            rebalance_timeout_ms: 30_000,
            member_id: member.to_string(),
            group_instance_id: instance.map(str::to_string),
            protocol_type: "consumer".to_string(),
            protocols: protocols
                .iter()
                .map(|(name, meta)| JoinGroupRequestProtocol {
                    name: name.to_string(),
                    metadata: Bytes::copy_from_slice(meta),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        };
        let fx = self.c.join_group(&ctx, &req, self.now);
        (ctx.request_id, self.absorb(fx))
    }

    /// A v4+ dynamic member's full join: MEMBER_ID_REQUIRED, then the parked join.
    pub fn join_dynamic(&mut self, group: &str) -> (String, RequestId) {
        let (id, fx) = self.join(group, "", None);
        let r = join_response(&fx, id).expect("member id required response");
        assert_eq!(r.error_code, ErrorCode::MemberIdRequired as i16);
        let (id, _) = self.join(group, &r.member_id, None);
        (r.member_id, id)
    }

    pub fn sync(
        &mut self,
        group: &str,
        member: &str,
        generation: i32,
        assignments: &[(&str, &[u8])],
    ) -> (RequestId, Effects) {
        let ctx = self.ctx(5);
        let req = SyncGroupRequest {
            group_id: group.to_string(),
            generation_id: generation,
            member_id: member.to_string(),
            protocol_type: Some("consumer".to_string()),
            assignments: assignments
                .iter()
                .map(|(m, a)| SyncGroupRequestAssignment {
                    member_id: m.to_string(),
                    assignment: Bytes::copy_from_slice(a),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        };
        let fx = self.c.sync_group(&ctx, &req, self.now);
        (ctx.request_id, self.absorb(fx))
    }

    pub fn heartbeat(&mut self, group: &str, member: &str, generation: i32) -> i16 {
        self.heartbeat_static(group, member, None, generation)
    }

    pub fn heartbeat_static(
        &mut self,
        group: &str,
        member: &str,
        instance: Option<&str>,
        generation: i32,
    ) -> i16 {
        let ctx = self.ctx(4);
        let req = HeartbeatRequest {
            group_id: group.to_string(),
            generation_id: generation,
            member_id: member.to_string(),
            group_instance_id: instance.map(str::to_string),
            ..Default::default()
        };
        self.c.heartbeat(&ctx, &req, self.now).error_code
    }

    /// The response to `id` among all replies seen so far.
    pub fn reply_to(&self, id: RequestId) -> Option<&Response> {
        self.replies
            .iter()
            .rev()
            .find(|r| r.request_id == id)
            .map(|r| &r.response)
    }

    pub fn join_reply(&self, id: RequestId) -> Option<JoinGroupResponse> {
        match self.reply_to(id)? {
            Response::JoinGroup(r) => Some(r.clone()),
            _ => None,
        }
    }

    pub fn sync_reply(&self, id: RequestId) -> Option<SyncGroupResponse> {
        match self.reply_to(id)? {
            Response::SyncGroup(r) => Some(r.clone()),
            _ => None,
        }
    }

    pub fn classic(&self, group: &str) -> &crate::classic::ClassicGroup {
        match self.c.group(group) {
            Some(crate::Group::Classic(g)) => g,
            other => panic!("not a classic group: {other:?}"),
        }
    }
}

pub fn join_response(fx: &Effects, id: RequestId) -> Option<JoinGroupResponse> {
    fx.replies().find_map(|r| match &r.response {
        Response::JoinGroup(j) if r.request_id == id => Some(j.clone()),
        _ => None,
    })
}

/// Every response must encode at the version it answers.
pub fn assert_encodes(reply: &Reply) {
    use strom_protocol::Message;
    let v = reply.api_version;
    let result = match &reply.response {
        Response::JoinGroup(r) => r.encode_to_bytes(v).map(|_| ()),
        Response::SyncGroup(r) => r.encode_to_bytes(v).map(|_| ()),
        Response::LeaveGroup(r) => r.encode_to_bytes(v).map(|_| ()),
        Response::OffsetCommit(r) => r.encode_to_bytes(v).map(|_| ()),
        Response::DeleteGroups(r) => r.encode_to_bytes(v).map(|_| ()),
        Response::OffsetDelete(r) => r.encode_to_bytes(v).map(|_| ()),
        Response::ConsumerGroupHeartbeat(r) => r.encode_to_bytes(v).map(|_| ()),
    };
    assert!(result.is_ok(), "{reply:?} does not encode: {result:?}");
}
