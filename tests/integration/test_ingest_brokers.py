"""The ingest against the embedded amqtt broker and against an authenticated TLS Mosquitto."""

from __future__ import annotations

from datetime import datetime, timezone

import msgspec
import pytest

from cockpit.ingest.broker import EmbeddedBroker
from cockpit.ingest.broker_config import BrokerConfig
from cockpit.ingest.client import MqttIngest
from cockpit.ingest.link import LinkState
from cockpit.ingest.publisher import Publisher
from cockpit.ingest.service import IngestService
from cockpit.rules.model import load_rules
from cockpit.storage.db import open_database
from cockpit.street.demo import load_demo_street
from cockpit.twin import TwinState
from tests.fixtures._servers import wait_until


def smoke(seq: int, value: float) -> bytes:
    return msgspec.json.encode({"v": 1, "device": "SMK-000010", "seq": seq,
                                "ts": datetime.now(timezone.utc).isoformat(), "values": {"smoke": value}})


def run_ingest(config: BrokerConfig, publisher_config: BrokerConfig, tmp_path) -> tuple[IngestService, TwinState, MqttIngest]:
    street = load_demo_street()
    db = open_database(f"sqlite:///{tmp_path / 'cockpit.sqlite'}")
    twin = TwinState(street)
    service = IngestService(street, db, sink=twin.apply_many, rules=load_rules())
    ingest = MqttIngest(service, config)
    ingest.start()
    assert wait_until(lambda: ingest.link.state is LinkState.CONNECTED, 15), ingest.link.status
    publisher = Publisher(publisher_config)
    for seq, value in enumerate([0.0, 1.0, 1.0], start=1):
        publisher.publish("street/jincheng/sensor/SMK-000010/reading", smoke(seq, value))
    assert publisher.drain(10)
    publisher.close()
    assert wait_until(lambda: service.stats.accepted == 3, 10)
    ingest.stop()
    db.close()
    return service, twin, ingest


def test_a_smoke_alarm_over_the_embedded_broker_opens_one_red_case(tmp_path):
    with EmbeddedBroker() as broker:
        assert broker.url.startswith("mqtt://127.0.0.1:") and "not durable" in EmbeddedBroker.NOTE
        service, twin, ingest = run_ingest(
            BrokerConfig(url=broker.url, mqtt5=False), BrokerConfig(url=broker.url, client_id="pub"), tmp_path)
    cases = list(twin.cases.values())
    assert len(cases) == 1 and cases[0].category == "fire_hazard" and cases[0].risk.value == "red"
    alarm = twin.alarms[cases[0].alarm_id]
    assert alarm.sensor_id == "SMK-000010" and alarm.repeats == 0   # the second reading is within 60 s
    assert ingest.link.state is LinkState.DISCONNECTED


@pytest.mark.mosquitto
def test_ingest_over_tls_with_a_password(mosquitto_factory, tmp_path):
    broker = mosquitto_factory(tls=True, allow_anonymous=False, passwords={"cockpit": "s3cret", "sensor": "pw"})
    ca = str(broker.tls.ca_cert)
    service, twin, _ = run_ingest(
        BrokerConfig(url=broker.url, username="cockpit", password="s3cret", tls_ca=ca),
        BrokerConfig(url=broker.url, client_id="pub", username="sensor", password="pw", tls_ca=ca), tmp_path)
    assert service.stats.summary() == {"received": 3, "accepted": 3, "rejected": 0, "duplicates": 0, "gaps": 0}


@pytest.mark.mosquitto
def test_a_wrong_password_leaves_the_link_disconnected_with_the_reason(mosquitto_factory, tmp_path):
    broker = mosquitto_factory(allow_anonymous=False, passwords={"cockpit": "s3cret"})
    db = open_database(f"sqlite:///{tmp_path / 'cockpit.sqlite'}")
    ingest = MqttIngest(IngestService(load_demo_street(), db), BrokerConfig(url=broker.url, username="cockpit", password="nope"))
    ingest.start()
    assert wait_until(lambda: ingest.error is not None, 10)
    ingest.stop()
    db.close()
    assert "refused" in ingest.error and ingest.link.state is LinkState.DISCONNECTED
