"""The MQTT link refuses strangers: a real Mosquitto with passwords, per-account ACLs and TLS.

The ACL is the one :func:`cockpit.ingest.acl.render_acl` writes for the tiny street, and the shipped
resources/mosquitto/acl for the demo street: each sensor publishes only under its own topic, each
phone only its position, reports and case actions, each app account only its reports, all in their
own street; the cockpit reads everything and nobody is anonymous.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl
import threading
from pathlib import Path

import paho.mqtt.client as mqtt
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from cockpit.ingest.acl import RESIDENT_GATEWAY, render_acl
from cockpit.street.demo import load_demo_street
from cockpit.vocabulary.domain import ResourceKind
from tests.core.tiny import tiny_street
from tests.fixtures._servers import wait_until

pytestmark = pytest.mark.mosquitto

PASSWORDS = {"cockpit": "cockpit-secret", "SMK-1": "smoke-secret", "MH-1": "manhole-secret",
             "GW-C01-G01": "phone-secret"}
WAIT = 5.0


class Session:
    """A paho client driven on its own loop thread, recording what the broker answers."""

    def __init__(self, port: int, username: str | None = None, password: str | None = None,
                 ca: Path | None = None, host: str = "127.0.0.1", protocol=mqtt.MQTTv5) -> None:
        self.connected = threading.Event()
        self.subscribed = threading.Event()
        self.reason: mqtt.ReasonCode | None = None
        self.granted: list[mqtt.ReasonCode] = []
        self.messages: list[tuple[str, bytes]] = []
        self.got_message = threading.Event()
        self.client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, protocol=protocol)
        if username is not None:
            self.client.username_pw_set(username, password)
        if ca is not None:
            self.client.tls_set(ca_certs=str(ca))
        self.client.on_connect = self._on_connect
        self.client.on_subscribe = self._on_subscribe
        self.client.on_message = self._on_message
        self.host, self.port = host, port

    def _on_connect(self, client, userdata, flags, reason_code, properties):
        self.reason = reason_code
        self.connected.set()

    def _on_subscribe(self, client, userdata, mid, reason_codes, properties):
        self.granted = list(reason_codes)
        self.subscribed.set()

    def _on_message(self, client, userdata, message):
        self.messages.append((message.topic, message.payload))
        self.got_message.set()

    def connect(self) -> mqtt.ReasonCode | None:
        self.client.connect(self.host, self.port)
        self.client.loop_start()
        self.connected.wait(WAIT)
        return self.reason

    def subscribe(self, topic: str) -> list[mqtt.ReasonCode]:
        self.subscribed.clear()
        self.client.subscribe(topic, qos=1)
        assert self.subscribed.wait(WAIT)
        return self.granted

    def publish(self, topic: str, payload: bytes) -> None:
        self.client.publish(topic, payload, qos=1).wait_for_publish(WAIT)

    def close(self) -> None:
        self.client.disconnect()
        self.client.loop_stop()


@pytest.fixture
def secured(mosquitto_factory, tmp_path):
    acl = tmp_path / "acl"
    acl.write_text(render_acl(tiny_street()), encoding="utf-8")
    return mosquitto_factory(allow_anonymous=False, passwords=PASSWORDS, extra_config=[f"acl_file {acl}"])


def test_anonymous_and_wrong_passwords_are_refused(secured):
    for username, password in ((None, None), ("SMK-1", "not the password"), ("stranger", "whatever!")):
        session = Session(secured.port, username, password)
        try:
            reason = session.connect()
            assert reason is not None and reason.is_failure
            assert reason.getName() in ("Not authorized", "Bad user name or password")
        finally:
            session.close()


def test_sensors_publish_only_under_their_own_topic_and_only_the_cockpit_reads(secured):
    cockpit = Session(secured.port, "cockpit", PASSWORDS["cockpit"])
    sensor = Session(secured.port, "SMK-1", PASSWORDS["SMK-1"])
    sessions = [cockpit, sensor]
    try:
        assert not cockpit.connect().is_failure and not sensor.connect().is_failure
        assert [c.value for c in cockpit.subscribe("street/tiny/#")] == [1]
        sensor.publish("street/tiny/sensor/MH-1/alarm", b'{"forged": true}')
        sensor.publish("street/tiny/app/SMK-1/report", b'{"forged": true}')
        sensor.publish("street/tiny/staff/GW-C01-G01/case/K1/accept", b'{"forged": true}')
        sensor.publish("street/other/sensor/SMK-1/reading", b'{"forged": true}')
        sensor.publish("street/tiny/sensor/SMK-1/reading", b'{"smoke": 0}')
        assert cockpit.got_message.wait(WAIT)
        assert cockpit.messages == [("street/tiny/sensor/SMK-1/reading", b'{"smoke": 0}')]

        # Mosquitto 2.0's acl_file grants the SUBACK of a subscription it will never serve (newer
        # brokers refuse it with 0x80/0x87); either way nothing the sensor may not read reaches it.
        spies = [Session(secured.port, "SMK-1", PASSWORDS["SMK-1"]),
                 Session(secured.port, "GW-C01-G01", PASSWORDS["GW-C01-G01"])]
        sessions += spies
        for spy in spies:
            assert not spy.connect().is_failure
            granted = spy.subscribe("street/tiny/#") + spy.subscribe("#")
            assert all(code.is_failure or code.value == 1 for code in granted)
        phone = spies[1]
        cockpit.got_message.clear()
        phone.publish("street/tiny/staff/VOL-1/position", b'{"forged": true}')
        phone.publish("street/tiny/staff/GW-C01-G01/position", b'{"lon": 104.05}')
        assert cockpit.got_message.wait(WAIT)
        assert cockpit.messages[1:] == [("street/tiny/staff/GW-C01-G01/position", b'{"lon": 104.05}')]
        assert [spy.messages for spy in spies] == [[], []]
    finally:
        for session in sessions:
            session.close()


def _self_signed_ca_and_server(directory: Path, hostname: str) -> tuple[Path, Path, Path]:
    """A throw-away CA and a server certificate valid only for ``hostname``."""
    now = dt.datetime.now(dt.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"other CA for {hostname}")])
    ca_cert = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
               .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - dt.timedelta(hours=1)).not_valid_after(now + dt.timedelta(days=2))
               .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
               .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hostname)]))
            .issuer_name(ca_name).public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(hours=1)).not_valid_after(now + dt.timedelta(days=2))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(hostname)]), critical=False)
            .sign(ca_key, hashes.SHA256()))
    paths = directory / "other-ca.crt", directory / "other-server.crt", directory / "other-server.key"
    paths[0].write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return paths


def test_tls_with_the_right_ca_works_and_a_wrong_ca_is_refused(mosquitto_factory, tmp_path):
    broker = mosquitto_factory(tls=True, allow_anonymous=False, passwords=PASSWORDS)
    good = Session(broker.port, "cockpit", PASSWORDS["cockpit"], ca=broker.tls.ca_cert)
    try:
        assert not good.connect().is_failure
    finally:
        good.close()
    other_ca, _, _ = _self_signed_ca_and_server(tmp_path, "localhost")
    stranger = Session(broker.port, "cockpit", PASSWORDS["cockpit"], ca=other_ca)
    with pytest.raises(ssl.SSLCertVerificationError, match="certificate verify failed"):
        stranger.client.connect("127.0.0.1", broker.port)


def test_a_certificate_for_another_host_is_refused(mosquitto_factory, tmp_path):
    ca, cert, key = _self_signed_ca_and_server(tmp_path, "broker.elsewhere.example")
    broker = mosquitto_factory(allow_anonymous=False, passwords=PASSWORDS,
                               extra_config=[f"cafile {ca}", f"certfile {cert}", f"keyfile {key}"])
    client = Session(broker.port, "cockpit", PASSWORDS["cockpit"], ca=ca)
    with pytest.raises(ssl.SSLCertVerificationError, match="Hostname mismatch|doesn't match|IP address mismatch"):
        client.client.connect("127.0.0.1", broker.port)
    assert ipaddress.ip_address("127.0.0.1").is_loopback


REPO = Path(__file__).resolve().parents[2]
SHIPPED_ACL = REPO / "resources" / "mosquitto" / "acl"


def test_the_shipped_acl_is_what_render_acl_writes_for_the_demo_street():
    assert SHIPPED_ACL.read_text(encoding="utf-8") == render_acl(load_demo_street()) + "\n"


def test_the_shipped_acl_confines_every_account_to_its_own_topics_in_its_own_street(mosquitto_factory):
    """Audit finding 3: the shipped ACL let any account post cases and any device publish into any street."""
    street = load_demo_street()
    sensor, other_sensor = street.sensors[0].id, street.sensors[1].id
    phone, other_phone = street.staff[0].id, street.staff[1].id
    vehicle, other_vehicle = [r.id for r in street.resources if r.kind is ResourceKind.VEHICLE][:2]
    passwords = {name: f"{name}-secret" for name in ("cockpit", sensor, phone, vehicle, RESIDENT_GATEWAY)}
    broker = mosquitto_factory(allow_anonymous=False, passwords=passwords, extra_config=[f"acl_file {SHIPPED_ACL}"])
    sessions = {name: Session(broker.port, name, password) for name, password in passwords.items()}
    s = street.id
    forged = {
        sensor: [f"street/{s}/case/report", f"street/{s}/case/K1/accept",             # the old tree
                 f"street/{s}/app/{sensor}/report", f"street/{s}/staff/{phone}/case/K1/accept",
                 f"street/{s}/sensor/{other_sensor}/alarm", f"street/other/sensor/{sensor}/reading"],
        phone: [f"street/{s}/staff/{other_phone}/position", f"street/{s}/staff/{other_phone}/case/K1/resolve",
                f"street/{s}/app/{RESIDENT_GATEWAY}/report", f"street/{s}/sensor/{sensor}/alarm",
                f"street/other/staff/{phone}/position"],
        RESIDENT_GATEWAY: [f"street/{s}/staff/{phone}/case/K1/accept", f"street/{s}/case/report",
                           f"street/other/app/{RESIDENT_GATEWAY}/report"],
        vehicle: [f"street/{s}/vehicle/{other_vehicle}/position", f"street/{s}/staff/{vehicle}/position",
                  f"street/{s}/staff/{phone}/position", f"street/other/vehicle/{vehicle}/position"],
    }
    allowed = {
        sensor: [f"street/{s}/sensor/{sensor}/reading", f"street/{s}/sensor/{sensor}/alarm"],
        phone: [f"street/{s}/staff/{phone}/position", f"street/{s}/staff/{phone}/report",
                f"street/{s}/staff/{phone}/case/K1/accept"],
        RESIDENT_GATEWAY: [f"street/{s}/app/{RESIDENT_GATEWAY}/report"],
        vehicle: [f"street/{s}/vehicle/{vehicle}/position"],
    }
    cockpit = sessions["cockpit"]
    try:
        for session in sessions.values():
            assert not session.connect().is_failure
        cockpit.subscribe("#")
        for name in forged:
            for topic in forged[name] + allowed[name]:
                sessions[name].publish(topic, b"{}")
        expected = [topic for name in forged for topic in allowed[name]]
        assert wait_until(lambda: len(cockpit.messages) >= len(expected), WAIT)
        assert [topic for topic, _ in cockpit.messages] == expected
    finally:
        for session in sessions.values():
            session.close()
