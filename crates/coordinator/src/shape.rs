//! Fitting responses to the api version they answer. The generated encoders refuse a value a
//! version cannot carry (a `skip_assignment` of true at JoinGroup v8, say), so every response
//! leaves the coordinator already reduced to its version.

use crate::effects::Response;

pub fn fit_to_version(response: Response, version: i16) -> Response {
    match response {
        Response::JoinGroup(mut r) => {
            if version < 9 {
                r.skip_assignment = false;
            }
            if version < 7 {
                r.protocol_type = None;
            }
            if version < 5 {
                for m in &mut r.members {
                    m.group_instance_id = None;
                }
            }
            Response::JoinGroup(r)
        }
        Response::SyncGroup(mut r) => {
            if version < 5 {
                r.protocol_type = None;
                r.protocol_name = None;
            }
            Response::SyncGroup(r)
        }
        Response::LeaveGroup(mut r) => {
            if version < 3 {
                r.members.clear();
            }
            Response::LeaveGroup(r)
        }
        other => other,
    }
}
