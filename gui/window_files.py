"""The main window's file commands: new from a template, open, save, import holdings, export trades, recent files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from engine.errors import CoresatError
from engine.io.atomic import SaveError
from engine.model.scenario_file import write_atomic
from engine.report.orders import household_order_paths, write_household_orders
from engine.result import Status
from gui import edits, export, settings, templates
from gui.dialogs import ImportPreview
from gui.engine_texts import engine_phrase
from gui.holdings_csv import HoldingsCsvError, parse_file
from gui.panels.household_tree import household_result
from gui.target_editor import TargetEditor

if TYPE_CHECKING:
    from gui.mainwindow import MainWindow

SCENARIO_FILTER = "Coresat scenario (*.coresat.toml *.toml);;All files (*)"


def template_titles() -> dict[str, str]:
    """File > New's choices, translated (the keys of ``templates.TEMPLATES``)."""
    return {
        "blank": QCoreApplication.translate("Templates", "Blank: an IWM core only"),
        "iwm_value": QCoreApplication.translate("Templates", "IWM core with value satellites (IWN, VBR)"),
        "vtwo_sp600_growth": QCoreApplication.translate(
            "Templates", "VTWO core with S&P 600 and growth satellites"
        ),
        "total": QCoreApplication.translate(
            "Templates", "Total portfolio with a small-cap sleeve (SPY, AGG outside)"
        ),
    }


