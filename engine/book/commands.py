"""``coresat book ...``: the client book from the command line.

- ``init``: create (or upgrade) the book; ``list``: clients and households; ``policies``;
- ``import FILE... [--client NAME] [--policy NAME]``, ``export CLIENT FILE``: scenario files in and out;
- ``add-policy NAME FILE``: a model policy from a scenario file's targets and limits;
  ``assign CLIENT POLICY [--overrides FILE]``: a household follows it;
- ``proposals [--client C] [--status S] [--batch N]``, ``show ID``, ``approve ID --note TEXT``,
  ``reject ID``, ``executed ID``: proposal history and decisions;
- ``backup FILE``: a consistent copy of a SQLite book.
Every action takes ``--book URL`` (default: ``CORESAT_BOOK_URL``, else book.sqlite in the user data folder).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from engine.errors import CoresatError

if TYPE_CHECKING:
    from engine.book.store import Book

# kept in step with engine.book.schema (a test checks), so building the parser needs no database layer
ACCOUNT_KINDS = ("taxable", "traditional_ira", "roth_ira", "401k", "hsa")
PROPOSAL_STATUSES = ("draft", "approved", "rejected", "executed")
MAX_OVERRIDES_BYTES = 256_000  # a TOML fragment over a policy: a few lines in practice

Action = Callable[["Book", argparse.Namespace], int]


def _book_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--book", metavar="URL", help="client book: a file path, sqlite:///FILE or postgresql://…")


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("book", help="the advisor's client book: clients, model policies, proposals")
    bs = p.add_subparsers(dest="book_command", metavar="ACTION")
    for name, help_ in (
        ("init", "create the client book (or upgrade an older one)"),
        ("list", "clients, their households and the policy each follows"),
        ("policies", "model policies: latest version and how many households follow each"),
    ):
        _book_option(bs.add_parser(name, help=help_))
    imp = bs.add_parser(
        "import", help="add clients from scenario files (the scenario's name is the client unless --client)"
    )
    _book_option(imp)
    imp.add_argument("files", nargs="+", help="scenario files (.coresat.toml)")
    imp.add_argument("--client", help="client name (one file only; default: the scenario's name)")
    imp.add_argument("--household", default="Household", help="household name (default: Household)")
    imp.add_argument("--policy", help="follow this model policy instead of the file's own targets")
    imp.add_argument("--account-kind", choices=ACCOUNT_KINDS, default="taxable", help="account kind")
    ex = bs.add_parser("export", help="write a client's household as a scenario file")
    _book_option(ex)
    ex.add_argument("client")
    ex.add_argument("file", help="scenario file to write (.coresat.toml)")
    ex.add_argument("--household", help="household name, when the client has several")
    ap = bs.add_parser("add-policy", help="save a model policy from a scenario file's targets and limits")
    _book_option(ap)
    ap.add_argument("name")
    ap.add_argument("file", help="scenario file whose targets, limits and data settings are the policy")
    asg = bs.add_parser("assign", help="make a client's household follow a model policy")
    _book_option(asg)
    asg.add_argument("client")
    asg.add_argument("policy")
    asg.add_argument("--household", help="household name, when the client has several")
    asg.add_argument("--overrides", metavar="FILE", help="TOML merged over the policy for this household")
    pr = bs.add_parser("proposals", help="proposal history, newest first")
    _book_option(pr)
    pr.add_argument("--client")
    pr.add_argument("--status", choices=PROPOSAL_STATUSES)
    pr.add_argument("--batch", type=int, help="proposals of one batch run")
    pr.add_argument("--limit", type=int, default=50)
    sh = bs.add_parser("show", help="print a proposal's result JSON")
    _book_option(sh)
    sh.add_argument("id", type=int)
    sh.add_argument("--inputs", action="store_true", help="print the scenario it was computed from instead")
    for name, help_ in (
        ("approve", "approve a draft proposal (a note is required)"),
        ("reject", "reject a draft proposal"),
        ("executed", "record that an approved proposal was traded"),
    ):
        d = bs.add_parser(name, help=help_)
        _book_option(d)
        d.add_argument("id", type=int)
        d.add_argument("--note", default="", help="why (required to approve)")
        d.add_argument("--who", help="who decides (default: the login name)")
    bk = bs.add_parser("backup", help="copy a SQLite book consistently, even while it is in use")
    _book_option(bk)
    bk.add_argument("file", help="backup file to write")


def run(args: argparse.Namespace) -> int:
    from engine.book.store import Book

    action = getattr(args, "book_command", None) or "list"
    url = getattr(args, "book", None)
    creates = action in ("init", "import", "add-policy")
    book = Book.open(url, create=creates)
    try:
        return _ACTIONS[action](book, args)
    finally:
        book.close()


def _init(book: Book, args: argparse.Namespace) -> int:
    from engine.book.schema import SCHEMA_VERSION

    print(f"client book {book.where} (schema {SCHEMA_VERSION}): {len(book.clients())} clients")
    return 0


def _list(book: Book, args: argparse.Namespace) -> int:
    rows = book.households()
    if not rows:
        print(f"the client book {book.where} has no clients yet: coresat book import FILE adds one")
        return 0
    print(f"{'Id':>5}  {'Client':30} {'Household':16} {'Accounts':>8}  Policy")
    for r in rows:
        print(f"{r.id:>5}  {r.client[:30]:30} {r.name[:16]:16} {r.accounts:>8}  {r.policy_name or '-'}")
    return 0


def _policies(book: Book, args: argparse.Namespace) -> int:
    rows = book.policies()
    if not rows:
        print("no model policies yet: coresat book add-policy NAME FILE, or import a client")
    for name, version, users in rows:
        print(f"{name}  (version {version}, {users} household{'s' if users != 1 else ''})")
    return 0


def _import(book: Book, args: argparse.Namespace) -> int:
    if args.client and len(args.files) > 1:
        raise CoresatError("--client names one client: import the files one by one")
    from engine.book.schema import AccountKind
    from engine.model import scenario_file

    scenarios = [(f, scenario_file.load(f)) for f in args.files]  # every file is checked before any is stored
    for f, sc in scenarios:
        ids = book.add_household(
            args.client or sc.name,
            sc,
            household=args.household,
            policy=args.policy,
            kind=AccountKind(args.account_kind),
        )
        print(
            f"{Path(f).name}: client {args.client or sc.name!r}, household {ids.household_id}, policy {ids.policy_name!r}"
        )
    return 0


def _export(book: Book, args: argparse.Namespace) -> int:
    path = book.export_client(args.client, args.file, args.household)
    print(f"wrote {path}")
    return 0


def _add_policy(book: Book, args: argparse.Namespace) -> int:
    from engine.model import scenario_file

    pid = book.save_policy_from_scenario(args.name, scenario_file.load(args.file))
    print(f"policy {args.name!r} saved (id {pid})")
    return 0


def _assign(book: Book, args: argparse.Namespace) -> int:
    overrides = None
    if args.overrides:
        from engine.io.safe_open import read_user_text

        # a regular text file of at most MAX_OVERRIDES_BYTES; a folder, pipe or device is refused by name
        overrides = read_user_text(args.overrides, MAX_OVERRIDES_BYTES, "TOML overrides file")
    book.follow_policy(book.household_id(args.client, args.household), args.policy, overrides)
    print(f"{args.client} follows {args.policy!r}" + (" with overrides" if overrides else ""))
    return 0


def _proposals(book: Book, args: argparse.Namespace) -> int:
    from engine.book import proposals as props

    status = props.Status(args.status) if args.status else None
    rows = props.listing(book, client=args.client, status=status, batch_id=args.batch, limit=args.limit)
    if not rows:
        print("no proposals match")
        return 0
    print(
        f"{'Id':>6}  {'Client':24} {'Status':9} {'Result':17} {'Trades':>6} {'Turnover':>8} "
        f"{'Cost':>9} {'Vol':>13}  {'Market':10}  Made"
    )
    for r in rows:
        s = r.summary
        vol = f"{s.vol_before * 100:.1f}→{s.vol_after * 100:.1f} %"
        market = r.market_date.isoformat() if r.market_date else "-"
        print(
            f"{r.id:>6}  {r.client[:24]:24} {r.status.value:9} {s.result_status:17} {s.trades:>6} "
            f"{s.turnover * 100:7.1f}% {s.cost:9.2f} {vol:>13}  {market:10}  {r.created_at:%Y-%m-%d %H:%M} {r.created_by}"
        )
    return 0


def _show(book: Book, args: argparse.Namespace) -> int:
    from engine.book import proposals as props

    if args.inputs:
        from engine.model import scenario_file

        print(scenario_file.dumps(props.inputs_of(book, args.id)), end="")
    else:
        print(props.result_json(book, args.id))
    return 0


def _decide(status: str) -> Action:
    def act(book: Book, args: argparse.Namespace) -> int:
        from engine.book import proposals as props

        props.set_status(book, args.id, props.Status(status), args.note, args.who)
        print(f"proposal {args.id} {status}")
        return 0

    return act


def _backup(book: Book, args: argparse.Namespace) -> int:
    from engine.book.db import backup

    print(f"backed up {book.where} to {backup(book.engine, args.file)}")
    return 0


_ACTIONS: dict[str, Action] = {
    "init": _init,
    "list": _list,
    "policies": _policies,
    "import": _import,
    "export": _export,
    "add-policy": _add_policy,
    "assign": _assign,
    "proposals": _proposals,
    "show": _show,
    "approve": _decide("approved"),
    "reject": _decide("rejected"),
    "executed": _decide("executed"),
    "backup": _backup,
}
