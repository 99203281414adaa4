"""The ``dugout`` command line.

``dugout [--db PATH | --db-url URL] [--as-of DATE] [COMMAND]``; with no command it opens the
window. Commands import only what they need: none of them loads Qt except ``screenshots`` and
``export teamsheet`` (it draws with Qt's painter, offscreen).
Errors are one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TypeVar

from db.i18n import tr

if TYPE_CHECKING:
    from db.engine import Database

T = TypeVar("T")
EXIT_ERROR = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are a single line."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


class _VersionAction(argparse.Action):
    """``--version``: the version from the package metadata, read only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: object,
                 option_string: str | None = None) -> None:
        from desktop.version import dugout_version

        print(f"dugout {dugout_version()}")
        parser.exit()


def _qt_libraries_missing(*, window: bool) -> str | None:
    """Before Qt is imported: the line to print when a system library it needs is missing."""
    from desktop.system_libraries import check_qt_libraries

    return check_qt_libraries(window=window)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``dugout``."""
    parser = _Parser(prog="dugout", description=tr("Dugout: squad planning for a football club's staff."))
    parser.add_argument("--version", action=_VersionAction, help=tr("print Dugout's version and exit"))
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--db", metavar="PATH", help=tr("SQLite database file (default: your data folder)"))
    where.add_argument("--db-url", metavar="URL", help=tr(
        "a database URL, e.g. postgresql+psycopg://coach@server/dugout (a password comes from ~/.pgpass or PGPASSWORD)"))
    parser.add_argument("--read-only", action="store_true", help=tr(
        "open the database for reading only (e.g. while another program holds its write lock)"))
    parser.add_argument("--as-of", metavar="DATE", help=tr("planning date YYYY-MM-DD (default: today)"))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.add_parser("demo", help=tr(
        "create or refresh the demo season (Real Madrid, May 2025) in its own file, or in an empty server database"))
    commands.add_parser("migrate", help=tr(
        "upgrade the database schema (a file after a backup copy; the only way a server's is upgraded)"))
    importing = commands.add_parser("import", help=tr("import data from a file"))
    kinds = importing.add_subparsers(dest="kind", metavar="KIND", required=True, parser_class=_Parser)
    squad = kinds.add_parser("squad", help=tr("a squad list: CSV or openfootball .txt"))
    squad.add_argument("file", metavar="FILE")
    squad.add_argument("--club", metavar="NAME", help=tr("club the squad belongs to (default: from the file or yours)"))
    squad.add_argument("--season", metavar="LABEL", help=tr("season such as 2024/25"))
    squad.add_argument("--report", metavar="FILE", help=tr("write every added, updated and refused line to FILE"))
    fixtures = kinds.add_parser("fixtures", help=tr(
        "fixtures: a calendar (.ics), a list (.csv) or an openfootball league (.json, every match)"))
    fixtures.add_argument("file", metavar="FILE")
    fixtures.add_argument("--club", metavar="NAME", help=tr(
        "the club the file is for (default: yours; a new database needs it)"))
    fixtures.add_argument("--competition", metavar="NAME", help=tr("the competition of matches the file does not say"))
    exporting = commands.add_parser("export", help=tr("write fixtures or a team sheet to a file"))
    out_kinds = exporting.add_subparsers(dest="kind", metavar="KIND", required=True, parser_class=_Parser)
    out_fixtures = out_kinds.add_parser("fixtures", help=tr(
        "our fixtures as a calendar to subscribe to (FILE.ics) or a list (FILE.csv)"))
    out_fixtures.add_argument("file", metavar="FILE")
    out_fixtures.add_argument("--season", metavar="LABEL", help=tr("only this season, such as 2024/25"))
    sheet = out_kinds.add_parser("teamsheet", help=tr("the team sheet of our match on DATE, as a PDF or a PNG"))
    sheet.add_argument("date", metavar="DATE", help=tr("the match day YYYY-MM-DD, in the fixture's own time zone"))
    sheet.add_argument("file", metavar="FILE", help=tr("FILE.pdf or FILE.png"))
    available = commands.add_parser(
        "availability", help=tr("who can play on a match day: one line per player (name, status, reason)"))
    available.add_argument("date", metavar="DATE", nargs="?",
                           help=tr("the match day YYYY-MM-DD (default: the next fixture from the planning date)"))
    available.add_argument("--competition", metavar="NAME", help=tr("the competition (default: that day's fixture's)"))
    available.add_argument("--csv", action="store_true", help=tr("comma-separated, with a header, for a spreadsheet"))
    budget = commands.add_parser("budget", help=tr("the fee and wage budget of a season: budget, committed, "
                                                   "planned, incoming, remaining"))
    budget.add_argument("--season", metavar="LABEL", help=tr(
        "season such as 2025/26 (default: the one whose transfer window comes next)"))
    budget.add_argument("--scenario", metavar="NAME", help=tr("the scenario counted as planned (default: the first one made)"))
    backup = commands.add_parser("backup", help=tr(
        "back the database up now (SQLite's online backup, checked): into your data folder, or to FILE"))
    backup.add_argument("file", metavar="FILE", nargs="?")
    restore = commands.add_parser("restore", help=tr(
        "put a backup FILE back in place of the database (the current state is backed up first)"))
    restore.add_argument("file", metavar="FILE")
    check = commands.add_parser("check", help=tr(
        "check the database: exit 0 healthy, 1 problems found (listed), 2 it cannot be opened"))
    check.add_argument("--repair", action="store_true", help=tr(
        "after a backup, apply the repairs that lose no data (REINDEX, ANALYZE, VACUUM); exit 0 when healthy after"))
    shots = commands.add_parser("screenshots", help=tr("render every screen to DIR/<screen>.png and exit"))
    shots.add_argument("directory", metavar="DIR")
    return parser


def _fail(message: str, code: int = EXIT_ERROR, *, url: str | None = None) -> int:
    """Print one line on stderr (a password in ``url`` never shows) and return the exit status."""
    from db.engine import hide_password

    line = " ".join(hide_password(message, url).split("\n")).strip()
    print(f"dugout: {line}", file=sys.stderr)
    return code


def _target(args: argparse.Namespace, default: Path) -> str:
    return args.db_url or args.db or str(default)


def _as_of(args: argparse.Namespace, database: Database | None = None) -> dt.date:
    from db.domain.planning import parse_as_of, resolve_as_of
    from db.reference.queries import pinned_as_of

    explicit = parse_as_of(args.as_of) if args.as_of else None
    pinned = None
    if database is not None and explicit is None:
        with database.reading() as session:
            pinned = pinned_as_of(session)
    return resolve_as_of(explicit, None, pinned)


def _run_demo(args: argparse.Namespace) -> int:
    from db.demo import create_demo
    from db.engine import is_sqlite
    from db.opening import sqlite_file
    from db.paths import demo_database_path

    if args.db_url and not is_sqlite(args.db_url):
        # A club trying shared mode: an empty server database takes the demo; another club's is refused.
        report = create_demo(args.db_url)
        where = report.database
    else:
        target = sqlite_file(args.db or args.db_url or demo_database_path())
        report = create_demo(target)
        where = str(target)
    for line in report.lines():
        print(line)
    print(tr("Demo season ready in {p}", p=where))
    return 0


def _run_migrate(args: argparse.Namespace) -> int:
    from db.migrate import head_revision
    from db.opening import open_database
    from db.paths import default_database_path

    database = open_database(_target(args, default_database_path()), migrate=True)
    database.close()
    print(tr("{db} is at schema {rev}", db=database.display_name, rev=head_revision()))
    return 0


def _into_database(args: argparse.Namespace, work: Callable[[Database], T]) -> T:
    """Run an import's ``work`` on the command's database: an existing file is backed up first;
    a file the command creates is removed again when the work fails."""
    from db.backups import backup_before
    from db.engine import is_sqlite
    from db.opening import open_database, sqlite_file
    from db.paths import default_database_path

    target = _target(args, default_database_path())
    new_file = sqlite_file(target) if is_sqlite(target) else None
    if new_file is not None and new_file.exists():
        new_file = None
    database = open_database(target)
    try:
        if new_file is None:
            backup_before(database, "before-import")
        result = work(database)
    except BaseException:
        database.close()
        if new_file is not None:  # a failed command leaves no database behind that it created
            from db.sqlite_files import remove_database_files

            remove_database_files(new_file)
        raise
    database.close()
    return result


def _run_import_squad(args: argparse.Namespace) -> int:
    from db.importers.squad import apply_squad
    from db.importers.squad_files import read_squad_file

    if args.as_of:
        _as_of(args)  # a malformed date fails before anything is opened or written
    parsed = read_squad_file(Path(args.file))  # a bad file fails before the database is touched
    report = _into_database(args, lambda database: apply_squad(
        database, parsed, club=args.club, season=args.season, as_of=_as_of(args, database)))
    for line in report.lines():
        print(line)
    if args.report:
        try:
            Path(args.report).write_text("\n".join(report.lines(limit=None)) + "\n", encoding="utf-8")
        except OSError as error:
            return _fail(tr("the import is done, but the report could not be written to {p}: {e}",
                            p=args.report, e=error.strerror))
    return 0


def _run_import(args: argparse.Namespace) -> int:
    return _run_import_fixtures(args) if args.kind == "fixtures" else _run_import_squad(args)


def _run_import_fixtures(args: argparse.Namespace) -> int:
    from db.importers.fixtures import apply_fixture_plan, plan_fixture_import, read_fixture_file

    read_fixture_file(Path(args.file))  # a bad file fails before the database is touched
    report = _into_database(args, lambda database: apply_fixture_plan(
        database, plan_fixture_import(database, args.file, club=args.club, competition=args.competition)))
    for line in report.lines():
        print(line)
    return 0


def _run_export_fixtures(args: argparse.Namespace) -> int:
    from db.calendar.exports import export_fixtures
    from db.domain.seasons import season_label
    from db.opening import open_database
    from db.paths import default_database_path

    season = season_label(args.season) if args.season else None
    database = open_database(_target(args, default_database_path()), create=False, read_only=args.read_only)
    try:
        count = export_fixtures(database, args.file, season=season)
    finally:
        database.close()
    print(tr("{n} fixtures written to {p}", n=count, p=args.file))
    return 0


def _run_availability(args: argparse.Namespace) -> int:
    from db.medical.report import availability_report
    from db.opening import open_database
    from db.paths import default_database_path

    database = open_database(_target(args, default_database_path()), create=False, read_only=args.read_only)
    try:
        lines = availability_report(database, as_of=_as_of(args, database), day=args.date,
                                    competition=args.competition, as_csv=args.csv)
    finally:
        database.close()
    sys.stdout.write(lines)
    return 0


def _run_budget(args: argparse.Namespace) -> int:
    from db.opening import open_database
    from db.paths import default_database_path
    from db.transfers.report import budget_report

    database = open_database(_target(args, default_database_path()), create=False, read_only=args.read_only)
    try:
        text = budget_report(database, as_of=_as_of(args, database), season=args.season, scenario=args.scenario)
    finally:
        database.close()
    sys.stdout.write(text)
    return 0


def _run_export(args: argparse.Namespace) -> int:
    return _run_export_fixtures(args) if args.kind == "fixtures" else _run_export_teamsheet(args)


def _run_export_teamsheet(args: argparse.Namespace) -> int:
    import os

    from db.errors import DugoutError
    from db.lineup.sheet import team_sheet_on
    from db.opening import open_database
    from db.paths import default_database_path
    from db.reference.queries import our_club_and_season

    try:
        day = dt.date.fromisoformat(args.date.strip())
    except ValueError:
        return _fail(tr("DATE must be a day like 2025-05-04, not '{v}'", v=args.date))
    target = Path(args.file)
    if target.suffix.lower() not in (".pdf", ".png"):
        return _fail(tr("the team sheet is written as FILE.pdf or FILE.png, not '{f}'", f=args.file))
    database = open_database(_target(args, default_database_path()), create=False, read_only=args.read_only)
    try:
        with database.reading() as session:
            found = our_club_and_season(session)
            if found is None or found[0].id is None:
                raise DugoutError(tr("this database has no club yet: no team sheet"))
            sheet = team_sheet_on(session, club_id=found[0].id, day=day, as_of=_as_of(args, database))
    finally:
        database.close()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a file, not a window: no display needed
    problem = _qt_libraries_missing(window=False)
    if problem is not None:
        return _fail(problem)
    from PySide6.QtWidgets import QApplication

    from desktop.app import make_application, silence_offscreen_noise
    from desktop.common.team_sheet import write_team_sheet
    from desktop.i18n import install_translations

    owned = QApplication.instance() is None
    app = make_application()
    if owned:
        install_translations(app)
        silence_offscreen_noise()
    try:
        write_team_sheet(sheet, target)
    except OSError as error:
        return _fail(tr("cannot write {p}: {e}", p=target, e=error.strerror))
    finally:
        if owned:  # tear Qt down while Python is still whole
            app.shutdown()
    print(tr("Team sheet for {title} written to {p}", title=sheet.title, p=target))
    return 0


def _sqlite_target(args: argparse.Namespace, command: str) -> Path:
    """The file a backup, restore or check works on; a server is refused in one line."""
    from db.backups import BackupsNotAvailable
    from db.engine import is_sqlite, without_password
    from db.opening import sqlite_file
    from db.paths import default_database_path

    target = _target(args, default_database_path())
    if not is_sqlite(target):
        raise BackupsNotAvailable(tr(
            "`{c}` works on SQLite files; {db} is a server database: back it up with pg_dump and check it there",
            c=command, db=without_password(target)))
    return sqlite_file(target)


def _run_backup(args: argparse.Namespace) -> int:
    from db.backups import make_backup
    from db.opening import identify

    path = _sqlite_target(args, "backup")
    if not path.exists():
        return _fail(tr("{p} does not exist", p=path))
    identify(path)  # only a Dugout database that can be opened is backed up
    target = Path(args.file).expanduser() if args.file else None
    if target is not None and target.resolve() == path.resolve():
        return _fail(tr("the backup cannot be the database itself: {p}", p=target))
    if target is not None and target.exists():
        return _fail(tr("{p} exists already; choose a new file for the backup", p=target))
    made = make_backup(path, target=target)
    print(tr("Backed up {db} to {p} ({size} bytes, integrity ok)", db=path.name, p=made.path, size=made.size))
    return 0


def _run_restore(args: argparse.Namespace) -> int:
    from db.backups import restore_backup
    from db.migrations import HEAD
    from db.opening import identify, open_database

    path = _sqlite_target(args, "restore")
    source = Path(args.file).expanduser()
    if not source.is_file():
        return _fail(tr("{p} does not exist", p=source))
    if path.exists() and source.resolve() == path.resolve():
        return _fail(tr("{p} is the database itself, not a backup of it", p=source))
    current = restore_backup(path, source)
    if current is not None:
        print(tr("The state before the restore is backed up in {p}", p=current.path))
    print(tr("Restored {db} from {p}", db=path.name, p=source))
    revision = identify(path).revision
    if revision != HEAD:  # an older Dugout's backup: upgraded now, like any older file (after a backup copy)
        open_database(path, create=False).close()
        print(tr("Upgraded {db} from schema {old} to {new}", db=path.name, old=revision, new=HEAD))
    return 0


EXIT_PROBLEMS = 1
EXIT_CANNOT_OPEN = 2


def _run_check(args: argparse.Namespace) -> int:
    from db.engine import is_sqlite
    from db.errors import DatabaseRefused
    from db.health import check_file, check_server, repair_file
    from db.opening import sqlite_file
    from db.paths import default_database_path

    target = _target(args, default_database_path())
    try:
        if not is_sqlite(target):
            if args.repair:
                return _fail(tr("--repair works on SQLite files; a server repairs its own files"), url=target)
            report = check_server(target)
        else:
            path = sqlite_file(target)
            report = repair_file(path) if args.repair else check_file(path)
    except DatabaseRefused as refused:
        return _fail(_with_way_out(refused, target), EXIT_CANNOT_OPEN, url=target)
    for line in report.lines():
        print(line)
    return 0 if report.healthy else EXIT_PROBLEMS


def _with_way_out(refused: Exception, target: str) -> str:
    """A refusal with what the user can do about it: restore a good backup, open read-only, another file."""
    from db.engine import is_sqlite
    from db.errors import DatabaseRefused

    reason = refused.reason if isinstance(refused, DatabaseRefused) else ""
    # The file refused, which is not always the --db one (the demo has its own file).
    refused_file = refused.path if isinstance(refused, DatabaseRefused) else None
    if reason not in ("corrupt", "locked") or (refused_file is None and not is_sqlite(target)):
        return str(refused)
    from db.backups import latest_good_backup
    from db.opening import sqlite_file

    path = refused_file or sqlite_file(target)
    if reason == "locked":
        return tr("{e} (dugout --db {p} --read-only …)", e=refused, p=path)
    good = latest_good_backup(path)
    if good is None:
        return tr("{e}; there is no backup of it: open another file with --db", e=refused)
    return tr("{e}; restore the latest good backup ({t}) with: dugout --db {p} restore {b}",
              e=refused, t=good.taken_at.strftime("%Y-%m-%d %H:%M"), p=path, b=good.path)


def _run_screenshots(args: argparse.Namespace) -> int:
    problem = _qt_libraries_missing(window=False)
    if problem is not None:
        return _fail(problem)
    from desktop.screenshots import run_screenshots

    return run_screenshots(args)


def _run_window(args: argparse.Namespace) -> int:
    import os

    no_screen = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")
    )
    if no_screen:  # Qt would abort with a core dump; say what to do instead
        return _fail(tr("no display to open a window on: set DISPLAY (or run under Xvfb)"))
    problem = _qt_libraries_missing(window=True)
    if problem is not None:
        return _fail(problem)
    from desktop.app import run_app

    return run_app(args)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``dugout``; returns the exit status."""
    from db.errors import DugoutError, ValidationError

    args = build_parser().parse_args(argv)
    handlers = {
        "demo": _run_demo,
        "migrate": _run_migrate,
        "import": _run_import,
        "export": _run_export,
        "screenshots": _run_screenshots,
        "availability": _run_availability,
        "budget": _run_budget,
        "backup": _run_backup,
        "restore": _run_restore,
        "check": _run_check,
        None: _run_window,
    }
    try:
        if args.as_of:
            _as_of(args)
        writes = _writes(args)
        if args.read_only and writes is not None:
            return _fail(tr("--read-only: `{c}` changes the database; run it without --read-only", c=writes), EXIT_USAGE)
        return handlers[args.command](args)
    except ValidationError as error:
        return _fail(error.message, url=args.db_url)
    except DugoutError as error:
        from db.paths import default_database_path

        return _fail(_with_way_out(error, _target(args, default_database_path())), url=args.db_url)
    except KeyboardInterrupt:
        return _fail(tr("interrupted"), 130)
    except Exception as error:  # the last line of defence: one line for the user, details in the log
        if isinstance(error, ImportError):  # a library Qt loads that the check above did not know
            from desktop.system_libraries import loader_error_message

            missing = loader_error_message(error)
            if missing is not None:
                return _fail(missing)
        _log_crash(args.db_url)
        if type(error).__module__.startswith("sqlalchemy"):
            return _fail(_database_error(error), url=args.db_url)
        return _fail(tr("unexpected error: {e} (details in {log})", e=error, log=_crash_log_path()), url=args.db_url)


def _writes(args: argparse.Namespace) -> str | None:
    """The command as typed when it changes the database (refused with --read-only), else None."""
    if args.command in ("demo", "migrate", "restore"):
        return str(args.command)
    if args.command == "import":
        return f"import {args.kind}"
    if args.command == "check" and args.repair:
        return "check --repair"
    return None


def _database_error(error: Exception) -> str:
    """A database driver's error as one line (SQLAlchemy appends the SQL and a link)."""
    from db.errors import one_line

    reason = one_line(error)
    if "locked" in reason or "busy" in reason or "lock timeout" in reason:
        return tr("the database is busy: another program is writing to it; try again")
    return tr("database error: {e}", e=reason)


def _crash_log_path() -> Path:
    from db.paths import data_dir

    return data_dir() / "crash.log"


def _log_crash(url: str | None) -> None:
    from db.engine import hide_password

    try:
        path = _crash_log_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(f"--- {dt.datetime.now().isoformat()}\n{hide_password(traceback.format_exc(), url)}\n")
    except OSError:
        pass
