"""The client book: clients, households, accounts and model policies, and scenario files in and out.

    book = Book.open()                      # SQLite in the user data folder, or Book.open(url)
    ids = book.import_scenario("smith.coresat.toml", client="Smith")
    sc = book.scenario(ids.household_id)    # the policy (+ overrides) with the account's holdings
    book.export_client("Smith", "smith-again.coresat.toml")

``HouseholdInputs`` and ``build_scenario`` (engine.book.inputs) are what batch workers get.
Policies are versioned: saving a changed policy under a name makes a new version; a household follows a
policy by name and runs on its latest version. Proposals are in :mod:`engine.book.proposals`.
"""

from __future__ import annotations

import contextlib
import getpass
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from engine.book import db, inputs, parts
from engine.book import schema as t
from engine.book.db import BookError
from engine.book.inputs import HouseholdInputs, Unrunnable, build_scenario
from engine.model import scenario_file
from engine.model.scenario import Scenario


def current_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


@dataclass(frozen=True)
class Imported:
    client_id: int
    household_id: int
    account_id: int
    policy_id: int | None
    policy_name: str | None


@dataclass(frozen=True)
class HouseholdRow:
    id: int
    client: str
    name: str
    policy_name: str | None
    accounts: int


class Book:
    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine
        self.where = db.describe(engine.url)

    @classmethod
    def open(cls, url: str | None = None, *, create: bool = True) -> Book:
        """Open the book at ``url`` (default: the user's), upgrading its schema as needed; with
        ``create=False`` a SQLite book that does not exist yet is an error instead of a new file."""
        u = db.normalize_url(url or db.default_url())
        local = u.get_backend_name() == "sqlite" and u.database not in (None, "", ":memory:")
        if local:
            # the default book's folder (user data) is created; a folder the user names must exist
            given = url is not None and u != db.normalize_url(db.default_url())
            db.check_book_file(Path(str(u.database)), given=given)
        if not create and local and not Path(str(u.database)).exists():
            raise BookError(f"no client book at {u.database}; coresat book init creates one")
        engine = db.create_engine(u.render_as_string(hide_password=False))
        book = cls(engine)
        with book.begin() as conn:
            db.migrate(conn)
        return book

    def close(self) -> None:
        self.engine.dispose()

    @contextlib.contextmanager
    def begin(self) -> Iterator[sa.Connection]:
        """One transaction; database errors come out as one-line BookErrors."""
        with db.translated(self.where), self.engine.begin() as conn:
            yield conn

    # ------------------------------------------------------------------------------------- clients

    def add_client(self, name: str, notes: str = "") -> int:
        name = _name(name, "client name")
        with self.begin() as conn:
            if self._client_id(conn, name, missing_ok=True) is not None:
                raise BookError(f"a client named {name!r} is already in the book")
            return int(_new_id(conn, sa.insert(t.clients).values(name=name, notes=notes)))

    def clients(self) -> list[str]:
        with self.begin() as conn:
            return list(conn.execute(sa.select(t.clients.c.name).order_by(t.clients.c.name)).scalars())

    def households(self, client: str | None = None) -> list[HouseholdRow]:
        n_acc = (
            sa.select(sa.func.count()).where(t.accounts.c.household_id == t.households.c.id).scalar_subquery()
        )
        q = (
            sa.select(
                t.households.c.id, t.clients.c.name, t.households.c.name, t.households.c.policy_name, n_acc
            )
            .join(t.clients, t.clients.c.id == t.households.c.client_id)
            .order_by(t.clients.c.name, t.households.c.name)
        )
        if client is not None:
            q = q.where(t.clients.c.name == client)
        with self.begin() as conn:
            return [HouseholdRow(*r) for r in conn.execute(q)]

    def _client_id(self, conn: sa.Connection, name: str, *, missing_ok: bool = False) -> int | None:
        cid = conn.execute(sa.select(t.clients.c.id).where(t.clients.c.name == name)).scalar()
        if cid is None and not missing_ok:
            raise BookError(f"no client named {name!r} in the book (coresat book list shows them)")
        return None if cid is None else int(cid)

    def household_id(self, client: str, household: str | None = None) -> int:
        """The client's household by name, or its only household when ``household`` is None."""
        with self.begin() as conn:
            cid = self._client_id(conn, client)
            q = sa.select(t.households.c.id, t.households.c.name).where(t.households.c.client_id == cid)
            rows = conn.execute(q).all()
        if household is not None:
            rows = [r for r in rows if r.name == household]
        if len(rows) != 1:
            what = f"household {household!r}" if household else "one household"
            raise BookError(f"client {client!r} has {len(rows) or 'no'} match for {what}; name the household")
        return int(rows[0].id)

    # ------------------------------------------------------------------------------------ policies

    def save_policy(self, name: str, policy: parts.Doc, who: str | None = None) -> int:
        """Store ``policy`` under ``name``: a new version when it differs from the latest, else the latest."""
        name = _name(name, "policy name")
        body = parts.policy_text(policy)
        digest = parts.text_hash(body)
        with self.begin() as conn:
            latest = conn.execute(
                sa.select(t.model_policies.c.id, t.model_policies.c.version, t.model_policies.c.body_hash)
                .where(t.model_policies.c.name == name)
                .order_by(t.model_policies.c.version.desc())
                .limit(1)
            ).first()
            if latest is not None and latest.body_hash == digest:
                return int(latest.id)
            version = 1 if latest is None else int(latest.version) + 1
            return _new_id(
                conn,
                sa.insert(t.model_policies).values(
                    name=name, version=version, body=body, body_hash=digest, created_by=who or current_user()
                ),
            )

    def save_policy_from_scenario(self, name: str, sc: Scenario, who: str | None = None) -> int:
        return self.save_policy(name, parts.split(sc).policy, who)

    def policies(self) -> list[tuple[str, int, int]]:
        """(name, latest version, households following it)."""
        users = (
            sa.select(sa.func.count())
            .where(t.households.c.policy_name == t.model_policies.c.name)
            .scalar_subquery()
        )
        q = (
            sa.select(t.model_policies.c.name, sa.func.max(t.model_policies.c.version), users)
            .group_by(t.model_policies.c.name)
            .order_by(t.model_policies.c.name)
        )
        with self.begin() as conn:
            return [(r[0], int(r[1]), int(r[2])) for r in conn.execute(q)]

    def _latest_policy(self, conn: sa.Connection, name: str) -> tuple[int, str] | None:
        row = conn.execute(
            sa.select(t.model_policies.c.id, t.model_policies.c.body)
            .where(t.model_policies.c.name == name)
            .order_by(t.model_policies.c.version.desc())
            .limit(1)
        ).first()
        return None if row is None else (int(row.id), str(row.body))

    def follow_policy(self, household_id: int, policy: str, overrides: str | None = None) -> None:
        """Make a household follow ``policy`` (by name), with optional TOML overrides; checked by
        assembling the household's scenario before anything is written."""
        with self.begin() as conn:
            if self._latest_policy(conn, policy) is None:
                raise BookError(f"no model policy named {policy!r} (coresat book policies lists them)")
            values: dict[str, str] = {"policy_name": policy}
            if overrides is not None:
                parts.overrides_from_text(overrides)
                values["overrides"] = overrides
            conn.execute(sa.update(t.households).where(t.households.c.id == household_id).values(**values))
            # an invalid result raises here, which rolls the change back
            build_scenario(self._inputs(conn, household_id))

    # ------------------------------------------------------------------------ import / export files

    def add_household(
        self,
        client: str,
        sc: Scenario,
        *,
        household: str = "Household",
        policy: str | None = None,
        account: str = "Main account",
        kind: t.AccountKind = t.AccountKind.TAXABLE,
        who: str | None = None,
    ) -> Imported:
        """Add (or replace the holdings of) a client's household from a scenario.

        Without ``policy`` the scenario's own targets and limits become the policy "<client>" (a new
        version if they changed); with ``policy`` the household follows that existing model policy and
        the scenario's targets are not stored."""
        sc.validate()
        p = parts.split(sc)
        with self.begin() as conn:
            cid = self._client_id(conn, client, missing_ok=True)
            if cid is None:
                cid = int(_new_id(conn, sa.insert(t.clients).values(name=_name(client, "client name"))))
        if policy is None:
            policy_name: str = client
            policy_id: int | None = self.save_policy(policy_name, p.policy, who)
        else:
            policy_name = policy
            with self.begin() as conn:
                latest = self._latest_policy(conn, policy)
            if latest is None:
                raise BookError(f"no model policy named {policy!r} (coresat book policies lists them)")
            policy_id = latest[0]
        with self.begin() as conn:
            hid = conn.execute(
                sa.select(t.households.c.id).where(
                    t.households.c.client_id == cid, t.households.c.name == household
                )
            ).scalar()
            extra = json.dumps(p.extra, sort_keys=True)
            if hid is None:
                hid = _new_id(
                    conn,
                    sa.insert(t.households).values(
                        client_id=cid, name=household, policy_name=policy_name, extra=extra
                    ),
                )
            else:
                conn.execute(
                    sa.update(t.households)
                    .where(t.households.c.id == hid)
                    .values(policy_name=policy_name, extra=extra)
                )
            body = parts.account_text(p.account)
            aid = conn.execute(
                sa.select(t.accounts.c.id).where(
                    t.accounts.c.household_id == hid, t.accounts.c.name == account
                )
            ).scalar()
            if aid is None:
                aid = _new_id(
                    conn,
                    sa.insert(t.accounts).values(household_id=hid, name=account, kind=kind.value, body=body),
                )
            else:
                conn.execute(
                    sa.update(t.accounts)
                    .where(t.accounts.c.id == aid)
                    .values(body=body, kind=kind.value, updated_at=sa.func.current_timestamp())
                )
        return Imported(int(cid), int(hid), int(aid), policy_id, policy_name)

    def import_scenario(self, path: str | Path, client: str | None = None, **kw: object) -> Imported:
        """Read a scenario file (scenario_file.load validates it) into the book; the client defaults to
        the scenario's name. Nothing is written when the file is bad."""
        sc = scenario_file.load(path)
        return self.add_household(client or sc.name, sc, **kw)  # type: ignore[arg-type]

    def export_client(self, client: str, path: str | Path, household: str | None = None) -> Path:
        sc = self.scenario(self.household_id(client, household))
        scenario_file.save(sc, path)
        return Path(path)

    # ----------------------------------------------------------------------------------- scenarios

    def _inputs(self, conn: sa.Connection, household_id: int) -> HouseholdInputs:
        x = next(inputs.read(conn, [household_id]))
        if isinstance(x, Unrunnable):
            raise BookError(f"household {household_id}: {x.message}")
        return x

    def household_inputs(self, household_ids: list[int] | None = None) -> list[HouseholdInputs | Unrunnable]:
        """Every household's inputs (or those of ``household_ids``) in one read; an Unrunnable stands
        in for a household that cannot run."""
        with self.begin() as conn:
            return list(inputs.read(conn, household_ids))

    def scenario(self, household_id: int) -> Scenario:
        with self.begin() as conn:
            x = self._inputs(conn, household_id)
        return build_scenario(x)


def _new_id(conn: sa.Connection, stmt: sa.Insert) -> int:
    key = conn.execute(stmt).inserted_primary_key
    assert key is not None
    return int(key[0])


def _name(value: str, what: str) -> str:
    v = value.strip()
    if not v:
        raise BookError(f"the {what} is empty")
    if len(v) > 200:
        raise BookError(f"the {what} is longer than 200 characters")
    return v
