"""A consume-transform-produce loop in its own process, so tests can kill it: reads TOPIC_IN
as a member of GROUP (read_committed), and for every batch writes `value` to TOPIC_OUT and
commits the batch's offsets in the same transaction (`send_offsets_to_transaction`).

    python txn_copier.py BOOTSTRAP TOPIC_IN TOPIC_OUT GROUP TRANSACTIONAL_ID [PAUSE_MS [BATCH]]

PAUSE_MS (default 0) is slept between writing a batch and committing it, so that a kill is
likely to land inside an open transaction; BATCH (default 50) is the most records a
transaction copies. Retriable commit errors (a coordinator or leader moving) are retried; an
abortable one aborts and rewinds to the committed offsets; a fatal one ends the process.

Runs until SIGTERM (or SIGKILL). A restart with the same transactional id fences the old
process and aborts whatever transaction it left open.
"""

import signal
import sys
import time

from confluent_kafka import OFFSET_BEGINNING, Consumer, KafkaException, Producer

stopping = False
# Tries of one transaction's commit while its errors are retriable.
COMMIT_ATTEMPTS = 60


def on_term(*_):
    global stopping
    stopping = True


def commit(producer, consumer):
    """Commits the batch's output and input offsets in one transaction, retrying what is
    retriable (a coordinator or leader moving); False if the transaction had to be aborted.
    A fatal error (fenced) ends the process."""
    offsets = consumer.position(consumer.assignment())
    steps = [lambda: producer.send_offsets_to_transaction(
                 offsets, consumer.consumer_group_metadata(), 30),
             lambda: producer.commit_transaction(30)]
    for step in steps:
        for attempt in range(COMMIT_ATTEMPTS):
            try:
                step()
                break
            except KafkaException as e:
                err = e.args[0]
                if err.txn_requires_abort():
                    producer.abort_transaction(30)
                    return False
                if not err.retriable() or attempt == COMMIT_ATTEMPTS - 1:
                    raise
                time.sleep(0.5)
    return True


def rewind(consumer):
    """Back to the committed offsets: the aborted batch is read again."""
    committed = consumer.committed(consumer.assignment(), 30)
    for tp in committed:
        if tp.offset < 0:
            tp.offset = OFFSET_BEGINNING
        consumer.seek(tp)


def main():
    bootstrap, topic_in, topic_out, group, txn_id = sys.argv[1:6]
    pause = int(sys.argv[6]) / 1000 if len(sys.argv) > 6 else 0.0
    batch = int(sys.argv[7]) if len(sys.argv) > 7 else 50
    signal.signal(signal.SIGTERM, on_term)
    consumer = Consumer({
        "bootstrap.servers": bootstrap, "group.id": group,
        "isolation.level": "read_committed", "enable.auto.commit": False,
        "auto.offset.reset": "earliest", "session.timeout.ms": 6000,
        "heartbeat.interval.ms": 500,
    })
    producer = Producer({
        "bootstrap.servers": bootstrap, "transactional.id": txn_id,
        "transaction.timeout.ms": 10000, "linger.ms": 5,
    })
    producer.init_transactions(30)
    consumer.subscribe([topic_in])
    while not stopping:
        msgs = [m for m in consumer.consume(batch, 0.5) if not m.error()]
        if not msgs:
            continue
        producer.begin_transaction()
        for m in msgs:
            producer.produce(topic_out, key=m.key(), value=m.value())
        producer.flush(30)
        time.sleep(pause)
        if not commit(producer, consumer):
            rewind(consumer)
    consumer.close()


if __name__ == "__main__":
    main()
