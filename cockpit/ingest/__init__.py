"""The MQTT link: topic tree, payload validation, the ingest pipeline, the paho client, brokers,
the publisher and the simulated sensors that publish onto it."""
