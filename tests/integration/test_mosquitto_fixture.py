"""The Mosquitto fixture starts real brokers that deliver, persist, restart and die on demand."""

import queue
import socket
import ssl

import paho.mqtt.client as mqtt
import pytest
from paho.mqtt.enums import CallbackAPIVersion, MQTTErrorCode

pytestmark = pytest.mark.mosquitto

TOPIC = "street/demo/sensor/smoke-0001/alarm"
WAIT = 10


def _client(broker, client_id, *, clean_session=True, username=None, password=None):
    """A paho client with its network loop on a thread, connected and with CONNACK received."""
    client = mqtt.Client(
        CallbackAPIVersion.VERSION2,
        client_id=client_id,
        clean_session=clean_session,
        protocol=mqtt.MQTTv311,
    )
    if username is not None:
        client.username_pw_set(username, password)
    if broker.tls is not None:
        client.tls_set(ca_certs=str(broker.tls.ca_cert), tls_version=ssl.PROTOCOL_TLS_CLIENT)
    client.connack = queue.Queue()
    client.messages = queue.Queue()
    client.on_connect = lambda c, userdata, flags, reason, props: c.connack.put(reason)
    client.on_message = lambda c, userdata, message: c.messages.put(message)
    client.connect(broker.host, broker.port)
    client.loop_start()
    return client


def _close(client):
    client.disconnect()
    client.loop_stop()


def _subscribe(client):
    granted = queue.Queue()
    client.on_subscribe = lambda c, userdata, mid, reasons, props: granted.put(reasons)
    client.subscribe(TOPIC, qos=1)
    assert [r.value for r in granted.get(timeout=WAIT)] == [1]


def test_qos1_message_is_delivered(mosquitto):
    subscriber = _client(mosquitto, "subscriber")
    publisher = _client(mosquitto, "publisher")
    try:
        assert not subscriber.connack.get(timeout=WAIT).is_failure
        _subscribe(subscriber)
        publisher.publish(TOPIC, b'{"seq": 1}', qos=1).wait_for_publish(WAIT)
        message = subscriber.messages.get(timeout=WAIT)
    finally:
        _close(subscriber)
        _close(publisher)

    assert mosquitto.url == f"mqtt://127.0.0.1:{mosquitto.port}"
    assert (message.topic, message.payload, message.qos) == (TOPIC, b'{"seq": 1}', 1)


def test_persistent_session_survives_a_clean_restart_and_kill_stops_the_broker(mosquitto_factory):
    broker = mosquitto_factory(persistence=True)
    port = broker.port
    subscriber = _client(broker, "persistent-subscriber", clean_session=False)
    assert not subscriber.connack.get(timeout=WAIT).is_failure
    _subscribe(subscriber)
    _close(subscriber)

    publisher = _client(broker, "publisher")
    publisher.publish(TOPIC, b"queued while away", qos=1).wait_for_publish(WAIT)
    _close(publisher)
    broker.restart()

    subscriber = _client(broker, "persistent-subscriber", clean_session=False)
    try:
        message = subscriber.messages.get(timeout=WAIT)
    finally:
        _close(subscriber)

    assert broker.port == port
    assert (message.payload, message.qos) == (b"queued while away", 1)
    assert "Saving in-memory database" in broker.log_text()

    broker.kill()
    assert not broker.running
    assert broker.pid is None
    with pytest.raises(OSError):
        socket.create_connection((broker.host, port), timeout=1).close()

    broker.start()
    assert broker.running and broker.port == port


def test_password_file_admits_only_known_users(mosquitto_factory):
    broker = mosquitto_factory(allow_anonymous=False, passwords={"grid-worker-07": "s3cret"})
    good = _client(broker, "good", username="grid-worker-07", password="s3cret")
    bad = _client(broker, "bad", username="grid-worker-07", password="wrong")
    try:
        good_reason = good.connack.get(timeout=WAIT)
        bad_reason = bad.connack.get(timeout=WAIT)
    finally:
        _close(good)
        _close(bad)

    assert not good_reason.is_failure
    assert bad_reason.is_failure


def test_tls_broker_is_trusted_through_its_ca(mosquitto_factory):
    broker = mosquitto_factory(tls=True)
    client = _client(broker, "tls-client")
    try:
        assert not client.connack.get(timeout=WAIT).is_failure
        result = client.publish(TOPIC, b"over tls", qos=1)
        result.wait_for_publish(WAIT)
    finally:
        _close(client)

    assert broker.url == f"mqtts://127.0.0.1:{broker.port}"
    assert result.rc == MQTTErrorCode.MQTT_ERR_SUCCESS


def test_stopped_broker_can_be_built_unstarted_and_extra_config_is_written(mosquitto_factory):
    broker = mosquitto_factory(start=False, extra_config=["max_queued_messages 7"])

    assert not broker.running
    assert "max_queued_messages 7" in broker.config_path.read_text().splitlines()
    broker.start()
    assert broker.running