class FileCommands(QObject):
    """What File and Edit → Targets do; the window's methods of the same names call these."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ws = window.ws

    def confirm_discard(self) -> bool:
        """Ask before losing unsaved edits. True: go on."""
        if not self.ws.dirty or not self.window.ask_before_discard:
            return True
        answer = QMessageBox.question(
            self.window,
            self.tr("Unsaved changes"),
            self.tr("Save the changes to this scenario first?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_file(self) -> None:
        """A new scenario from a template the user picks (no holdings, $10,000 cash)."""
        if not self.confirm_discard():
            return
        titles = template_titles()
        choice, ok = QInputDialog.getItem(
            self.window, self.tr("New scenario"), self.tr("Start from:"), list(titles.values()), 1, False
        )
        if ok:
            self.new_from_template(next(k for k, t in titles.items() if t == choice))

    def new_from_template(self, key: str) -> None:
        self.ws.set_document(templates.template(key, self.tr("Untitled") if key == "blank" else None), None)

    def edit_targets(self, focus: str = "") -> bool:
        """The targets editor; its changes become one undoable edit. True when applied."""
        if self.ws.scenario is None:
            return False
        dialog = TargetEditor(self.ws.scenario, self.window, focus=focus or None)
        self.window._open_editor = dialog  # tests reach the open dialog
        try:
            if dialog.exec() != TargetEditor.DialogCode.Accepted:
                return False
            self.ws.edit(dialog.edited())
            return True
        finally:
            self.window._open_editor = None

    def open_dialog(self) -> None:
        if not self.confirm_discard():
            return
        start = str(self.ws.path.parent) if self.ws.path else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open scenario"), start, SCENARIO_FILTER)
        if path:
            self.open_path(path)

    def open_path(self, path: str | Path) -> bool:
        try:
            self.ws.open(path)
        except (CoresatError, OSError) as exc:
            QMessageBox.warning(
                self.window, self.tr("Cannot open scenario"), f"{Path(path).name}: {engine_phrase(str(exc))}"
            )
            return False
        except Exception as exc:  # a reader's bug: still one line in a dialog, never an exit
            msg = f"{Path(path).name}: {type(exc).__name__}: {str(exc)[:200]}"
            QMessageBox.warning(self.window, self.tr("Cannot open scenario"), msg)
            return False
        self.fill_recent(settings.add_recent_file(str(Path(path).resolve())))
        return True

    def save(self) -> bool:
        if self.ws.path is None:
            return self.save_as()
        return self.save_to(self.ws.path)

    def save_as(self) -> bool:
        folder = self.ws.path.parent if self.ws.path else Path.home()
        start = str(folder / self.ws.doc.suggested_file_name())  # the file's name, else the scenario's
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save scenario"), start, SCENARIO_FILTER)
        if not path:
            return False
        if not path.endswith(".toml"):
            path += ".coresat.toml"
        return self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        try:
            saved = self.ws.save(path)
        except (CoresatError, OSError) as exc:
            QMessageBox.warning(
                self.window, self.tr("Cannot save scenario"), f"{path.name}: {engine_phrase(str(exc))}"
            )
            return False
        self.fill_recent(settings.add_recent_file(str(saved.resolve())))
        self.window.statusBar().showMessage(self.tr("Saved {name}").format(name=saved.name), 4000)
        return True

    def import_holdings(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Import holdings"), str(Path.home()), "CSV (*.csv *.txt);;All files (*)"
        )
        if path:
            self.import_holdings_from(path)

    def import_holdings_from(self, path: str | Path, *, preview: bool = True) -> bool:
        """Read the CSV, preview, then replace the holdings. A bad file changes nothing."""
        holdings = self.window.holdings
        try:
            parsed = parse_file(path)
        except HoldingsCsvError as exc:
            msg = self.tr("Holdings not imported from {name}: {msg}. Nothing was changed.")
            holdings.problem.show_problem(msg.format(name=Path(path).name, msg=engine_phrase(str(exc))))
            self.window.statusBar().showMessage(self.tr("Holdings not imported"), 6000)
            return False
        if preview:
            dialog = ImportPreview(parsed.holdings, Path(path).name, self.window)
            if dialog.exec() != ImportPreview.DialogCode.Accepted:
                return False
        assert self.ws.scenario is not None
        holdings.problem.clear_problem()
        self.ws.edit(edits.replace_holdings(self.ws.scenario, parsed.holdings))
        return True

    def export_trades(self) -> None:
        r = self.ws.result
        if r is None or not r.trades:
            return
        hr = household_result(self.ws.outcome)
        if hr is None:  # one file: the dialog itself asks before replacing it
            path, _ = QFileDialog.getSaveFileName(
                self.window, self.tr("Export trades"), str(Path.home() / "trades.csv"), "CSV (*.csv)"
            )
        else:  # a base name: the files written are one per trading account, asked about below
            path, _ = QFileDialog.getSaveFileName(
                self.window,
                self.tr("Export orders (one file per account)"),
                str(Path.home() / "orders.csv"),
                "CSV (*.csv)",
                options=QFileDialog.Option.DontConfirmOverwrite,
            )
            if path and not self._replace_ok([p for _, p in household_order_paths(path, hr)]):
                return
        if path:
            self.export_trades_to(Path(path))

    def _replace_ok(self, paths: list[Path]) -> bool:
        """True when none of ``paths`` exists, or the user agrees to replace those that do."""
        there = [p.name for p in paths if p.exists()]
        if not there:
            return True
        answer = QMessageBox.question(
            self.window,
            self.tr("Replace files?"),
            self.tr("These files exist and will be replaced: {names}").format(names=", ".join(there)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def export_trades_to(self, path: Path) -> bool:
        """The trades to ``path``; a household's as order-upload files, one per account that trades
        (engine.report.orders: ``trades.csv`` → ``trades-joint.csv``, ``trades-lee_ira.csv``, …)."""
        r = self.ws.result
        if r is None:
            return False
        hr = household_result(self.ws.outcome)
        if hr is not None and hr.status is Status.INFEASIBLE:
            QMessageBox.warning(
                self.window,
                self.tr("Cannot export trades"),
                self.tr("No trade list meets every account's rules and the limits: nothing was exported."),
            )
            return False
        try:
            if hr is not None:
                written = write_household_orders(path, hr)
            else:
                write_atomic(path, export.trades_csv(r))
                written = [path]
        except SaveError as exc:  # says which file and that nothing was left half written
            QMessageBox.warning(self.window, self.tr("Cannot export trades"), engine_phrase(str(exc)))
            return False
        except OSError as exc:
            QMessageBox.warning(
                self.window, self.tr("Cannot export trades"), f"{path.name}: {exc.strerror or exc}"
            )
            return False
        if hr is not None:
            msg = self.tr("Orders saved, one file per account: {names}")
        else:
            msg = self.tr("Trades saved to {names}")
        self.window.statusBar().showMessage(msg.format(names=", ".join(p.name for p in written)), 8000)
        return True

    def update_actions(self) -> None:
        """Disable what cannot run now; the tooltip (and status tip) says why."""
        w, sc, r = self.window, self.ws.scenario, self.ws.result
        no_doc = self.tr("Open or create a scenario first (File → New or Open).")
        if r is None:
            export = self.tr("No result yet: fix the problem shown, or wait for the computation.")
        elif (hr := household_result(self.ws.outcome)) is not None and hr.status is Status.INFEASIBLE:
            export = self.tr("No trade list meets every account's rules and the limits: nothing to export.")
        elif not r.trades:
            export = self.tr("No trades to export: the portfolio is already on target.")
        else:
            export = ""
        for act, why, tip in (
            (w.act_export, no_doc if sc is None else export, w._tips["export"]),
            (w.act_save, no_doc if sc is None else "", ""),
            (w.act_save_as, no_doc if sc is None else "", ""),
            (w.act_refresh, no_doc if sc is None else "", ""),
            (w.act_edit_targets, no_doc if sc is None else "", w._tips["edit_targets"]),
        ):
            act.setEnabled(not why)
            act.setToolTip(why or tip or act.text().replace("&", ""))
            act.setStatusTip(why or tip)

    def fill_recent(self, items: list[str] | None = None) -> None:
        menu = self.window.recent_menu
        menu.clear()
        for p in items if items is not None else settings.recent_files():
            act = menu.addAction(Path(p).name)
            act.setToolTip(p)
            act.triggered.connect(lambda _c=False, p=p: self.confirm_discard() and self.open_path(p))
        menu.setEnabled(not menu.isEmpty())
