//! Aborted-transaction collection: which aborted transactions overlap the batches a
//! `read_committed` read returns, from the `.txnindex` files of the segments involved.

use bytes::Bytes;

use super::Log;
use super::read::AbortedTxn;
use crate::txn_index::TxnIndexView;
use crate::{Offset, Result};

impl Log {
    /// Kafka's `collectAbortedTransactions` for the range from `start` to the end of the last
    /// batch of `records`: the transaction indexes of the segment holding `start` and the
    /// ones after it, until an entry proves no later one can overlap.
    pub(super) fn aborted_transactions_in(
        &self,
        start: Offset,
        records: &Bytes,
    ) -> Result<Vec<AbortedTxn>> {
        let Some(last) = strom_protocol::records::BatchIter::new(records.clone())
            .map_while(std::result::Result::ok)
            .map(|b| b.header().last_offset())
            .last()
        else {
            return Ok(Vec::new());
        };
        let upper_bound = Offset(last).plus(1);
        let views: Vec<TxnIndexView> = {
            let st = self.state();
            let from = st
                .segments
                .range(..=start)
                .next_back()
                .map_or(start, |(&b, _)| b);
            // Markers after the range may close transactions that overlap it, so later
            // segments count too; those without a `.txnindex` have nothing to add.
            st.segments
                .range(from..)
                .map(|(_, s)| s.txn_index())
                .filter(|index| !index.is_empty())
                .map(|index| index.view())
                .collect::<Result<_>>()?
        };
        let mut out = Vec::new();
        for view in views {
            let search = view.collect_aborted(start, upper_bound)?;
            out.extend(search.entries.iter().map(|e| AbortedTxn {
                producer_id: e.producer_id,
                first_offset: e.first_offset,
            }));
            if search.complete {
                break;
            }
        }
        Ok(out)
    }
}
