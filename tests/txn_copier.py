"""A consume-transform-produce loop in its own process, so tests can kill it: reads TOPIC_IN
as a member of GROUP (read_committed), and for every batch writes `value` to TOPIC_OUT and
commits the batch's offsets in the same transaction (`send_offsets_to_transaction`).

    python txn_copier.py BOOTSTRAP TOPIC_IN TOPIC_OUT GROUP TRANSACTIONAL_ID [PAUSE_MS]

PAUSE_MS (default 0) is slept between writing a batch and committing it, so that a kill is
likely to land inside an open transaction.

Runs until SIGTERM (or SIGKILL). A restart with the same transactional id fences the old
process and aborts whatever transaction it left open.
"""

import signal
import sys
import time

from confluent_kafka import OFFSET_BEGINNING, Consumer, KafkaException, Producer

stopping = False


def on_term(*_):
    global stopping
    stopping = True


def main():
    bootstrap, topic_in, topic_out, group, txn_id = sys.argv[1:6]
    pause = int(sys.argv[6]) / 1000 if len(sys.argv) > 6 else 0.0
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
        msgs = [m for m in consumer.consume(50, 0.5) if not m.error()]
        if not msgs:
            continue
        producer.begin_transaction()
        for m in msgs:
            producer.produce(topic_out, key=m.key(), value=m.value())
        producer.flush(30)
        time.sleep(pause)
        try:
            producer.send_offsets_to_transaction(
                consumer.position(consumer.assignment()),
                consumer.consumer_group_metadata(), 30)
            producer.commit_transaction(30)
        except KafkaException as e:
            err = e.args[0]
            if err.txn_requires_abort():
                producer.abort_transaction(30)
                # Rewind to the committed offsets: the aborted batch is read again.
                committed = consumer.committed(consumer.assignment(), 30)
                for tp in committed:
                    if tp.offset < 0:
                        tp.offset = OFFSET_BEGINNING
                    consumer.seek(tp)
            else:
                raise
    consumer.close()


if __name__ == "__main__":
    main()
