"""The client book's tables (SQLAlchemy Core), its schema version and the database-side guards.

Clients → households → accounts; model policies (a target tree + limits shared by many households,
versioned: a changed policy is a new row); proposals (inputs, result, market date) and their status
events. Proposals, their events and policies are append-only: the database itself refuses an UPDATE or
a DELETE of those rows (triggers, on SQLite and PostgreSQL), and the code never issues one.

A proposal's status is its latest event: no event = draft; then approved (with a note) or rejected
(at most one such decision, enforced by a partial unique index), then executed (approved ones only).
"""

from __future__ import annotations

from enum import StrEnum

import sqlalchemy as sa

SCHEMA_VERSION = 1

metadata = sa.MetaData()


class AccountKind(StrEnum):
    TAXABLE = "taxable"
    TRADITIONAL_IRA = "traditional_ira"
    ROTH_IRA = "roth_ira"
    K401 = "401k"
    HSA = "hsa"


class ProposalStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    REJECTED = "rejected"
    EXECUTED = "executed"


def _now() -> sa.sql.functions.current_timestamp:
    return sa.func.current_timestamp()


def _in(column: str, values: list[str]) -> str:
    quoted = ", ".join(f"'{v!s}'" for v in values)
    return f"{column} IN ({quoted})"


schema_version = sa.Table(
    "schema_version",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
)

clients = sa.Table(
    "clients",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(200), nullable=False, unique=True),
    sa.Column("notes", sa.Text, nullable=False, server_default=""),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
)

model_policies = sa.Table(
    "model_policies",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("body", sa.Text, nullable=False),  # TOML: the scenario's targets, limits and data settings
    sa.Column("body_hash", sa.String(64), nullable=False),
    sa.Column("created_by", sa.String(100), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
    sa.UniqueConstraint("name", "version", name="uq_policy_version"),
)

households = sa.Table(
    "households",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("client_id", sa.Integer, sa.ForeignKey("clients.id"), nullable=False, index=True),
    sa.Column("name", sa.String(200), nullable=False),
    # the policy NAME the household follows (its latest version is used at each run)
    sa.Column("policy_name", sa.String(200), nullable=True),
    sa.Column("overrides", sa.Text, nullable=False, server_default=""),  # TOML merged over the policy
    sa.Column("extra", sa.Text, nullable=False, server_default="{}"),  # JSON: scenario name, notes, market
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
    sa.UniqueConstraint("client_id", "name", name="uq_household_name"),
)

accounts = sa.Table(
    "accounts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("household_id", sa.Integer, sa.ForeignKey("households.id"), nullable=False, index=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("kind", sa.String(20), nullable=False, server_default=AccountKind.TAXABLE.value),
    sa.Column("broker", sa.String(200), nullable=False, server_default=""),
    sa.Column("body", sa.Text, nullable=False),  # JSON: portfolio + the account's own constraints
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
    sa.UniqueConstraint("household_id", "name", name="uq_account_name"),
    sa.CheckConstraint(_in("kind", [k.value for k in AccountKind]), name="ck_account_kind"),
)

batch_runs = sa.Table(
    "batch_runs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("started_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
    sa.Column("executor", sa.String(200), nullable=False),  # "local, 2 workers", "dask tcp://…"
    sa.Column("households", sa.Integer, nullable=False),
    sa.Column("created_by", sa.String(100), nullable=False),
)

proposals = sa.Table(
    "proposals",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("household_id", sa.Integer, sa.ForeignKey("households.id"), nullable=False, index=True),
    sa.Column("policy_id", sa.Integer, sa.ForeignKey("model_policies.id"), nullable=True),
    sa.Column("batch_id", sa.Integer, sa.ForeignKey("batch_runs.id"), nullable=True, index=True),
    sa.Column("scenario_hash", sa.String(64), nullable=False, index=True),
    sa.Column("inputs", sa.Text, nullable=False),  # JSON: the whole scenario as its file would hold it
    sa.Column("result", sa.Text, nullable=False),  # JSON: RebalanceResult.to_dict()
    sa.Column("result_status", sa.String(30), nullable=False),
    sa.Column("market_date", sa.Date, nullable=True),
    sa.Column("market_source", sa.String(200), nullable=False, server_default=""),
    sa.Column("trades", sa.Integer, nullable=False),
    sa.Column("turnover", sa.Float, nullable=False),
    sa.Column("cost", sa.Float, nullable=False),
    sa.Column("vol_before", sa.Float, nullable=False),
    sa.Column("vol_after", sa.Float, nullable=False),
    sa.Column("max_drift", sa.Float, nullable=False),
    sa.Column("created_by", sa.String(100), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
)

proposal_events = sa.Table(
    "proposal_events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("proposal_id", sa.Integer, sa.ForeignKey("proposals.id"), nullable=False, index=True),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("note", sa.Text, nullable=False, server_default=""),
    sa.Column("who", sa.String(100), nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
    sa.UniqueConstraint("proposal_id", "status", name="uq_event_once"),
    sa.CheckConstraint(
        _in("status", [ProposalStatus.APPROVED, ProposalStatus.REJECTED, ProposalStatus.EXECUTED]),
        name="ck_event_status",
    ),
)
# approved and rejected exclude each other: one decision per proposal
sa.Index(
    "uq_one_decision",
    proposal_events.c.proposal_id,
    unique=True,
    sqlite_where=sa.text("status IN ('approved', 'rejected')"),
    postgresql_where=sa.text("status IN ('approved', 'rejected')"),
)

batch_failures = sa.Table(
    "batch_failures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("batch_id", sa.Integer, sa.ForeignKey("batch_runs.id"), nullable=False, index=True),
    sa.Column("household_id", sa.Integer, sa.ForeignKey("households.id"), nullable=False),
    sa.Column("message", sa.Text, nullable=False),
)

APPEND_ONLY = ("proposals", "proposal_events", "model_policies")
IMMUTABLE_MESSAGE = "is append-only: a change is a new row"


def guard_statements(dialect: str) -> list[str]:
    """DDL that makes the append-only tables refuse UPDATE and DELETE in the database itself."""
    out: list[str] = []
    if dialect == "sqlite":
        for table in APPEND_ONLY:
            for op in ("UPDATE", "DELETE"):
                out.append(
                    f"CREATE TRIGGER IF NOT EXISTS {table}_no_{op.lower()} BEFORE {op} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} {IMMUTABLE_MESSAGE}'); END"
                )
    elif dialect == "postgresql":
        out.append(
            "CREATE OR REPLACE FUNCTION coresat_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN RAISE EXCEPTION USING MESSAGE = TG_TABLE_NAME || ' {IMMUTABLE_MESSAGE}', "
            "ERRCODE = 'integrity_constraint_violation'; END $$"
        )
        for table in APPEND_ONLY:
            out.append(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
            out.append(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION coresat_append_only()"
            )
    return out
