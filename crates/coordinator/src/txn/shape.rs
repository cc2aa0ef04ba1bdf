//! Fitting transaction responses to the api version they answer: the error codes an older
//! client understands (PRODUCER_FENCED became a code of its own in InitProducerId v4, EndTxn,
//! AddPartitionsToTxn and AddOffsetsToTxn v2; older clients get INVALID_PRODUCER_EPOCH, as
//! Kafka maps them) and the fields a version carries.

use strom_protocol::ErrorCode;

use super::effects::TxnResponse;

fn older_fenced(code: i16, version: i16, first_version: i16) -> i16 {
    if version < first_version && code == ErrorCode::ProducerFenced as i16 {
        ErrorCode::InvalidProducerEpoch as i16
    } else {
        code
    }
}

pub fn fit_to_version(response: TxnResponse, version: i16) -> TxnResponse {
    match response {
        TxnResponse::InitProducerId(mut r) => {
            r.error_code = older_fenced(r.error_code, version, 4);
            TxnResponse::InitProducerId(r)
        }
        TxnResponse::EndTxn(mut r) => {
            r.error_code = older_fenced(r.error_code, version, 2);
            if version < 5 {
                r.producer_id = -1;
                r.producer_epoch = -1;
            }
            TxnResponse::EndTxn(r)
        }
        TxnResponse::AddOffsetsToTxn(mut r) => {
            r.error_code = older_fenced(r.error_code, version, 2);
            TxnResponse::AddOffsetsToTxn(r)
        }
        TxnResponse::AddPartitionsToTxn(mut r) => {
            if version < 4 {
                r.error_code = 0;
                r.results_by_transaction.clear();
            } else {
                r.results_by_topic_v3_and_below.clear();
            }
            for p in r
                .results_by_topic_v3_and_below
                .iter_mut()
                .flat_map(|t| t.results_by_partition.iter_mut())
            {
                p.partition_error_code = older_fenced(p.partition_error_code, version, 2);
            }
            TxnResponse::AddPartitionsToTxn(r)
        }
    }
}
