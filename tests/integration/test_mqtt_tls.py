"""TLS end to end with real certificates (audit finding 10): a throw-away CA signs the broker's and
every client's certificate, Mosquitto requires a client certificate, the cockpit's ingest connects
with its own and takes a sensor's reading; a client whose certificate another CA signed, or that
shows none, never gets a session."""

from __future__ import annotations

import threading
import time

import msgspec
import paho.mqtt.client as mqtt
import pytest

from cockpit.ingest.broker_config import BrokerConfig
from cockpit.ingest.client import MqttIngest
from cockpit.ingest.link import LinkState
from cockpit.ingest.publisher import Publisher
from cockpit.ingest.service import IngestService
from cockpit.ingest.topics import reading_topic
from cockpit.storage.db import open_database
from cockpit.street.demo import load_demo_street
from tests.fixtures._servers import wait_until
from tests.fixtures.mosquitto import _write_tls_files, issue_client_certificate

pytestmark = pytest.mark.mosquitto

PASSWORDS = {"cockpit": "cockpit-secret", "SMK-000001": "smoke-secret"}
WAIT = 10.0


@pytest.fixture
def broker(mosquitto_factory):
    return mosquitto_factory(tls=True, allow_anonymous=False, passwords=PASSWORDS,
                             extra_config=["require_certificate true", "tls_version tlsv1.2"])


def refused(port: int, ca, cert=None, key=None) -> bool:
    """Whether a client with this certificate (or none) gets no session from the broker."""
    connected = threading.Event()
    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, protocol=mqtt.MQTTv5)
    client.username_pw_set("cockpit", PASSWORDS["cockpit"])
    client.tls_set(ca_certs=str(ca), certfile=str(cert) if cert else None, keyfile=str(key) if key else None)
    client.on_connect = lambda c, u, flags, reason, props: reason.is_failure or connected.set()
    try:
        client.connect("127.0.0.1", port)
    except OSError:          # ssl.SSLError is one: the handshake itself failed
        return True
    client.loop_start()
    try:
        return not connected.wait(3.0)
    finally:
        client.disconnect()
        client.loop_stop()


def test_the_ingest_connects_with_its_certificate_and_strangers_are_refused(broker, tmp_path):
    tls = broker.tls
    cockpit_cert, cockpit_key = issue_client_certificate(tls.ca_cert, tls.ca_key, tmp_path, "cockpit")
    sensor_cert, sensor_key = issue_client_certificate(tls.ca_cert, tls.ca_key, tmp_path, "SMK-000001")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    other = _write_tls_files(elsewhere)
    stranger_cert, stranger_key = issue_client_certificate(other.ca_cert, other.ca_key, elsewhere, "cockpit")

    street = load_demo_street()
    db = open_database(f"sqlite:///{tmp_path / 'cockpit.sqlite'}")
    service = IngestService(street, db)
    ingest = MqttIngest(service, BrokerConfig(broker.url, username="cockpit", password=PASSWORDS["cockpit"],
                                              tls_ca=str(tls.ca_cert), tls_cert=str(cockpit_cert),
                                              tls_key=str(cockpit_key), backoff_max_s=1.0))
    ingest.start()
    try:
        assert wait_until(lambda: ingest.link.state is LinkState.CONNECTED, WAIT), ingest.last_failure
        sensor = Publisher(BrokerConfig(broker.url, client_id="SMK-000001", username="SMK-000001",
                                        password=PASSWORDS["SMK-000001"], tls_ca=str(tls.ca_cert),
                                        tls_cert=str(sensor_cert), tls_key=str(sensor_key)))
        reading = msgspec.json.encode({"v": 1, "device": "SMK-000001", "seq": 1, "values": {"smoke": 0.0},
                                       "ts": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())})
        sensor.publish(reading_topic(street.id, "SMK-000001"), reading, qos=1)
        assert sensor.drain(WAIT)
        sensor.close()
        assert wait_until(lambda: service.stats.accepted == 1, WAIT)
    finally:
        ingest.stop()
        db.close()
    assert refused(broker.port, tls.ca_cert, stranger_cert, stranger_key)    # another CA signed it
    assert refused(broker.port, tls.ca_cert)                                  # no certificate at all
    assert not refused(broker.port, tls.ca_cert, cockpit_cert, cockpit_key)  # and the right one works
    assert "certificate" in broker.log_text().lower() or "ssl" in broker.log_text().lower()
