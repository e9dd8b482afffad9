"""MQTT ingest: topic tree, payload validation, the ingest pipeline, the paho client and brokers."""
