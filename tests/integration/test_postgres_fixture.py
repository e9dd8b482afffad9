"""The session PostgreSQL fixture gives a real, reachable server on a loopback port."""

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

pytestmark = pytest.mark.postgres


def test_postgres_url_reaches_a_real_server(postgres_url):
    url = make_url(postgres_url)
    engine = create_engine(postgres_url)
    try:
        with engine.connect() as connection:
            one = connection.execute(text("SELECT 1")).scalar_one()
            database = connection.execute(text("SELECT current_database()")).scalar_one()
            port = connection.execute(text("SELECT current_setting('port')")).scalar_one()
    finally:
        engine.dispose()

    assert one == 1
    assert url.drivername == "postgresql+psycopg"
    assert url.host == "127.0.0.1"
    assert database == url.database
    assert int(port) == url.port != 5432
